package io.lightsout.appliance.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a client trusts the appliance's certificate, as one {@link SSLContext} per client (never JVM-wide): the
 * JDK's CAs, a CA file, a pinned SHA-256 fingerprint of the appliance certificate, or nothing (labs only).
 */
public final class Trust {
    private Trust() {
    }

    /** The JDK's default trust store. */
    public static SSLContext system() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts certificates issued by the CA(s) in a PEM file (host name checked as usual). */
    public static SSLContext caFile(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IOException("no certificate in " + pem);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return context(tmf.getTrustManagers()[0]);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + pem + " as CA file: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts exactly the server certificate whose SHA-256 (hex, any case, colons allowed) is given. The pin
     * replaces the host name check: it names the one certificate accepted.
     */
    public static SSLContext pinned(String sha256) {
        String want = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        if (!want.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("--trust-fingerprint expects a SHA-256 fingerprint (64 hex digits)");
        }
        return context(new Accepting(chain -> {
            String got = fingerprint(chain[0]);
            if (!MessageDigest.isEqual(got.getBytes(), want.getBytes())) {
                throw new CertificateException("the appliance certificate's SHA-256 is " + got
                        + ", not the pinned " + want);
            }
        }));
    }

    /** Accepts any certificate: for labs only; callers must say so to the user. */
    public static SSLContext insecure() {
        return context(new Accepting(chain -> { }));
    }

    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface ChainCheck {
        void check(X509Certificate[] chain) throws CertificateException;
    }

    /** A server-only trust manager applying one check; being "extended", the JDK adds no host name check. */
    private static final class Accepting extends X509ExtendedTrustManager {
        private final ChainCheck check;

        Accepting(ChainCheck check) {
            this.check = check;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check.check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check.check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check.check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
