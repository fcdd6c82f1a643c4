package io.lightsout.appliance.tls;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS certificate: generated self-signed at first boot, replaced through CSR + upload of the CA-signed
 * certificate without a restart (the listener's key manager is swapped; new handshakes get the new certificate).
 * Files in {@code DATA/tls}: {@code server.p12} (key and chain, 0600), {@code csr.p12} + {@code csr.pem} (pending CSR).
 */
public final class TlsManager {
    private static final Logger LOG = LoggerFactory.getLogger(TlsManager.class);
    private static final char[] PW = "lightsout-tls".toCharArray();
    private static final String HOST_OR_IP = "[A-Za-z0-9*]([A-Za-z0-9.-]{0,252})|[0-9A-Fa-f:.]{2,45}";

    private final Path dir;
    private final Clock clock;
    private final SwappableKeyManager keyManager;

    private TlsManager(Path dir, Clock clock, SwappableKeyManager keyManager) {
        this.dir = dir;
        this.clock = clock;
        this.keyManager = keyManager;
    }

    /**
     * Loads the certificate from {@code dir}, generating a self-signed one at first boot: CN {@code hostname},
     * SANs that name plus {@code alsoNames} (public name, bind address), the machine's host name, localhost and
     * every local address.
     */
    public static TlsManager open(Path dir, String hostname, List<String> alsoNames, Clock clock) {
        Path server = dir.resolve("server.p12");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(server)) {
                KeyPair kp = Certificates.rsa2048();
                X509Certificate cert = Certificates.selfSigned(kp, hostname,
                        Certificates.localNames(hostname, alsoNames), clock.instant(), Duration.ofDays(825));
                writeKeyStore(server, kp.getPrivate(), new X509Certificate[] {cert});
                LOG.info("TLS: generated a self-signed certificate for {} (SHA-256 {})", hostname, Pem.sha256(cert));
            }
            KeyStore ks = readKeyStore(server);
            PrivateKey key = (PrivateKey) ks.getKey("server", PW);
            X509Certificate[] chain = java.util.Arrays.stream(ks.getCertificateChain("server"))
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            return new TlsManager(dir, clock, new SwappableKeyManager(key, chain));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the TLS certificate in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TLS key store " + server + " is damaged: " + e.getMessage(), e);
        }
    }

    /** A server SSLContext over the swappable key manager (protocols and suites are set by the listener). */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {keyManager}, null, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public CertificateInfo info() {
        return info(keyManager.chain()[0]);
    }

    public X509Certificate certificate() {
        return keyManager.chain()[0];
    }

    /** Creates a CSR with a new RSA 2048 key, keeps the key until the signed certificate arrives. */
    public synchronized String createCsr(CsrRequest r) {
        validate(r);
        KeyPair kp = Certificates.rsa2048();
        String pem = Pem.write(Certificates.csr(kp, r));
        X509Certificate holder = Certificates.selfSigned(kp, "pending-csr", List.of("localhost"), clock.instant(),
                Duration.ofDays(1));
        try {
            writeKeyStore(dir.resolve("csr.p12"), kp.getPrivate(), new X509Certificate[] {holder});
            Path pemFile = dir.resolve("csr.pem");
            Files.writeString(pemFile, pem, StandardCharsets.US_ASCII);
            Files.setLastModifiedTime(pemFile, FileTime.from(clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pem;
    }

    /** The pending CSR. */
    public record PendingCsr(String pem, Instant createdAt) {
    }

    public Optional<PendingCsr> pendingCsr() {
        Path pemFile = dir.resolve("csr.pem");
        try {
            if (!Files.exists(pemFile)) {
                return Optional.empty();
            }
            return Optional.of(new PendingCsr(Files.readString(pemFile, StandardCharsets.US_ASCII),
                    Files.getLastModifiedTime(pemFile).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs a CA-signed certificate (leaf first, then its chain) for the pending CSR's key (or the current key,
     * for a renewal) and swaps it into the running listener.
     */
    public synchronized CertificateInfo install(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new ApplianceException.BadRequest("No certificate found in the upload (expected PEM text with "
                    + "-----BEGIN CERTIFICATE----- blocks, leaf first)");
        }
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(pem);
        } catch (CertificateException e) {
            // the JDK parser's message names its internals, not the operator's mistake
            throw new ApplianceException.BadRequest("The upload is not a readable PEM certificate: check that each "
                    + "block is complete base64 between its BEGIN and END lines");
        }
        if (chain.isEmpty()) {
            throw new ApplianceException.BadRequest("No certificate could be read from the upload");
        }
        X509Certificate leaf = chain.getFirst();
        checkServerUse(leaf);
        checkValidity(chain);
        checkChain(chain);
        PrivateKey key = matchingKey(leaf.getPublicKey());
        try {
            writeKeyStore(dir.resolve("server.p12"), key, chain.toArray(X509Certificate[]::new));
            Files.deleteIfExists(dir.resolve("csr.p12"));
            Files.deleteIfExists(dir.resolve("csr.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyManager.swap(key, chain.toArray(X509Certificate[]::new));
        LOG.info("TLS: installed certificate {} (SHA-256 {})", leaf.getSubjectX500Principal(), Pem.sha256(leaf));
        return info(leaf);
    }

    private void checkValidity(List<X509Certificate> chain) {
        Instant now = clock.instant();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String which = i == 0 ? "The certificate" : "Chain certificate " + (i + 1) + " (" + c.getSubjectX500Principal() + ")";
            if (now.isBefore(c.getNotBefore().toInstant())) {
                throw new ApplianceException.BadRequest(which + " is not valid before " + c.getNotBefore().toInstant());
            }
            if (now.isAfter(c.getNotAfter().toInstant())) {
                throw new ApplianceException.BadRequest(which + " expired on " + c.getNotAfter().toInstant());
            }
        }
    }

    /** RFC 5280 4.2.1.12: with an extended key usage, TLS clients require id-kp-serverAuth. */
    private static void checkServerUse(X509Certificate leaf) {
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null && !eku.contains("1.3.6.1.5.5.7.3.1") && !eku.contains("2.5.29.37.0")) {
                throw new ApplianceException.BadRequest("The certificate is not for TLS servers: its extended key "
                        + "usage lacks serverAuth (1.3.6.1.5.5.7.3.1)");
            }
        } catch (CertificateParsingException e) {
            throw new ApplianceException.BadRequest("The certificate's extended key usage cannot be read");
        }
        if (leaf.getBasicConstraints() >= 0) {
            throw new ApplianceException.BadRequest("The first certificate is a CA certificate; upload the "
                    + "appliance's own certificate first, then its issuers");
        }
    }

    private static void checkChain(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new ApplianceException.BadRequest("Chain certificate " + (i + 2) + " ("
                        + chain.get(i + 1).getSubjectX500Principal() + ") did not sign certificate " + (i + 1)
                        + "; upload the leaf first, then each issuer in order");
            }
        }
    }

    private PrivateKey matchingKey(PublicKey leafKey) {
        Path csr = dir.resolve("csr.p12");
        try {
            if (Files.exists(csr)) {
                KeyStore ks = readKeyStore(csr);
                if (ks.getCertificate("server").getPublicKey().equals(leafKey)) {
                    return (PrivateKey) ks.getKey("server", PW);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The pending CSR key store is damaged: " + e.getMessage(), e);
        }
        if (keyManager.chain()[0].getPublicKey().equals(leafKey)) {
            return keyManager.key();
        }
        throw new ApplianceException.BadRequest(Files.exists(csr)
                ? "The certificate's public key does not match the pending CSR; upload the certificate issued for it"
                : "No CSR is pending and the certificate does not match the current key; create a CSR first");
    }

    private static CertificateInfo info(X509Certificate c) {
        List<String> sans = new ArrayList<>();
        try {
            if (c.getSubjectAlternativeNames() != null) {
                c.getSubjectAlternativeNames().forEach(l -> sans.add(String.valueOf(l.get(1))));
            }
        } catch (CertificateParsingException e) {
            // unreadable SAN extension: shown as none
        }
        boolean self = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
        return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), Pem.sha256(c), sans, self);
    }

    private static void validate(CsrRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.commonName() == null || !r.commonName().strip().matches(HOST_OR_IP)) {
            errors.add(new FieldError("commonName", "A host name or IP address is required."));
        }
        if (r != null && r.subjectAlternativeNames() != null) {
            for (int i = 0; i < r.subjectAlternativeNames().size(); i++) {
                String s = r.subjectAlternativeNames().get(i);
                if (s == null || !s.strip().matches(HOST_OR_IP)) {
                    errors.add(new FieldError("subjectAlternativeNames[" + i + "]", "Not a host name or IP address."));
                }
            }
        }
        if (r != null && r.country() != null && !r.country().isBlank() && !r.country().matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("country", "A two-letter ISO 3166 country code."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The CSR request is not valid", errors);
        }
    }

    private static KeyStore readKeyStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PW);
        }
        return ks;
    }

    private static void writeKeyStore(Path file, PrivateKey key, X509Certificate[] chain) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PW, chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, PW);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
