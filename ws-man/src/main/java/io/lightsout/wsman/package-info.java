/**
 * WS-Management client on Apache CXF: envelopes, Identify/Get/Put/Enumerate/Pull/Invoke, faults,
 * Basic/Digest auth and per-endpoint TLS trust. Typed device profiles live in sub-packages.
 */
package io.lightsout.wsman;
