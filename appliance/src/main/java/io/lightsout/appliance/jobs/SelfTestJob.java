package io.lightsout.appliance.jobs;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code self-test}: checks the appliance's own health, one target per check (database, vault, TLS certificate,
 * disk space of the data directory). Idempotent: re-running a check is harmless.
 */
public final class SelfTestJob implements JobType {
    public static final String NAME = "self-test";
    public static final List<String> CHECKS = List.of("database", "vault", "tls-certificate", "disk-space");
    private static final long MIN_FREE_BYTES = 512L * 1024 * 1024;

    private final BooleanSupplier database;
    private final BooleanSupplier vault;
    private final Supplier<Instant> certificateNotAfter;
    private final Path dataDir;
    private final Clock clock;

    /**
     * @param database            true when the database answers
     * @param vault               true when a secret round-trips through the vault
     * @param certificateNotAfter the serving certificate's expiry
     * @param dataDir             the data directory (free space)
     * @param clock               time source
     */
    public SelfTestJob(BooleanSupplier database, BooleanSupplier vault, Supplier<Instant> certificateNotAfter,
                       Path dataDir, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.certificateNotAfter = certificateNotAfter;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public TargetResult run(JobContext context, String target) throws Exception {
        return switch (target) {
            case "database" -> database.getAsBoolean() ? TargetResult.ok("ok")
                    : TargetResult.failed("down", "the database does not answer");
            case "vault" -> vault.getAsBoolean() ? TargetResult.ok("ok")
                    : TargetResult.failed("broken", "a test secret did not decrypt to what was stored");
            case "tls-certificate" -> certificate();
            case "disk-space" -> disk();
            default -> TargetResult.failed("unknown", "no check named '" + target + "'");
        };
    }

    private TargetResult certificate() {
        Duration left = Duration.between(clock.instant(), certificateNotAfter.get());
        if (left.isNegative()) {
            return TargetResult.failed("expired", "the HTTPS certificate expired; install a new one");
        }
        return left.toDays() < 30 ? TargetResult.failed("expiring", "the HTTPS certificate expires in "
                + left.toDays() + " days") : TargetResult.ok("valid for " + left.toDays() + " days");
    }

    private TargetResult disk() throws java.io.IOException {
        FileStore store = Files.getFileStore(dataDir);
        long free = store.getUsableSpace();
        String mib = free / (1024 * 1024) + " MiB free";
        return free < MIN_FREE_BYTES ? TargetResult.failed("low", "only " + mib + " in the data directory")
                : TargetResult.ok(mib);
    }
}
