package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.ReachabilityProber;
import io.lightsout.appliance.bmc.WolOnlyDriver;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.wol.UdpWolSender;
import io.lightsout.appliance.power.wol.WolFleetTargets;
import io.lightsout.appliance.power.wol.WolPacer;
import io.lightsout.appliance.power.wol.WolSettings;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A whole campaign over real UDP magic packets to the lab's machines, verified by real TCP connects. */
class WolFleetCampaignTest {

    @Test
    void wakesTheFleetVerifiesByTcpAndReportsTheNeverWakingOnes() throws Exception {
        int udpPort = ThreadLocalRandom.current().nextInt(30_000, 40_000);
        String base = "127.%d.%d.1".formatted(ThreadLocalRandom.current().nextInt(100, 200),
                ThreadLocalRandom.current().nextInt(1, 250));
        try (WolFleet fleet = WolFleet.builder().machines(40).base(base).udpPort(udpPort).verifyPort(udpPort + 10_000)
                .bootDelay(Duration.ofMillis(50), Duration.ofMillis(300)).lateWakeDelay(Duration.ofMillis(1500))
                .neverWakePercent(10).lateWakePercent(10).secureOnPercent(25).seed(11).start();
             UdpWolSender sender = new UdpWolSender(new WolSettings(udpPort, 2, Duration.ofMillis(20)),
                     new WolPacer(new WolPacer.Rates(2000, 500, 20), Clock.systemUTC(), Sleeper.SYSTEM),
                     Sleeper.SYSTEM)) {
            List<WolMachine> alreadyOn = fleet.machines().stream()
                    .filter(m -> m.behaviour() == WolMachine.Behaviour.NORMAL).limit(3).toList();
            alreadyOn.forEach(WolMachine::powerOn);

            BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(new WolOnlyDriver(sender,
                    new ReachabilityProber(), Clock.systemUTC()))), CallLimits.DEFAULT);
            List<BmcTarget> targets = WolFleetTargets.of(fleet, "lab", Duration.ofMillis(500));
            Instant now = Instant.now();
            CampaignSpec spec = new CampaignSpec("lab-night", "lab", targets, new CampaignSchedule.Once(
                    new Occurrence(now, now.plusSeconds(6))), MethodRule.AUTO, 500, Duration.ofMillis(200),
                    new CampaignSpec.Retries(2, Duration.ofMillis(800)), AfterWindow.LEAVE_ON);

            CampaignReport report = new CampaignEngine(executor, new InMemoryCampaignStore(), Clock.systemUTC(),
                    Sleeper.SYSTEM).runNext(spec).orElseThrow();

            Map<String, TargetState> byNode = report.targets().stream()
                    .collect(Collectors.toMap(TargetState::nodeId, Function.identity()));
            for (WolMachine m : fleet.machines()) {
                TargetState t = byNode.get("lab-" + m.address().getHostAddress());
                if (alreadyOn.contains(m)) {
                    assertThat(t.status()).as("%s", m).isEqualTo(TargetStatus.ALREADY_ON);
                    assertThat(m.magicPacketsReceived()).isZero();
                } else if (m.behaviour() == WolMachine.Behaviour.NEVER_WAKE) {
                    assertThat(t.failure()).as("%s", m).contains(FailureReason.NOT_VERIFIED_BY_DEADLINE);
                    assertThat(t.attempts()).isEqualTo(3);
                    assertThat(t.detail()).as("nothing acknowledges a magic packet").startsWith(
                            "magic packets sent 3 time(s), no answer on " + m.address().getHostAddress() + ":")
                            .doesNotContain("accepted");
                    assertThat(m.magicPacketsReceived()).isEqualTo(6); // 3 attempts x 2 copies, no more
                } else {
                    assertThat(t.status()).as("%s", m).isEqualTo(TargetStatus.VERIFIED);
                    assertThat(m.isAwake()).isTrue();
                    assertThat(m.packetsRejected()).isZero(); // SecureOn passwords were right
                }
            }
            assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 33)
                    .containsEntry(TargetStatus.ALREADY_ON, 3).containsEntry(TargetStatus.FAILED, 4);
            assertThat(report.successRate()).isEqualTo(0.9);
        }
    }
}
