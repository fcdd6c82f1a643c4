package io.lightsout.appliance.tls;

import java.util.List;

/** The subject of a certificate signing request; only {@code commonName} is required. */
public record CsrRequest(String commonName, List<String> subjectAlternativeNames, String organization,
                         String organizationalUnit, String locality, String state, String country) {
}
