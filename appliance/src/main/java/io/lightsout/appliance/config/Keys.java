package io.lightsout.appliance.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
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
    public static final Key<String> HTTP_PUBLIC_NAME = new Key<>("http.public-name", HostNames::hostOrAddress,
            data -> "", "Host name (or address) the HTTP listener redirects to; empty = the request's Host header "
            + "when it is a valid host name or address (anything else is refused with 400).", false);
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
    public static final Key<Duration> POWER_SYNC_FIRST_DELAY = key("power.sync-first-delay", Keys::duration,
            Duration.ofSeconds(15), "How long after start the first power-state sweep runs (then every interval).");
    public static final Key<Duration> POWER_SYNC_JITTER = key("power.sync-jitter", Keys::duration,
            Duration.ofSeconds(30), "Random extra delay up to this long before each power-state sweep.");
    public static final Key<Integer> POWER_SYNC_FAILURES = key("power.sync-failures", positive(100), 3,
            "Consecutive failed reads after which the power sync marks a node UNKNOWN.");
    public static final Key<Integer> POWER_SYNC_CONCURRENCY = key("power.sync-concurrency", positive(10_000), 64,
            "Most nodes the power sync reads at the same time (the BMC call limits apply as well).");
    public static final Key<Integer> BMC_LIMIT_PER_BMC = key("bmc.limit.per-bmc", between(1, 2), 2,
            "Most calls in flight to one BMC (1 or 2: BMCs are small computers and drop sessions under load).");
    public static final Key<Integer> BMC_LIMIT_PER_SITE = key("bmc.limit.per-site", positive(100_000), 64,
            "Most BMC calls in flight to one site (at most bmc.limit.global).");
    public static final Key<Integer> BMC_LIMIT_GLOBAL = key("bmc.limit.global", positive(100_000), 512,
            "Most BMC calls in flight overall.");
    public static final Key<Duration> BMC_CALL_TIMEOUT = key("bmc.call-timeout", Keys::duration,
            Duration.ofSeconds(60), "The longest one BMC call may take, queueing excluded.");
    public static final Key<Duration> BMC_QUEUE_TIMEOUT = key("bmc.queue-timeout", Keys::duration,
            Duration.ofMinutes(10), "The longest a BMC call waits for a free slot before failing as busy.");
    public static final Key<Duration> BMC_CONNECT_TIMEOUT = key("bmc.connect-timeout", Keys::duration,
            Duration.ofSeconds(5), "TCP connect timeout of WS-Management calls.");
    public static final Key<Duration> BMC_RESPONSE_TIMEOUT = key("bmc.response-timeout", Keys::duration,
            Duration.ofSeconds(30), "How long a WS-Management call waits for the BMC's answer.");
    public static final Key<Integer> WOL_REPEATS = key("wol.repeats", positive(10), 3,
            "Magic packets sent per wake (UDP may drop one).");
    public static final Key<Duration> WOL_REPEAT_INTERVAL = key("wol.repeat-interval", Keys::duration,
            Duration.ofMillis(300), "Time between the repeats of one wake.");
    public static final Key<Double> WOL_RATE_GLOBAL = key("wol.rate.global", rate(100_000), 1000.0,
            "Magic packets per second over all subnets (token bucket).");
    public static final Key<Double> WOL_RATE_PER_SUBNET = key("wol.rate.per-subnet", rate(100_000), 200.0,
            "Magic packets per second into one subnet, so a WAN link is not flooded.");
    public static final Key<Integer> WOL_BURST = key("wol.burst", positive(10_000), 10,
            "Packets the WoL token buckets may send at once after being idle.");
    public static final Key<String> TIME_ZONE = key("time-zone", Keys::zone, "UTC",
            "The appliance's time zone: recurring campaign windows are read in it unless a campaign names another.");
    public static final Key<Double> CAMPAIGN_RATE = key("campaign.rate", rate(10_000), 10.0,
            "Default pace of a wake campaign: power-ons and magic packets per second.");
    public static final Key<Integer> CAMPAIGN_RETRIES = key("campaign.retries", between(0, 20), 2,
            "Default number of further power-ons for campaign targets not yet verified.");
    public static final Key<Duration> CAMPAIGN_RETRY_DELAY = key("campaign.retry-delay", Keys::duration,
            Duration.ofMinutes(5), "Default time between a campaign's power-ons of one target.");
    public static final Key<Duration> CAMPAIGN_VERIFY_INTERVAL = key("campaign.verify-interval", Keys::duration,
            Duration.ofSeconds(10), "Default time between checks of a woken target.");
    public static final Key<Duration> CAMPAIGN_WINDOW = key("campaign.window", Keys::duration,
            Duration.ofHours(2), "Default length of a campaign window (start to deadline).");
    public static final Key<String> LOG_LEVEL = key("log.level", Keys::level, "INFO",
            "Log level of the appliance's own loggers (ERROR, WARN, INFO, DEBUG).");

    /** All keys, in documentation order. */
    public static final List<Key<?>> ALL = List.of(BIND_ADDRESS, HTTPS_PORT, HTTP_PORT, HTTP_PUBLIC_NAME,
            PROVISIONING_PORT, NFS_ENABLED,
            NFS_BIND_ADDRESS, NFS_PORT,
            MOUNTD_PORT, PORTMAP_PORT, HOSTNAME, SESSION_IDLE_TIMEOUT, SESSION_MAX, LOGIN_MAX_FAILURES,
            LOGIN_LOCKOUT, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, JOBS_CONCURRENCY,
            WOL_PORT, POWER_SYNC_INTERVAL, POWER_SYNC_FIRST_DELAY, POWER_SYNC_JITTER, POWER_SYNC_FAILURES,
            POWER_SYNC_CONCURRENCY,
            BMC_LIMIT_PER_BMC, BMC_LIMIT_PER_SITE, BMC_LIMIT_GLOBAL, BMC_CALL_TIMEOUT, BMC_QUEUE_TIMEOUT,
            BMC_CONNECT_TIMEOUT, BMC_RESPONSE_TIMEOUT, WOL_REPEATS, WOL_REPEAT_INTERVAL, WOL_RATE_GLOBAL,
            WOL_RATE_PER_SUBNET, WOL_BURST, TIME_ZONE, CAMPAIGN_RATE, CAMPAIGN_RETRIES, CAMPAIGN_RETRY_DELAY,
            CAMPAIGN_VERIFY_INTERVAL, CAMPAIGN_WINDOW, LOG_LEVEL);

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

    static Function<String, Double> rate(double max) {
        return s -> {
            double v;
            try {
                v = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
            if (!(v > 0 && v <= max)) {
                throw new IllegalArgumentException("must be more than 0 and at most " + (long) max);
            }
            return v;
        };
    }

    static String zone(String s) {
        try {
            return ZoneId.of(text(s)).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a time zone (examples: UTC, Europe/Paris)");
        }
    }

    private static int integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    /** Accepts {@code 300ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
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
            throw new IllegalArgumentException("is not a duration (examples: 300ms, 90s, 15m, 2h, PT15M)");
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
