package io.lightsout.lab.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Digest (RFC 7616 with MD5, as Intel AMT speaks it): challenge with realm {@code Digest:<32 hex>},
 * {@code qop="auth-int, auth"} and a quoted {@code stale}; qop {@code auth} and {@code auth-int} verified.
 * Nonces are stateless (issue time + HMAC under a lab secret), so an expired but genuine nonce is answered with
 * {@code stale="true"} and a fresh one, which is what lets a client retry exactly once.
 */
public final class DigestAuth {

    /** The outcome of checking an Authorization header. */
    public enum Result { OK, STALE, FAILED }

    private final Clock clock;
    private final Duration nonceLifetime;
    private final byte[] secret = new byte[32];

    public DigestAuth(Clock clock, Duration nonceLifetime) {
        this.clock = clock;
        this.nonceLifetime = nonceLifetime;
        new SecureRandom().nextBytes(secret);
    }

    /** The WWW-Authenticate value for a challenge. */
    public String challenge(String realm, boolean stale) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + newNonce() + "\", stale=\"" + stale
                + "\", qop=\"auth-int, auth\"";
    }

    /** Checks an Authorization header against the expected user and password. */
    public Result check(String header, String method, byte[] body, String realm, String user, String password) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Result.FAILED;
        }
        Map<String, String> p = params(header.substring(7));
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        if (nonce == null || uri == null || response == null || !realm.equals(p.get("realm"))
                || !user.equals(p.get("username"))) {
            return Result.FAILED;
        }
        String qop = p.get("qop");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = "auth-int".equals(qop)
                ? md5(method + ":" + uri + ":" + md5(body))
                : md5(method + ":" + uri);
        String expected = qop == null
                ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Result.FAILED;
        }
        Long issued = nonceIssued(nonce);
        if (issued == null) {
            return Result.FAILED;
        }
        return clock.millis() - issued > nonceLifetime.toMillis() ? Result.STALE : Result.OK;
    }

    private String newNonce() {
        long now = clock.millis();
        String ts = Long.toHexString(now);
        return Base64.getEncoder().withoutPadding().encodeToString((ts + ":" + hmac(ts))
                .getBytes(StandardCharsets.US_ASCII));
    }

    private Long nonceIssued(String nonce) {
        try {
            String s = new String(Base64.getDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int c = s.indexOf(':');
            if (c < 0) {
                return null;
            }
            String ts = s.substring(0, c);
            if (!MessageDigest.isEqual(hmac(ts).getBytes(StandardCharsets.US_ASCII),
                    s.substring(c + 1).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            return Long.parseLong(ts, 16);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String s) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    end = n;
                }
                value = s.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = s.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                value = s.substring(i, end).trim();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    static String md5(String s) {
        return md5(s.getBytes(StandardCharsets.UTF_8));
    }

    static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
