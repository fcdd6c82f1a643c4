package io.lightsout.wsman.tls;

import java.security.cert.CertificateException;

/** Thrown inside the handshake when a pinned endpoint presents another certificate. */
public final class CertificateMismatchException extends CertificateException {

    private final String presented;

    public CertificateMismatchException(String endpoint, String pinned, String presented) {
        super("certificate of " + endpoint + " changed: pinned SHA-256 " + pinned + ", presented " + presented
                + "; re-trust the endpoint if the change is expected");
        this.presented = presented;
    }

    /** The presented certificate's SHA-256. */
    public String presented() {
        return presented;
    }
}
