package io.lightsout.appliance.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Key pairs, self-signed certificates and CSRs (Bouncy Castle). */
final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair rsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The names a browser may reach this machine by, for the self-signed certificate: the configured name, the
     * {@code also} names (public name, bind address), the machine's own host name, {@code localhost}, loopback
     * and every address of every interface. No DNS lookup: names are only what the machine calls itself.
     */
    static List<String> localNames(String hostname, List<String> also) {
        Set<String> names = new LinkedHashSet<>();
        names.add(hostname);
        also.stream().map(Certificates::bare).filter(n -> !n.isEmpty() && !n.equals("0.0.0.0") && !n.equals("::"))
                .forEach(names::add);
        String machine = machineName();
        if (machine != null) {
            names.add(machine);
        }
        names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    String s = a.getHostAddress();
                    names.add(s.contains("%") ? s.substring(0, s.indexOf('%')) : s);
                }
            }
        } catch (SocketException e) {
            // no interface list: the host name and loopback names still work
        }
        // one entry per address: "::1" and "0:0:0:0:0:0:0:1" are the same SAN
        Set<String> unique = new LinkedHashSet<>();
        names.forEach(n -> unique.add(isIp(n) ? canonicalIp(n) : n));
        return new ArrayList<>(unique);
    }

    private static String canonicalIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: parsed, never looked up
        } catch (java.net.UnknownHostException e) {
            return literal;
        }
    }

    /** The kernel's host name ({@code /proc/sys/kernel/hostname} on Linux, so no resolver is asked). */
    private static String machineName() {
        try {
            String n = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            if (!n.isEmpty()) {
                return n;
            }
        } catch (java.io.IOException | SecurityException e) {
            // not Linux: ask Java, which may consult the resolver once
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static String bare(String name) {
        String n = name.strip();
        return n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
    }

    static X509Certificate selfSigned(KeyPair kp, String commonName, List<String> sans, Instant now, Duration valid) {
        try {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.O, "lightsout appliance (self-signed)").build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(127, RANDOM),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(valid)), name, kp.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(kp)));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the self-signed certificate: " + e.getMessage(), e);
        }
    }

    static PKCS10CertificationRequest csr(KeyPair kp, CsrRequest r) {
        try {
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
            addIf(nb, BCStyle.C, r.country());
            addIf(nb, BCStyle.ST, r.state());
            addIf(nb, BCStyle.L, r.locality());
            addIf(nb, BCStyle.O, r.organization());
            addIf(nb, BCStyle.OU, r.organizationalUnit());
            nb.addRDN(BCStyle.CN, r.commonName());
            JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(nb.build(),
                    kp.getPublic());
            List<String> sans = new ArrayList<>();
            sans.add(r.commonName());
            if (r.subjectAlternativeNames() != null) {
                r.subjectAlternativeNames().stream().filter(s -> !sans.contains(s)).forEach(sans::add);
            }
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            return b.build(signer(kp));
        } catch (java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the CSR: " + e.getMessage(), e);
        }
    }

    private static void addIf(X500NameBuilder nb, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, String v) {
        if (v != null && !v.isBlank()) {
            nb.addRDN(oid, v.strip());
        }
    }

    /** An IP literal becomes an iPAddress SAN, anything else a dNSName. */
    static GeneralNames generalNames(List<String> sans) {
        return new GeneralNames(sans.stream().map(s -> isIp(s) ? new GeneralName(GeneralName.iPAddress, s)
                : new GeneralName(GeneralName.dNSName, s)).toArray(GeneralName[]::new));
    }

    static boolean isIp(String s) {
        return s.matches("[0-9.]+") || s.contains(":");
    }

    private static ContentSigner signer(KeyPair kp) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
    }
}
