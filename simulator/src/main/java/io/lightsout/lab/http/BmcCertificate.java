package io.lightsout.lab.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
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
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A BMC's own self-signed certificate (EC P-256 key, the BMC's IP as SAN) and the {@link SSLContext} facade its
 * listener uses. The key and certificate are made on first use (first handshake or {@link #sha256()}), so
 * starting 10,000 BMCs creates no keys; {@link #rotate()} makes the next handshake use a new key and
 * certificate (the "certificate that changes" fault). Engines come from the lab's shared {@link LabTls}.
 */
public final class BmcCertificate {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong ALIASES = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String commonName;
    private final InetAddress address;
    private final Clock clock;
    private final LabTls tls;
    private final SSLContext facade;
    private volatile Built built;

    /** A key, its certificate and the alias the lab's key manager knows them by. */
    record Built(String alias, PrivateKey key, X509Certificate certificate) {
    }

    public BmcCertificate(String commonName, InetAddress address, Clock clock, LabTls tls) {
        this.commonName = commonName;
        this.address = address;
        this.clock = clock;
        this.tls = tls;
        this.facade = new Facade(new Spi());
    }

    /** The context to give the listener. */
    public SSLContext sslContext() {
        return facade;
    }

    /** SHA-256 of the current certificate's DER encoding, lower-case hex (makes it if needed). */
    public String sha256() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(current().certificate.getEncoded());
            return HexFormat.of().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current certificate (makes it if needed). */
    public X509Certificate certificate() {
        return current().certificate;
    }

    /** Drops the current key and certificate; the next handshake gets new ones. */
    public synchronized void rotate() {
        Built old = built;
        built = null;
        if (old != null) {
            tls.unregister(old.alias);
        }
    }

    String alias() {
        return current().alias;
    }

    private Built current() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build();
                    tls.register(b.alias, b);
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
            return new Built("bmc-" + ALIASES.incrementAndGet(), kp.getPrivate(), cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the lab certificate for " + commonName, e);
        }
    }

    private static final class Facade extends SSLContext {
        Facade(SSLContextSpi spi) {
            super(spi, new Provider("lightsout-lab", "1", "lab TLS facade") { }, "TLS");
        }
    }

    /** Engines from the shared context, tagged with this BMC; everything else delegates. */
    private final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            // configured by the lab, not by callers
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("the lab serves TLS through engines only");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("the lab serves TLS through engines only");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return tls.engineFor(BmcCertificate.this, null, -1);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return tls.engineFor(BmcCertificate.this, host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return tls.context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return tls.context().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return tls.context().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return tls.context().getSupportedSSLParameters();
        }
    }
}
