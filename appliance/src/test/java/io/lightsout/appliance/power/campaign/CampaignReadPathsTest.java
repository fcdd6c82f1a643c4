package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.FakeDriver;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.power.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * BMC reads and BMC-less probes run ahead of the sender separately: BMC nodes whose reads hang (first TLS handshakes
 * with busy BMCs, all the executor's slots taken) never keep the BMC-less nodes behind them in the list from being
 * woken at the pace. Wall clock and the engine's own virtual threads; the hanging reads are held by a latch.
 */
class CampaignReadPathsTest {

    private static final BmcCommand.ChangePower ON = new BmcCommand.ChangePower(
            io.lightsout.appliance.bmc.PowerAction.ON);

    @Test
    void bmcLessNodesAreWokenWhileTheBmcReadsAheadOfThemHang() throws Exception {
        FakeDriver idrac = new FakeDriver(NodeType.IDRAC, Clock.systemUTC());
        FakeDriver wol = new FakeDriver(NodeType.WOL_ONLY, Clock.systemUTC());
        CountDownLatch bmcReadsHang = new CountDownLatch(1);
        idrac.gate(bmcReadsHang, c -> c instanceof BmcCommand.GetPowerState);
        // 8 calls in flight in all: hanging BMC reads could take every slot
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(idrac, wol)),
                new CallLimits(2, 8, 8, Duration.ofSeconds(30), Duration.ofSeconds(30)));
        // the servers come first in the list, far more of them than the read-ahead (1 s at 50/s)
        List<BmcTarget> targets = new ArrayList<>();
        IntStream.range(0, 120).forEach(i -> targets.add(CampaignFixture.server("srv" + i)));
        IntStream.range(0, 20).forEach(i -> targets.add(CampaignFixture.desktop("pc" + i)));
        Instant now = Instant.now();
        CampaignSpec spec = new CampaignSpec("mixed", "mixed", targets, new CampaignSchedule.Once(new Occurrence(now,
                now.plusSeconds(30))), MethodRule.AUTO, 50, Duration.ofMillis(100),
                new CampaignSpec.Retries(0, Duration.ofSeconds(1)), AfterWindow.LEAVE_ON);
        CampaignEngine engine = new CampaignEngine(executor, new InMemoryCampaignStore(), Clock.systemUTC(),
                Sleeper.SYSTEM);

        CompletableFuture<CampaignReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.runNext(spec).orElseThrow();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 20)
                    .allMatch(i -> wol.count("pc" + i, ON) == 1));
            assertThat(idrac.calls()).allMatch(c -> c.command() instanceof BmcCommand.GetPowerState);
            // the BMC path's reads took half the executor's slots, however far its read-ahead (50 nodes) reaches
            assertThat(idrac.calls()).hasSize(4);
        } finally {
            bmcReadsHang.countDown();
        }
        CampaignReport report = run.get(30, TimeUnit.SECONDS);
        assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 140);
        assertThat(targets).allMatch(t -> (t.type().hasBmc() ? idrac : wol).count(t.nodeId(), ON) == 1);
    }
}
