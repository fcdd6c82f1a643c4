/**
 * WS-Management client: envelopes built by us, Identify/Get/Put/Enumerate/Pull/Release/Invoke, SOAP faults as typed
 * exceptions, Basic/Digest auth and per-endpoint TLS trust, over our own HTTP/1.1 transport with a per-endpoint
 * connection pool (docs/decisions/0002-wsman-transport.md). Start at {@link io.lightsout.wsman.WsmanClient}. Typed
 * device profiles live in {@code .idrac} and {@code .amt}; their shared power model in {@code .profile}.
 */
package io.lightsout.wsman;
