package io.lightsout.appliance.error;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;

/**
 * Turns an unexpected exception into a short, stable text an API client can be shown and an admin can find in the
 * log: the exception (with its stack) is logged once under a random reference, and only the reference leaves the
 * appliance. Raw exception messages can hold file paths, SQL, host names or worse, so they never reach a client.
 */
public final class ErrorReference {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /**
     * Logs {@code e} at error level with a fresh reference and returns the text to show instead of its message.
     *
     * @param log  the logger of the class that caught it
     * @param what what was being done, e.g. {@code "job 12 target node-3"}; must not contain secrets
     * @param e    the unexpected exception
     * @return {@code "internal error, see the appliance log for reference E-…"}
     */
    public static String log(Logger log, String what, Throwable e) {
        String ref = next();
        log.error("Internal error [{}] in {}", ref, what, e);
        return "internal error, see the appliance log for reference " + ref;
    }

    /** A new reference: {@code E-} and 8 hex digits, unique enough to grep a log for. */
    public static String next() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return "E-" + HexFormat.of().formatHex(b);
    }
}
