package io.lightsout.appliance.web;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** A throw-away certificate authority that signs what the appliance's CSR asks for, as a real CA would. */
final class TestCa {
    private final KeyPair key;
    private final X509Certificate certificate;

    TestCa(String name) throws Exception {
        key = rsa();
        var subject = new X500Name("CN=" + name);
        var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, from(), until(), subject, key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        certificate = sign(builder);
    }

    /** Issues a certificate for the CSR's subject, public key and subject alternative names. */
    X509Certificate sign(String csrPem) throws Exception {
        PKCS10CertificationRequest csr;
        try (var parser = new PEMParser(new StringReader(csrPem))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        var builder = new X509v3CertificateBuilder(new X500Name(certificate.getSubjectX500Principal().getName()),
                BigInteger.valueOf(System.nanoTime()), from(), until(), csr.getSubject(), csr.getSubjectPublicKeyInfo());
        for (var attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            var san = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0))
                    .getExtension(Extension.subjectAlternativeName);
            if (san != null) builder.addExtension(san);
        }
        return sign(builder);
    }

    X509Certificate certificate() {
        return certificate;
    }

    static String pem(X509Certificate... chain) throws Exception {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            for (X509Certificate c : chain) writer.writeObject(c);
        }
        return out.toString();
    }

    /**
     * A server certificate for an unrelated key, issued by a throw-away CA: valid PEM that matches no pending CSR
     * (a leaf, not a CA certificate, so the appliance's CA-as-leaf check does not answer first).
     */
    static X509Certificate unrelated(String name) throws Exception {
        TestCa ca = new TestCa(name + " CA");
        var subject = new X500Name("CN=" + name);
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name + " CA"),
                BigInteger.valueOf(System.nanoTime()), from(), until(), subject, rsa().getPublic());
        return ca.sign(builder);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair rsa() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(Duration.ofDays(90)));
    }
}
