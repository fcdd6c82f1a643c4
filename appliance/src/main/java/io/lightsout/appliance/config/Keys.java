package io.lightsout.appliance.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every configuration key of the appliance, with its type, default and documentation (docs/configuration.md lists
 * the same keys; a test keeps the two in step).
 */
public final class Keys {
    private Keys() {
    }

    public static final Key<String> BIND_ADDRESS = key("bind.address", Keys::address, "0.0.0.0",
            "Address every listener binds to (0.0.0.0 = all IPv4 addresses, :: = all addresses).");
    public static final Key<Integer> HTTPS_PORT = key("https.port", Keys::port, 443,
            "HTTPS port of the portal and REST API (0 = any free port).");
    public static final Key<Integer> HTTP_PORT = key("http.port", Keys::port, 80,
            "HTTP port that only answers 308 redirects to HTTPS (0 = any free port).");
    public static final Key<Integer> PROVISIONING_PORT = key("provisioning.port", Keys::port, 4433,
            "Auto-discovery provisioning port (mutual TLS).");
    public static final Key<Boolean> NFS_ENABLED = key("nfs.enabled", Keys::bool, true,
            "Whether the read-only NFS share (firmware and ISO images for BMCs) runs.");
    public static final Key<String> NFS_BIND_ADDRESS = new Key<>("nfs.bind-address", Keys::address, data -> "",
            "Address the NFS share (portmap, MOUNT, NFS) binds to; empty = the same as bind.address.", false);
    public static final Key<Integer> NFS_PORT = key("nfs.port", Keys::port, 2049, "NFS v3 port of the read-only share.");
    public static final Key<Integer> MOUNTD_PORT = key("mountd.port", Keys::port, 4003, "MOUNT v3 port of the share.");
    public static final Key<Integer> PORTMAP_PORT = key("portmap.port", Keys::port, 111, "Portmap (rpcbind) port.");
    public static final Key<String> HOSTNAME = key("tls.hostname", Keys::text, localHostName(),
            "Host name put in the self-signed certificate (with the host's addresses as further SANs).");
    public static final Key<Duration> SESSION_IDLE_TIMEOUT = key("session.idle-timeout", Keys::duration,
            Duration.ofMinutes(15), "A portal session ends after this long without a request (e.g. 15m, 900s).");
    public static final Key<Integer> SESSION_MAX = key("session.max", positive(10_000), 200,
            "Most concurrent portal sessions; one more login is refused until one ends.");
    public static final Key<Integer> LOGIN_MAX_FAILURES = key("login.max-failures", positive(100), 3,
            "Consecutive failed logins after which the account is locked.");
    public static final Key<Duration> LOGIN_LOCKOUT = key("login.lockout", Keys::duration, Duration.ofMinutes(1),
            "How long a locked account stays locked.");
    public static final Key<String> DATABASE_URL = new Key<>("database.url", Keys::jdbcUrl,
            data -> "jdbc:h2:file:" + data.resolve("db").resolve("lightsout").toAbsolutePath(),
            "JDBC URL: an H2 file in the data directory by default, or jdbc:postgresql://host:port/db.", false);
    public static final Key<String> DATABASE_USER = key("database.user", Keys::text, "lightsout",
            "Database user.");
    public static final Key<String> DATABASE_PASSWORD = new Key<>("database.password", Keys::text, data -> "",
            "Database password (never shown in bundles or logs).", true);
    public static final Key<Integer> DATABASE_POOL_SIZE = key("database.pool-size", between(2, 200), 10,
            "Most open database connections (at least 2: migrations hold one for their lock).");
    public static final Key<Integer> JOBS_CONCURRENCY = key("jobs.concurrency", positive(10_000), 64,
            "Most job targets worked on at the same time, over all jobs.");
    public static final Key<Integer> WOL_PORT = key("wol.port", Keys::port, 9,
            "UDP port magic packets are sent to (9 = discard, the usual; 7 = echo).");
    public static final Key<Duration> POWER_SYNC_INTERVAL = key("power.sync-interval", Keys::duration,
            Duration.ofMinutes(5), "How often every node's power state is read in the background.");
    public static final Key<Duration> POWER_SYNC_JITTER = key("power.sync-jitter", Keys::duration,
            Duration.ofSeconds(30), "Random extra delay up to this long before each power-state sweep.");
    public static final Key<String> LOG_LEVEL = key("log.level", Keys::level, "INFO",
            "Log level of the appliance's own loggers (ERROR, WARN, INFO, DEBUG).");

    /** All keys, in documentation order. */
    public static final List<Key<?>> ALL = List.of(BIND_ADDRESS, HTTPS_PORT, HTTP_PORT, PROVISIONING_PORT, NFS_ENABLED,
            NFS_BIND_ADDRESS, NFS_PORT,
            MOUNTD_PORT, PORTMAP_PORT, HOSTNAME, SESSION_IDLE_TIMEOUT, SESSION_MAX, LOGIN_MAX_FAILURES,
            LOGIN_LOCKOUT, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, JOBS_CONCURRENCY,
            WOL_PORT, POWER_SYNC_INTERVAL, POWER_SYNC_JITTER,
            LOG_LEVEL);

    private static <T> Key<T> key(String name, Function<String, T> parser, T value, String doc) {
        return new Key<>(name, parser, data -> value, doc, false);
    }

    static String text(String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return s.strip();
    }

    static String address(String s) {
        String v = text(s);
        if (!v.matches("[0-9A-Fa-f:.]+|[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("is not an IP address or host name");
        }
        return v;
    }

    static boolean bool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    static int port(String s) {
        int p = integer(s);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("must be a port number between 0 and 65535");
        }
        return p;
    }

    static Function<String, Integer> positive(int max) {
        return between(1, max);
    }

    static Function<String, Integer> between(int min, int max) {
        return s -> {
            int v = integer(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        };
    }

    private static int integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    /** Accepts {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                d = switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new IllegalArgumentException();
                };
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a duration (examples: 90s, 15m, 2h, PT15M)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        return d;
    }

    static String jdbcUrl(String s) {
        String v = text(s);
        if (!v.startsWith("jdbc:h2:") && !v.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("must start with jdbc:h2: or jdbc:postgresql:");
        }
        return v;
    }

    static String level(String s) {
        String v = text(s).toUpperCase(Locale.ROOT);
        if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(v)) {
            throw new IllegalArgumentException("must be one of ERROR, WARN, INFO, DEBUG, TRACE");
        }
        return v;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
