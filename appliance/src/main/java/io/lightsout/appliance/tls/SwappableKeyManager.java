package io.lightsout.appliance.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** A key manager whose certificate and key can be replaced while the listener runs (new handshakes see it). */
final class SwappableKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "server";

    private record Current(PrivateKey key, X509Certificate[] chain) {
    }

    private volatile Current current;

    SwappableKeyManager(PrivateKey key, X509Certificate[] chain) {
        swap(key, chain);
    }

    void swap(PrivateKey key, X509Certificate[] chain) {
        this.current = new Current(key, chain.clone());
    }

    X509Certificate[] chain() {
        return current.chain().clone();
    }

    PrivateKey key() {
        return current.key();
    }

    private String aliasFor(String keyType) {
        return current.key().getAlgorithm().equalsIgnoreCase(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String a = aliasFor(keyType);
        return a == null ? null : new String[] {a};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? current.chain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? current.key() : null;
    }
}
