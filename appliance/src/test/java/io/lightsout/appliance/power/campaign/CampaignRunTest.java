package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.bmc.BmcTarget;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The run's bookkeeping under store writes that lag behind the engine: a write runs only when this test lets it
 * (a queue of submitted writes run by hand), as when the database is slow.
 */
class CampaignRunTest extends CampaignFixture {

    /** Holds each submitted write until {@link #runAll}. */
    static final class HeldWrites implements Executor {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable write) {
            held.add(write);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    final List<BmcTarget> three = IntStream.range(0, 3).mapToObj(i -> server("n" + i)).toList();
    final CampaignSpec spec = spec(three, MethodRule.AUTO, AfterWindow.LEAVE_ON);
    final Occurrence window = new Occurrence(START, START.plus(Duration.ofHours(2)));
    final HeldWrites writes = new HeldWrites();
    final CampaignRun run = new CampaignRun(spec, window, store, ReadingSink.NONE, writes);

    @Test
    void aTargetIsNotDueAgainUntilItsLastTransitionIsWritten() throws Exception {
        TargetState n0 = run.state(three.get(0)).sent(WakeMethod.BMC, START, "accepted");
        run.record(List.of(n0));
        run.scheduleCheck(three.get(0), START);
        run.write(); // the write is under way but not done
        assertThat(store.load(run.runId())).isEmpty();

        Duration verify = spec.verifyInterval();
        assertThat(run.takeDue(START.plus(verify), 10)).isEmpty();
        assertThat(run.holdsBack()).isTrue();

        writes.runAll();
        assertThat(store.load(run.runId())).containsEntry("n0", n0);
        assertThat(run.takeDue(START.plus(verify), 10)).containsExactly(three.get(0));
        assertThat(run.holdsBack()).isFalse();
    }

    @Test
    void writesCoalesceWhileOneIsUnderWayAndFlushWritesEverything() throws Exception {
        run.record(List.of(run.state(three.get(0)).sent(WakeMethod.BMC, START, "accepted")));
        run.write();
        TargetState verified = run.state(three.get(0)).verified(START.plusSeconds(60), "on");
        run.record(List.of(verified, run.state(three.get(1)).sent(WakeMethod.BMC, START, "accepted")));
        run.write(); // one write at a time: this one waits for the first
        assertThat(writes.held).hasSize(1);

        writes.runAll();
        run.write();
        assertThat(writes.held).hasSize(1);
        writes.runAll();
        assertThat(store.load(run.runId())).containsEntry("n0", verified).containsKey("n1");
    }

    @Test
    void aFailedWriteStopsTheRunAndNothingRecordedAfterItIsWritten() {
        var failing = new CampaignResumeTest.CrashingStore(1);
        var r = new CampaignRun(spec, window, failing, ReadingSink.NONE, Runnable::run);
        r.record(List.of(r.state(three.get(0)).sent(WakeMethod.BMC, START, "accepted")));
        assertThatThrownBy(r::write).hasMessageContaining("campaign state not saved: simulated crash after write 1");

        r.record(List.of(r.state(three.get(1)).sent(WakeMethod.BMC, START, "accepted")));
        assertThatThrownBy(r::write).hasMessageContaining("simulated crash");
        assertThatThrownBy(r::flush).hasMessageContaining("simulated crash");
        assertThat(failing.durable.load(r.runId())).containsOnlyKeys("n0");
    }
}
