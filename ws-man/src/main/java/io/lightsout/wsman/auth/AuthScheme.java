package io.lightsout.wsman.auth;

/** How a session authenticates. */
public enum AuthScheme {
    /** HTTP Basic, sent with every request (iDRAC; only over TLS in production). */
    BASIC,
    /** HTTP Digest (RFC 7616, qop=auth), nonce reused with a counter, one retry on {@code stale=true} (AMT, DASH). */
    DIGEST,
    /** The first request goes without credentials; the device's challenge picks Digest if offered, else Basic. */
    AUTO
}
