package io.lightsout.appliance.power.campaign;

import static io.lightsout.appliance.power.campaign.CampaignFixture.ON;
import static io.lightsout.appliance.power.campaign.CampaignFixture.START;
import static io.lightsout.appliance.power.campaign.CampaignFixture.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A run that dies (its store write fails mid-run, as when the process is killed right after a commit) and is then
 * resumed by a new engine on the same store: verified nodes get no second power-on, destructive steps none twice.
 */
class CampaignResumeTest extends CampaignFixture {

    /** Persists like the real store, then "crashes" the engine on the n-th write. */
    static final class CrashingStore implements CampaignStore {
        final InMemoryCampaignStore durable = new InMemoryCampaignStore();
        final AtomicInteger writes = new AtomicInteger();
        volatile int crashAt;

        CrashingStore(int crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public void save(String runId, TargetState state) {
            durable.save(runId, state);
            if (writes.incrementAndGet() == crashAt) {
                throw new IllegalStateException("simulated crash after write " + crashAt);
            }
        }

        @Override
        public Map<String, TargetState> load(String runId) {
            return durable.load(runId);
        }
    }

    final List<BmcTarget> targets = IntStream.range(0, 20).mapToObj(i -> server("n" + i)).toList();

    @Test
    void resumingNeverWakesAVerifiedNodeAgain() throws Exception {
        for (int i = 0; i < 20; i++) {
            if (i % 4 == 3) {
                idrac.neverBoots("n" + i);
            } else {
                idrac.bootDelay("n" + i, Duration.ofMinutes(1 + i % 3));
            }
        }
        CampaignSpec spec = spec(targets, MethodRule.AUTO, AfterWindow.LEAVE_ON);
        // 20 "sent" writes, then verifications come in: die after the 8th of them
        CrashingStore store = new CrashingStore(28);
        CampaignEngine first = engine(store, clock.sleeper());
        assertThatThrownBy(() -> first.runNext(spec)).hasMessageContaining("simulated crash");

        Map<String, TargetState> atCrash = store.load("night-1@" + START);
        List<String> verifiedBefore = atCrash.values().stream()
                .filter(t -> t.status() == TargetStatus.VERIFIED).map(TargetState::nodeId).toList();
        assertThat(verifiedBefore).hasSize(8);

        store.crashAt = -1;
        clock.advance(Duration.ofMinutes(5)); // the appliance comes back a little later
        CampaignReport report = engine(store, clock.sleeper()).runNext(spec)
                .orElseThrow();

        for (String node : verifiedBefore) {
            assertThat(idrac.count(node, ON)).as(node).isEqualTo(1);
        }
        Map<String, TargetState> end = byNode(report);
        assertThat(end.values()).filteredOn(t -> t.status() == TargetStatus.VERIFIED).hasSize(15);
        assertThat(end.values()).filteredOn(t -> t.status() == TargetStatus.FAILED).hasSize(5)
                .allSatisfy(t -> assertThat(idrac.count(t.nodeId(), ON)).isEqualTo(3));
        // verified nodes kept their original verification time
        verifiedBefore.forEach(n -> assertThat(end.get(n).doneAt()).isEqualTo(atCrash.get(n).doneAt()));
    }

    @Test
    void anAfterWindowPowerOffIsNeverSentTwice() throws Exception {
        for (int i = 0; i < 20; i++) {
            idrac.bootDelay("n" + i, Duration.ofMinutes(1));
        }
        CampaignSpec spec = spec(targets, MethodRule.AUTO, AfterWindow.POWER_OFF_WOKEN);
        // 20 sent + 20 verified + 20 "power-off requested", then die on the 5th "done"
        CrashingStore store = new CrashingStore(65);
        assertThatThrownBy(() -> engine(store, clock.sleeper()).runNext(spec))
                .hasMessageContaining("simulated crash");
        store.crashAt = -1;

        // the job resumes its own window even though the window has closed meanwhile
        Occurrence window = new Occurrence(START, START.plus(Duration.ofHours(2)));
        CampaignReport report = engine(store, clock.sleeper()).run(spec, window);

        BmcCommand.ChangePower off = new BmcCommand.ChangePower(PowerAction.OFF_GRACEFUL);
        targets.forEach(t -> assertThat(idrac.count(t.nodeId(), off)).as(t.nodeId()).isEqualTo(1));
        targets.forEach(t -> assertThat(idrac.count(t.nodeId(), ON)).as(t.nodeId()).isEqualTo(1));
        // the ones whose result was lost in the crash say so instead of being sent again
        assertThat(report.targets()).filteredOn(t -> t.powerOff() == TargetState.PowerOff.DONE).hasSize(5);
        assertThat(report.targets()).filteredOn(t -> t.powerOff() == TargetState.PowerOff.REQUESTED).hasSize(15);
    }

    @Test
    void aCancelledRunStopsAtItsNextWaitAndResumesWhereItStopped() throws Exception {
        for (int i = 0; i < 20; i++) {
            idrac.bootDelay("n" + i, Duration.ofMinutes(3));
        }
        CampaignSpec spec = spec(targets, MethodRule.AUTO, AfterWindow.LEAVE_ON);
        AtomicInteger sleeps = new AtomicInteger();
        // sleep 1 waits for the window; sleeps 2.. pace the first 20 power-ons: cancel in the middle of them
        io.lightsout.appliance.power.Sleeper cancelMidWave = d -> {
            if (sleeps.incrementAndGet() == 10) {
                throw new InterruptedException("campaign cancelled");
            }
            clock.sleeper().sleep(d);
        };
        assertThatThrownBy(() -> engine(store, cancelMidWave).runNext(spec))
                .isInstanceOf(InterruptedException.class);
        // the power-ons already on their way were recorded before the engine stopped
        assertThat(store.load("night-1@" + START).values()).hasSize(8)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TargetStatus.SENT));

        CampaignReport report = engine(store, clock.sleeper()).runNext(spec)
                .orElseThrow();

        assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 20);
        targets.forEach(t -> assertThat(idrac.count(t.nodeId(), ON)).as(t.nodeId()).isEqualTo(1));
    }

    @Test
    void onRealThreadsACancelledRunWaitsForThePowerOnsInFlightAndRecordsThem() throws Exception {
        List<BmcTarget> five = targets.subList(0, 5);
        CampaignSpec spec = spec(five, MethodRule.AUTO, AfterWindow.LEAVE_ON);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        // the power-ons are held in the driver (state reads pass), so they are in flight when the run is cancelled
        idrac.gate(held, c -> c instanceof BmcCommand.ChangePower);
        java.time.Instant now = java.time.Instant.now();
        var engine = new CampaignEngine(executor, store, java.time.Clock.systemUTC(),
                io.lightsout.appliance.power.Sleeper.SYSTEM);
        var outcome = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                engine.run(spec, new Occurrence(now, now.plus(Duration.ofHours(1))));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> five.stream().allMatch(t -> idrac.count(t.nodeId(), ON) == 1));
        runner.interrupt();
        Thread.sleep(200); // the engine is now waiting for the power-ons held in the driver
        assertThat(outcome).isNotDone();
        held.countDown();

        assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(store.load(spec.id() + "@" + now).values()).hasSize(5)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TargetStatus.SENT));
    }
}
