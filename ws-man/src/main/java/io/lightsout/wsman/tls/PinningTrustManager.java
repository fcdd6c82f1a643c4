package io.lightsout.wsman.tls;

import java.net.Socket;
import java.security.KeyStore;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One trust manager for all endpoints: it looks up the peer's {@code host:port} in the {@link TrustRegistry} and
 * applies that endpoint's policy. This keeps trust per BMC while all BMCs share one HTTP client, one connection
 * pool and one TLS session cache.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final TrustRegistry registry;
    private final Map<TrustPolicy.CaTrust, X509ExtendedTrustManager> pkix = new ConcurrentHashMap<>();

    public PinningTrustManager(TrustRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String host = engine == null ? null : engine.getPeerHost();
        int port = engine == null ? -1 : engine.getPeerPort();
        check(chain, authType, host, port, ca -> ca.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        String host = null;
        if (socket instanceof SSLSocket tls && tls.getHandshakeSession() != null) {
            host = tls.getHandshakeSession().getPeerHost();
        }
        int port = socket == null ? -1 : socket.getPort();
        check(chain, authType, host, port, ca -> ca.checkServerTrusted(chain, authType, socket));
    }

    /** The PKIX check for a CaTrust policy, bound to the socket or engine (so it can verify the host name). */
    private interface CaCheck {
        void run(X509ExtendedTrustManager pkix) throws CertificateException;
    }

    private void check(X509Certificate[] chain, String authType, String host, int port, CaCheck caCheck)
            throws CertificateException {
        if (host == null || chain == null || chain.length == 0) {
            throw new CertificateException("no peer address or certificate to check");
        }
        String endpoint = host + ":" + port;
        TrustPolicy policy = registry.policy(host, port)
                .orElseThrow(() -> new CertificateException("no trust policy for " + endpoint));
        String presented = TrustRegistry.sha256(chain[0]);
        if (policy instanceof TrustPolicy.PinOnFirstUse first) {
            policy = registry.pinIfFirstUse(host, port, first, presented);
        }
        switch (policy) {
            case TrustPolicy.Pinned(String sha) -> {
                if (!sha.equals(presented)) {
                    throw new CertificateMismatchException(endpoint, sha, presented);
                }
            }
            case TrustPolicy.CaTrust ca -> caCheck.run(pkix.computeIfAbsent(ca, PinningTrustManager::pkixFor));
            case TrustPolicy.PinOnFirstUse ignored -> throw new CertificateException("pin race on " + endpoint);
        }
    }

    private static X509ExtendedTrustManager pkixFor(TrustPolicy.CaTrust ca) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca.authorities().isEmpty()) {
                f.init((KeyStore) null);
            } else {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int i = 0;
                for (X509Certificate c : ca.authorities()) {
                    ks.setCertificateEntry("ca" + i++, c);
                }
                f.init(ks);
            }
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509ExtendedTrustManager in the JDK");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build CA trust", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("peer address needed to choose a trust policy");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
