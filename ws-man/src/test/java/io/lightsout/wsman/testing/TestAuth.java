package io.lightsout.wsman.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side Basic and Digest checks for {@link FakeBmc}, written from RFC 7617 / RFC 7616 independently of the
 * client's code, so a misunderstanding cannot hide in both. Digest rejects a replayed (nonce, nc) pair.
 */
public final class TestAuth {

    private TestAuth() {
    }

    public static FakeBmc.Handler basic(String user, String password, FakeBmc.Handler inner) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return req -> expected.equals(req.authorization()) ? inner.handle(req)
                : new FakeBmc.Reply(401, Map.of("WWW-Authenticate", "Basic realm=\"wsman\""), new byte[0]);
    }

    /** A Digest realm in AMT's style; {@link #staleOnce()} makes the next valid request get a stale=true 401. */
    public static final class Digest implements FakeBmc.Handler {
        private final String user;
        private final String password;
        private final FakeBmc.Handler inner;
        private final String realm = "Digest:F3EB554784E729164447A89F60B641C5";
        private final AtomicInteger nonces = new AtomicInteger();
        private volatile String nonce = "n" + nonces.incrementAndGet();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean staleNext = new AtomicBoolean();
        public final AtomicInteger challenges = new AtomicInteger();

        public Digest(String user, String password, FakeBmc.Handler inner) {
            this.user = user;
            this.password = password;
            this.inner = inner;
        }

        public void staleOnce() {
            staleNext.set(true);
        }

        @Override
        public FakeBmc.Reply handle(FakeBmc.Req req) throws Exception {
            String h = req.authorization();
            if (h == null || !h.startsWith("Digest ")) {
                return challenge(false);
            }
            Map<String, String> p = params(h.substring(7));
            if (!nonce.equals(p.get("nonce"))) {
                return challenge(true);
            }
            String ha1 = md5(user + ":" + realm + ":" + password);
            String ha2 = md5(req.method() + ":" + p.get("uri"));
            String expected = md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":"
                    + p.get("qop") + ":" + ha2);
            if (!user.equals(p.get("username")) || !"auth".equals(p.get("qop")) || !expected.equals(p.get("response"))
                    || !req.path().equals(p.get("uri")) || !seen.add(p.get("nonce") + "/" + p.get("nc"))) {
                return challenge(false);
            }
            if (staleNext.compareAndSet(true, false)) {
                nonce = "n" + nonces.incrementAndGet();
                return challenge(true);
            }
            return inner.handle(req);
        }

        private FakeBmc.Reply challenge(boolean stale) {
            challenges.incrementAndGet();
            return new FakeBmc.Reply(401, Map.of("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\""
                    + nonce + "\", stale=\"" + stale + "\", qop=\"auth-int, auth\""),
                    "<html>401</html>".getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, String> params(String s) {
            Map<String, String> out = new HashMap<>();
            Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(s);
            while (m.find()) {
                out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
            return out;
        }

        static String md5(String s) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
