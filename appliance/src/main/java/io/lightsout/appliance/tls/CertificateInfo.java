package io.lightsout.appliance.tls;

import java.time.Instant;
import java.util.List;

/** What the portal and API show about the serving certificate. */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256,
                              List<String> subjectAlternativeNames, boolean selfSigned) {
}
