package io.lightsout.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobEngineTest {
    private Path dir;
    private Database db;
    private JobRepository repo;
    private AuditLog audit;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    /** ok-* succeed, fail-* fail, slow-* wait for the latch (or cancellation); counts concurrency and runs. */
    private final class Probe implements JobType {
        private final String name;
        private final boolean idempotent;

        Probe(String name, boolean idempotent) {
            this.name = name;
            this.idempotent = idempotent;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean idempotent() {
            return idempotent;
        }

        @Override
        public int concurrency() {
            return 2;
        }

        @Override
        public TargetResult run(JobContext context, String target) throws Exception {
            runs.merge(target, 1, Integer::sum);
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                if (target.startsWith("slow")) {
                    while (!release.await(20, TimeUnit.MILLISECONDS)) {
                        if (context.cancelled()) {
                            return TargetResult.failed("cancelled", "stopped on request");
                        }
                    }
                }
                if (target.startsWith("fail")) {
                    throw new io.lightsout.appliance.error.ApplianceException.Conflict("BMC answered 401");
                }
                if (target.startsWith("bug")) {
                    throw new IllegalStateException("/var/lib/lightsout/vault.p12 password=s3cret-Pw");
                }
                return TargetResult.ok("done");
            } finally {
                active.decrementAndGet();
            }
        }
    }

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("jobs-test-");
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 4);
        repo = new JobRepository(db.jdbc(), Clock.systemUTC());
        audit = new AuditLog(db.jdbc(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        release.countDown();
        db.close();
        TestAppliance.deleteTree(dir);
    }

    private JobEngine engine(int global) {
        return new JobEngine(repo, new JobTypeRegistry().register(new Probe("probe", true))
                .register(new Probe("power-cycle", false)), audit, global);
    }

    private Job awaitFinal(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> repo.find(id).orElseThrow().state().isFinal());
        return repo.find(id).orElseThrow();
    }

    @Test
    void outcomesAreAggregatedPerTargetWithReasons() throws Exception {
        try (JobEngine e = engine(8)) {
            Job ok = awaitFinal(e.submit("probe", null, List.of("ok-1", "ok-2"), "admin", null));
            assertThat(ok.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(ok.percent()).isEqualTo(100);
            Job mixed = awaitFinal(e.submit("probe", null, List.of("ok-1", "fail-1", "ok-2"), "admin", null));
            assertThat(mixed.state()).isEqualTo(JobState.PARTIALLY_FAILED);
            assertThat(mixed.summary()).isEqualTo("2 succeeded, 1 failed");
            assertThat(mixed.targets()).filteredOn(t -> t.target().equals("fail-1")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.state()).isEqualTo("failed");
                        assertThat(t.reason()).isEqualTo("BMC answered 401");
                    });
            assertThat(awaitFinal(e.submit("probe", null, List.of("fail-1"), "admin", null)).state())
                    .isEqualTo(JobState.FAILED);
        }
    }

    @Test
    void anUnexpectedExceptionShowsAReferenceAndLogsTheDetailsUnderIt() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(JobEngine.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (JobEngine e = engine(8)) {
            Job job = awaitFinal(e.submit("probe", null, List.of("bug-1"), "admin", null));
            String reason = job.targets().getFirst().reason();
            assertThat(reason).matches("internal error, see the appliance log for reference E-[0-9a-f]{8}")
                    .doesNotContain("vault", "s3cret");
            String ref = reason.substring(reason.lastIndexOf(' ') + 1);
            assertThat(logged.list).anySatisfy(ev -> {
                assertThat(ev.getFormattedMessage()).contains(ref, "job " + job.id(), "bug-1");
                assertThat(ev.getThrowableProxy().getMessage()).contains("vault.p12");
            });
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void concurrencyStaysWithinTheTypeLimit() throws Exception {
        try (JobEngine e = engine(8)) {
            long id = e.submit("probe", null, List.of("slow-1", "slow-2", "slow-3", "slow-4", "slow-5"), "admin",
                    null);
            await().atMost(Duration.ofSeconds(10)).until(() -> active.get() == 2);
            assertThat(repo.find(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            release.countDown();
            assertThat(awaitFinal(id).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(peak.get()).isEqualTo(2);
        }
    }

    @Test
    void theGlobalLimitBoundsAllJobsTogether() throws Exception {
        try (JobEngine e = engine(1)) {
            long a = e.submit("probe", null, List.of("slow-a1", "slow-a2"), "admin", null);
            long b = e.submit("probe", null, List.of("slow-b1", "slow-b2"), "admin", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> active.get() == 1);
            release.countDown();
            awaitFinal(a);
            awaitFinal(b);
            assertThat(peak.get()).isEqualTo(1);
        }
    }

    @Test
    void cancellingStopsQueuedTargetsAndTellsRunningOnes() throws Exception {
        try (JobEngine e = engine(8)) {
            long id = e.submit("probe", null, List.of("slow-1", "slow-2", "slow-3", "slow-4"), "admin", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> active.get() == 2);
            e.cancel(id, "operator1", "127.0.0.1");
            Job j = awaitFinal(id);
            assertThat(j.state()).isEqualTo(JobState.CANCELLED);
            assertThat(j.targets()).extracting(Job.Target::state).containsOnly("failed", "cancelled");
            assertThat(runs).doesNotContainKeys("slow-3", "slow-4");
        }
    }

    @Test
    void afterARestartIdempotentJobsResumeAndDestructiveOnesNeverRepeat() throws Exception {
        long idem = repo.create("probe", null, "admin", List.of("ok-done", "ok-running", "ok-queued"));
        long destr = repo.create("power-cycle", null, "admin", List.of("ok-done", "ok-running", "ok-queued"));
        long gone = repo.create("firmware-v0", null, "admin", List.of("n1"));
        for (long id : new long[] {idem, destr}) {
            repo.markRunning(id);
            repo.updateTarget(id, "ok-done", "succeeded", "done", null);
            repo.updateTarget(id, "ok-running", "running", null, null);
        }
        try (JobEngine e = engine(8)) {
            e.recover();
            Job i = awaitFinal(idem);
            assertThat(i.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(runs).containsEntry("ok-running", 1).containsEntry("ok-queued", 1)
                    .doesNotContainKey("ok-done");
            Job d = repo.find(destr).orElseThrow();
            assertThat(d.state()).isEqualTo(JobState.PARTIALLY_FAILED);
            assertThat(d.targets()).filteredOn(t -> t.target().equals("ok-running")).singleElement()
                    .satisfies(t -> assertThat(t.reason()).contains("not repeated"));
            assertThat(d.targets()).filteredOn(t -> t.target().equals("ok-queued")).singleElement()
                    .satisfies(t -> assertThat(t.reason()).contains("not resumed"));
            assertThat(runs.get("ok-running")).isEqualTo(1);
            Job g = repo.find(gone).orElseThrow();
            assertThat(g.state()).isEqualTo(JobState.FAILED);
            assertThat(g.targets().getFirst().reason()).contains("firmware-v0");
        }
    }
}
