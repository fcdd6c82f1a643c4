package io.lightsout.lab.http;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The lab's one real TLS context. Each BMC's listener gets a facade context ({@link BmcCertificate}) whose
 * engines come from here, tagged with the BMC; the key manager then serves that BMC's own key and certificate.
 * One context for the fleet keeps 10,000 BMCs cheap (no context, session cache or key manager per BMC).
 */
public final class LabTls {
    private final SSLContext context;
    private final Map<SSLEngine, BmcCertificate> owners = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, BmcCertificate.Built> byAlias = new ConcurrentHashMap<>();

    public LabTls() {
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ByEngine()}, null, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the lab's TLS context", e);
        }
    }

    SSLEngine engineFor(BmcCertificate owner, String host, int port) {
        SSLEngine e = host == null ? context.createSSLEngine() : context.createSSLEngine(host, port);
        owners.put(e, owner);
        return e;
    }

    SSLContext context() {
        return context;
    }

    void register(String alias, BmcCertificate.Built built) {
        byAlias.put(alias, built);
    }

    void unregister(String alias) {
        byAlias.remove(alias);
    }

    /** Picks the key of the BMC that created the engine. */
    private final class ByEngine extends X509ExtendedKeyManager {
        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            BmcCertificate owner = owners.get(engine);
            return owner != null && "EC".equals(keyType) ? owner.alias() : null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            BmcCertificate.Built b = byAlias.get(alias);
            return b == null ? null : new X509Certificate[] {b.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            BmcCertificate.Built b = byAlias.get(alias);
            return b == null ? null : b.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
