package io.lightsout.lab.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A BMC's own self-signed certificate and the {@link SSLContext} its listener uses. The real context (EC P-256
 * key, certificate with the BMC's IP as SAN) is built on the first handshake, so starting 10,000 BMCs creates
 * no keys; {@link #rotate()} makes the next connection see a new key and certificate (the "certificate that
 * changes" fault). Each real context keeps its own session cache, so TLS resumption works per BMC.
 */
public final class BmcCertificate {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String commonName;
    private final InetAddress address;
    private final Clock clock;
    private final SSLContext facade;
    private volatile Built built;

    private record Built(SSLContext context, X509Certificate certificate) {
    }

    public BmcCertificate(String commonName, InetAddress address, Clock clock) {
        this.commonName = commonName;
        this.address = address;
        this.clock = clock;
        this.facade = new Facade(new Spi());
    }

    /** The context to give the listener: it delegates to the current real context. */
    public SSLContext sslContext() {
        return facade;
    }

    /** SHA-256 of the current certificate's DER encoding, lower-case hex (builds it if needed). */
    public String sha256() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(current().certificate.getEncoded());
            return HexFormat.of().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current certificate (builds it if needed). */
    public X509Certificate certificate() {
        return current().certificate;
    }

    /** Drops the current key and certificate; the next handshake gets new ones. */
    public void rotate() {
        synchronized (this) {
            built = null;
        }
    }

    private Built current() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build();
                    built = b;
                }
            }
        }
        return b;
    }

    private Built build() {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair kp = kpg.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ",O=lightsout lab");
            long now = clock.millis();
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), new Date(now - Duration.ofDays(1).toMillis()),
                    new Date(now + Duration.ofDays(3650).toMillis()), name, kp.getPublic());
            cb.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, address.getHostAddress())));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    cb.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new OneKey(kp.getPrivate(), cert)}, null, null);
            return new Built(ctx, cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the lab certificate for " + commonName, e);
        }
    }

    private static final class Facade extends SSLContext {
        Facade(SSLContextSpi spi) {
            super(spi, new Provider("lightsout-lab", "1", "lab TLS facade") { }, "TLS");
        }
    }

    private final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            // configured by the BMC, not by callers
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return current().context.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return current().context.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return current().context.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return current().context.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return current().context.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return current().context.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return current().context.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return current().context.getSupportedSSLParameters();
        }
    }

    /** Serves exactly one key and certificate. */
    private static final class OneKey extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate cert;

        OneKey(PrivateKey key, X509Certificate cert) {
            this.key = key;
            this.cert = cert;
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
            return new String[] {"bmc"};
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return "EC".equals(keyType) ? "bmc" : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return "EC".equals(keyType) ? "bmc" : null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {cert};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
