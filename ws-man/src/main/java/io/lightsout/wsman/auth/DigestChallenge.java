package io.lightsout.wsman.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A parsed {@code WWW-Authenticate: Digest ...} challenge with its own nonce counter. AMT quotes every value,
 * including {@code stale="false"}, and offers {@code qop="auth-int, auth"} (device-management-toolkit/rps#779).
 *
 * @param realm the realm
 * @param nonce the server nonce
 * @param opaque the opaque value, or {@code null}
 * @param algorithm {@code MD5}, {@code MD5-sess}, {@code SHA-256} or {@code SHA-256-sess}
 * @param qop the offered qop values, lower-case (empty for an RFC 2069 challenge)
 * @param stale whether the server says the previous nonce merely expired
 * @param counter the nc counter for this nonce
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, List<String> qop,
                              boolean stale, AtomicLong counter) {

    /** Finds and parses the Digest challenge among the {@code WWW-Authenticate} header values. */
    public static Optional<DigestChallenge> find(List<String> wwwAuthenticate) {
        for (String h : wwwAuthenticate) {
            int at = h.toLowerCase(Locale.ROOT).indexOf("digest ");
            if (at >= 0 && (at == 0 || h.charAt(at - 1) == ' ' || h.charAt(at - 1) == ',')) {
                Map<String, String> p = params(h.substring(at + 7));
                if (p.containsKey("nonce") && p.containsKey("realm")) {
                    List<String> qop = p.containsKey("qop")
                            ? List.of(p.get("qop").toLowerCase(Locale.ROOT).split("\\s*,\\s*")) : List.of();
                    return Optional.of(new DigestChallenge(p.get("realm"), p.get("nonce"), p.get("opaque"),
                            p.getOrDefault("algorithm", "MD5"), qop,
                            "true".equalsIgnoreCase(p.getOrDefault("stale", "false")), new AtomicLong()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether one of the header values offers Basic. */
    public static boolean offersBasic(List<String> wwwAuthenticate) {
        return wwwAuthenticate.stream().anyMatch(h -> h.regionMatches(true, 0, "basic", 0, 5)
                || h.toLowerCase(Locale.ROOT).contains(", basic"));
    }

    /** Parses {@code k=v, k="quoted \" value"} up to the next auth scheme token. */
    static Map<String, String> params(String s) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            if (key.contains(" ") || key.contains(",")) {
                break; // the next scheme ("Basic realm=...") begins
            }
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    v.append(s.charAt(i++));
                }
            }
            out.put(key, v.toString().strip());
        }
        return out;
    }
}
