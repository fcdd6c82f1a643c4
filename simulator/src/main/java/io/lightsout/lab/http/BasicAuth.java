package io.lightsout.lab.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP Basic (RFC 7617), as iDRAC's WS-Man endpoint uses it. */
public final class BasicAuth {
    private BasicAuth() {
    }

    /** True if the header carries exactly this user and password (constant-time compare). */
    public static boolean check(String header, String user, String password) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] got;
        try {
            got = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] want = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(got, want);
    }
}
