package io.lightsout.wsman;

import java.util.Optional;

/**
 * The TLS handshake failed: the device's certificate is not the pinned one, is not trusted, or the handshake
 * itself failed (protocol or cipher mismatch).
 */
public final class WsmanTlsException extends WsmanException {

    /** Why the handshake failed. */
    public enum Kind {
        /** The certificate's SHA-256 differs from the pinned one; the caller must re-trust it explicitly. */
        CERTIFICATE_CHANGED,
        /** The certificate does not chain to a trusted CA. */
        UNTRUSTED,
        /** Any other handshake failure. */
        HANDSHAKE
    }

    private final Kind kind;
    private final String presentedSha256;

    public WsmanTlsException(String endpoint, Kind kind, String message, String presentedSha256, Throwable cause) {
        super(endpoint, message, cause);
        this.kind = kind;
        this.presentedSha256 = presentedSha256;
    }

    public Kind kind() {
        return kind;
    }

    /** The SHA-256 fingerprint (hex) of the certificate the device presented, when known. */
    public Optional<String> presentedSha256() {
        return Optional.ofNullable(presentedSha256);
    }
}
