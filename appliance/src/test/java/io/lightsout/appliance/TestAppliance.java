package io.lightsout.appliance;

import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.security.vault.RekeyObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A real appliance on 127.0.0.1 with free ports and a temporary data directory, for tests. */
public final class TestAppliance implements AutoCloseable {
    public static final String ADMIN_PW = "Adm1n-test-pass";
    public static final String READONLY_PW = "Read-only-pass1";

    private final Path data;
    private final Appliance appliance;
    private final boolean ownsData;

    private TestAppliance(Path data, boolean ownsData, Appliance appliance) {
        this.data = data;
        this.ownsData = ownsData;
        this.appliance = appliance;
    }

    /**
     * Starts an appliance; {@code sets} are extra configuration keys. The NFS share is off unless a test turns it
     * on ({@code nfs.enabled=true}): its fixed ports would otherwise collide between concurrent tests.
     */
    public static TestAppliance start(Clock clock, Map<String, String> sets) {
        try {
            return start(Files.createTempDirectory("lightsout-test-"), true, clock, sets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestAppliance start(Path data, boolean ownsData, Clock clock, Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Map.of("bind.address", "127.0.0.1", "https.port", "0",
                "http.port", "0", "tls.hostname", "localhost", "nfs.enabled", "false"));
        // tests count lab calls: no background sweep unless a test asks for one (power.sync-first-delay)
        all.put("power.sync-first-delay", "1h");
        all.putAll(sets);
        try {
            ApplianceConfig config = ApplianceConfig.load(data, null, all);
            return new TestAppliance(data, ownsData, new Appliance(config, clock, RekeyObserver.NONE).start());
        } catch (RuntimeException e) {
            if (ownsData) {
                deleteTree(data); // a failed start leaves nothing behind in /tmp
            }
            throw e;
        }
    }

    public static TestAppliance start() {
        return start(Clock.systemUTC(), Map.of());
    }

    /** Starts and completes setup with {@link #ADMIN_PW} and {@link #READONLY_PW}. */
    public static TestAppliance started(Clock clock, Map<String, String> sets) {
        TestAppliance t = start(clock, sets);
        t.appliance.accounts().setup(ADMIN_PW, READONLY_PW, "test");
        return t;
    }

    public Appliance appliance() {
        return appliance;
    }

    public Path data() {
        return data;
    }

    /** An HTTPS client pinned to this appliance's certificate. */
    public Http http() {
        return new Http("https://127.0.0.1:" + appliance.httpsPort(), appliance.tls().info().sha256());
    }

    @Override
    public void close() {
        appliance.close();
        if (ownsData) {
            deleteTree(data);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
