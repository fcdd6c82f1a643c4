package io.lightsout.wsman.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Produces the {@code Authorization} header for one endpoint and decides what a 401 means. Thread-safe: concurrent
 * calls share the current Digest nonce and draw distinct nonce counts from it.
 *
 * <p>Rules (RFC 7616 §3.3–3.4, and the loops seen in the wild — QuMesh#435): a call may answer at most one
 * challenge. It does so when it sent no credentials yet, when the server marks the nonce {@code stale=true}, or
 * when it used a remembered nonce the server has since replaced. A 401 in reply to an answered challenge is an
 * authentication failure.
 */
public final class Authenticator {

    /** The credentials a request went out with: the header (or none) and the Digest challenge it answered. */
    public record Attempt(Optional<String> header, DigestChallenge challenge) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Credentials credentials;
    private final SecureRandom random = new SecureRandom();
    private volatile AuthScheme scheme;
    private volatile DigestChallenge current;

    public Authenticator(Credentials credentials, AuthScheme scheme) {
        this.credentials = credentials;
        this.scheme = scheme;
    }

    /** The header for the next request to {@code uri} (the request path) with this body. */
    public Attempt next(String method, String uri, byte[] body) {
        AuthScheme s = scheme;
        if (s == AuthScheme.BASIC) {
            String token = credentials.username() + ":" + credentials.password();
            return new Attempt(Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    token.getBytes(StandardCharsets.UTF_8))), null);
        }
        DigestChallenge c = current;
        if (s == AuthScheme.AUTO || c == null) {
            return new Attempt(Optional.empty(), null);
        }
        return new Attempt(Optional.of(digest(c, method, uri, body)), c);
    }

    /**
     * Whether to retry after a 401 carrying these {@code WWW-Authenticate} values. Updates the remembered
     * challenge either way.
     *
     * @param sent what the refused request carried
     * @param alreadyRetried whether this call already answered a challenge
     */
    public boolean shouldRetry(List<String> wwwAuthenticate, Attempt sent, boolean alreadyRetried) {
        Optional<DigestChallenge> digest = DigestChallenge.find(wwwAuthenticate);
        if (scheme == AuthScheme.AUTO) {
            if (digest.isPresent()) {
                current = digest.get();
                scheme = AuthScheme.DIGEST;
                return !alreadyRetried;
            }
            if (DigestChallenge.offersBasic(wwwAuthenticate)) {
                scheme = AuthScheme.BASIC;
                return !alreadyRetried;
            }
            return false;
        }
        if (scheme == AuthScheme.BASIC || digest.isEmpty()) {
            return false;
        }
        DigestChallenge fresh = digest.get();
        current = fresh;
        if (alreadyRetried) {
            return false;
        }
        return sent.challenge() == null || fresh.stale() || !fresh.nonce().equals(sent.challenge().nonce());
    }

    private String digest(DigestChallenge c, String method, String uri, byte[] body) {
        String alg = c.algorithm().toUpperCase(Locale.ROOT);
        String hashName = alg.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String qop = c.qop().contains("auth") ? "auth" : c.qop().contains("auth-int") ? "auth-int" : null;
        String cnonce = HEX.formatHex(randomBytes());
        String hex = Long.toHexString(c.counter().incrementAndGet());
        String nc = "00000000".substring(Math.min(8, hex.length())) + hex;
        String ha1 = hash(hashName, credentials.username() + ":" + c.realm() + ":" + credentials.password());
        if (alg.endsWith("-SESS")) {
            ha1 = hash(hashName, ha1 + ":" + c.nonce() + ":" + cnonce);
        }
        String ha2 = "auth-int".equals(qop)
                ? hash(hashName, method + ":" + uri + ":" + hash(hashName, body))
                : hash(hashName, method + ":" + uri);
        String response = qop == null
                ? hash(hashName, ha1 + ":" + c.nonce() + ":" + ha2)
                : hash(hashName, ha1 + ":" + c.nonce() + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder h = new StringBuilder(256).append("Digest username=\"").append(quote(credentials.username()))
                .append("\", realm=\"").append(quote(c.realm())).append("\", nonce=\"").append(quote(c.nonce()))
                .append("\", uri=\"").append(quote(uri)).append("\", algorithm=").append(c.algorithm())
                .append(", response=\"").append(response).append('"');
        if (qop != null) {
            h.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (c.opaque() != null) {
            h.append(", opaque=\"").append(quote(c.opaque())).append('"');
        }
        return h.toString();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String hash(String alg, String s) {
        return hash(alg, s.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String alg, byte[] b) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(alg).digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }
}
