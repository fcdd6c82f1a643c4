package io.lightsout.wsman.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** How one endpoint's TLS certificate is trusted. There is deliberately no "trust anything" policy. */
public sealed interface TrustPolicy permits TrustPolicy.Pinned, TrustPolicy.PinOnFirstUse, TrustPolicy.CaTrust {

    /**
     * Only the certificate with this SHA-256 fingerprint (of its DER encoding) is accepted; any other fails with
     * {@link io.lightsout.wsman.WsmanTlsException.Kind#CERTIFICATE_CHANGED}. Host names are not checked: BMC
     * certificates rarely name the address they are reached at, and the pin is stronger than the name.
     *
     * @param sha256 64 hex digits, case and {@code :} separators ignored
     */
    record Pinned(String sha256) implements TrustPolicy {
        public Pinned {
            sha256 = normalize(sha256);
        }
    }

    /**
     * Accept the first certificate seen, hand its fingerprint to {@code onPinned} (the caller stores it), and
     * from then on behave as {@link Pinned}.
     *
     * @param onPinned called once with the fingerprint, from the handshake thread, before the handshake goes on;
     *                 it may refuse the certificate (then the handshake fails and the endpoint is first-use again)
     */
    record PinOnFirstUse(OnPinned onPinned) implements TrustPolicy {
        public PinOnFirstUse {
            Objects.requireNonNull(onPinned, "onPinned");
        }
    }

    /** Stores a certificate pinned on first use. */
    @FunctionalInterface
    interface OnPinned {
        /**
         * Called with the fingerprint of the certificate just pinned, on the handshake thread.
         *
         * @param sha256 the fingerprint, lower-case hex
         * @throws CertificateException to refuse the certificate, e.g. because the store holds another pin for
         *                              the endpoint already (a concurrent first use saw a different certificate)
         */
        void pinned(String sha256) throws CertificateException;
    }

    /**
     * PKIX validation with host name checks against these CA certificates, or the JDK's default trust store when
     * the list is empty.
     *
     * @param authorities the trusted CA certificates
     */
    record CaTrust(List<X509Certificate> authorities) implements TrustPolicy {
        public CaTrust {
            authorities = List.copyOf(authorities);
        }
    }

    /** Lower-case hex without separators; rejects anything that is not 32 bytes of hex. */
    static String normalize(String sha256) {
        String hex = sha256.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits");
        }
        HexFormat.of().parseHex(hex);
        return hex;
    }
}
