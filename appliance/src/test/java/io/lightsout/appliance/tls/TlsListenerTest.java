package io.lightsout.appliance.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.cli.client.Trust;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTPS listener's protocols and suites, checked by real handshakes and sslscan; CSR and certificate swap. */
class TlsListenerTest {
    private static TestAppliance appliance;
    private static int port;

    @BeforeAll
    static void start() {
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
        port = appliance.appliance().httpsPort();
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    private static SSLSocket handshake(String protocol, String... suites) throws Exception {
        SSLContext ctx = Trust.insecure();
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.setEnabledProtocols(new String[] {protocol});
        if (suites.length > 0) {
            s.setEnabledCipherSuites(suites);
        }
        s.startHandshake();
        return s;
    }

    @Test
    void tls13AndTls12WithAeadSuitesHandshake() throws Exception {
        try (SSLSocket s = handshake("TLSv1.3")) {
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket s = handshake("TLSv1.2")) {
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(s.getSession().getCipherSuite()).matches("TLS_ECDHE_RSA_WITH_.*(GCM|CHACHA20).*");
        }
    }

    @Test
    void tls12WithOnlyCbcSuitesIsRefused() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384").close()).isInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void tls11IsRefusedByTheServer() throws Exception {
        // OpenSSL's client may offer TLS 1.1 at security level 0, so a refusal comes from the server
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_1",
                "-cipher", "DEFAULT:@SECLEVEL=0").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).containsAnyOf("alert protocol version", "no protocols available", "handshake failure",
                "wrong version number", "unsupported protocol");
        assertThat(out).contains("Cipher is (NONE)").doesNotContain("BEGIN CERTIFICATE");
    }

    @Test
    void sslscanSeesOnlyTls12And13WithStrongSuites() throws Exception {
        Path xml = Files.createTempFile("sslscan", ".xml");
        try {
            Process p = new ProcessBuilder("sslscan", "--no-colour", "--no-heartbleed", "--xml=" + xml,
                    "127.0.0.1:" + port).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String report = Files.readString(xml);
            assertThat(report).contains("<protocol type=\"tls\" version=\"1.3\" enabled=\"1\"")
                    .contains("<protocol type=\"tls\" version=\"1.2\" enabled=\"1\"")
                    .contains("<protocol type=\"tls\" version=\"1.1\" enabled=\"0\"")
                    .contains("<protocol type=\"tls\" version=\"1.0\" enabled=\"0\"")
                    .contains("<protocol type=\"ssl\" version=\"3\" enabled=\"0\"");
            List<String> ciphers = report.lines().filter(l -> l.contains("<cipher status=")).toList();
            assertThat(ciphers).isNotEmpty().allSatisfy(l -> assertThat(l).containsAnyOf("GCM", "CHACHA20")
                    .doesNotContain("CBC").doesNotContain("RC4").doesNotContain("3DES"));
        } finally {
            Files.deleteIfExists(xml);
        }
    }

    @Test
    void aSignedCertificateForTheCsrIsSwappedInWithoutARestart() throws Exception {
        Http http = appliance.http();
        Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
        assertThat(http.get("/api/v1/tls/certificate", admin).json().path("selfSigned").asBoolean()).isTrue();
        Res csrRes = http.json("POST", "/api/v1/tls/csr", Map.of("commonName", "appliance.example.test",
                "subjectAlternativeNames", List.of("10.20.30.40", "lo.example.test"), "organization", "Example",
                "country", "DE"), admin);
        assertThat(csrRes.status()).isEqualTo(201);
        assertThat(http.get("/api/v1/tls/csr", admin).json().path("pem").asText())
                .isEqualTo(csrRes.json().path("pem").asText());
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new java.io.StringReader(csrRes.json().path("pem").asText()))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        assertThat(csr.getSubject().toString()).contains("CN=appliance.example.test").contains("C=DE");

        KeyPair caKey = Certificates.rsa2048();
        X509Certificate ca = testCa(caKey);
        X509Certificate leaf = sign(caKey, ca, new JcaPKCS10CertificationRequest(csr).getPublicKey(),
                "appliance.example.test", Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(90)));

        Res garbage = http.send("PUT", "/api/v1/tls/certificate", "hello", "text/plain", admin);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("detail").asText()).contains("No certificate found");
        Res caFirst = http.send("PUT", "/api/v1/tls/certificate", Pem.write(ca), "application/x-pem-file", admin);
        assertThat(caFirst.status()).isEqualTo(400);
        assertThat(caFirst.json().path("detail").asText()).contains("is a CA certificate");
        X509Certificate otherKey = sign(caKey, ca, Certificates.rsa2048().getPublic(), "appliance.example.test",
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(90)));
        Res wrongKey = http.send("PUT", "/api/v1/tls/certificate", Pem.write(otherKey, ca), "application/x-pem-file",
                admin);
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.json().path("detail").asText()).contains("does not match the pending CSR");
        X509Certificate expired = sign(caKey, ca, new JcaPKCS10CertificationRequest(csr).getPublicKey(),
                "appliance.example.test", Instant.now().minus(Duration.ofDays(9)), Instant.now().minus(Duration.ofDays(1)));
        Res old = http.send("PUT", "/api/v1/tls/certificate", Pem.write(expired, ca), "application/x-pem-file", admin);
        assertThat(old.json().path("detail").asText()).contains("expired on");
        Res badChain = http.send("PUT", "/api/v1/tls/certificate", Pem.write(leaf, leaf), "text/plain", admin);
        assertThat(badChain.json().path("detail").asText()).contains("did not sign certificate 1");

        Res ok = http.send("PUT", "/api/v1/tls/certificate", Pem.write(leaf, ca), "application/x-pem-file", admin);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("selfSigned").asBoolean()).isFalse();
        assertThat(ok.json().path("sha256").asText()).isEqualTo(Pem.sha256(leaf));
        try (SSLSocket s = handshake("TLSv1.3")) {
            X509Certificate served = (X509Certificate) s.getSession().getPeerCertificates()[0];
            assertThat(Pem.sha256(served)).isEqualTo(Pem.sha256(leaf));
            assertThat(s.getSession().getPeerCertificates()).hasSize(2);
        }
        assertThat(http.get("/api/v1/tls/csr", Auth.bearer("x")).status()).isEqualTo(401);
        Http pinnedNew = new Http("https://127.0.0.1:" + port, Pem.sha256(leaf));
        assertThat(pinnedNew.get("/api/v1/tls/csr", pinnedNew.login("admin", TestAppliance.ADMIN_PW)).status())
                .isEqualTo(404);
    }

    private static X509Certificate testCa(KeyPair k) throws Exception {
        X500Name name = new X500Name("CN=Test CA");
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(10))), name, k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(k.getPrivate())));
    }

    private static X509Certificate sign(KeyPair caKey, X509Certificate ca, java.security.PublicKey subject, String cn,
                                        Instant from, Instant to) throws Exception {
        var b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(System.nanoTime()), Date.from(from),
                Date.from(to), new X500Name("CN=" + cn), subject);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(caKey.getPrivate())));
    }
}
