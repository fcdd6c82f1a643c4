/**
 * WS-Management client: envelopes built by us, Identify/Get/Put/Enumerate/Pull/Release/Invoke, SOAP faults as typed
 * exceptions, Basic/Digest auth and per-endpoint TLS trust, over one shared JDK HTTP client
 * (docs/decisions/0002-wsman-transport.md). Start at {@link io.lightsout.wsman.WsmanClient}. Typed device profiles
 * live in {@code .idrac} and {@code .amt}.
 */
package io.lightsout.wsman;
