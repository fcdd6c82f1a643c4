package io.lightsout.wsman.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trust policy of every TLS endpoint, keyed by {@code host:port}, consulted by the one shared
 * {@link PinningTrustManager}. An endpoint with no policy is refused.
 */
public final class TrustRegistry {

    private final Map<String, TrustPolicy> policies = new ConcurrentHashMap<>();

    /** Sets (or replaces, e.g. to re-trust a changed certificate) the policy of an endpoint. */
    public void trust(String host, int port, TrustPolicy policy) {
        policies.put(key(host, port), policy);
    }

    /** The policy of an endpoint, if any. */
    public Optional<TrustPolicy> policy(String host, int port) {
        return Optional.ofNullable(policies.get(key(host, port)));
    }

    /**
     * Turns a first-use policy into a pin, once; returns the policy now in force. When the pin's owner refuses it,
     * the endpoint goes back to first use and the refusal is thrown.
     */
    TrustPolicy pinIfFirstUse(String host, int port, TrustPolicy.PinOnFirstUse expected, String sha256)
            throws CertificateException {
        String k = key(host, port);
        TrustPolicy pinned = new TrustPolicy.Pinned(sha256);
        if (policies.replace(k, expected, pinned)) {
            try {
                expected.onPinned().pinned(sha256);
            } catch (CertificateException | RuntimeException e) {
                policies.replace(k, pinned, expected);
                throw e;
            }
            return pinned;
        }
        return policies.get(k);
    }

    static String key(String host, int port) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The SHA-256 fingerprint (lower-case hex) of a certificate's DER encoding. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
