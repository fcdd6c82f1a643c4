package io.lightsout.bench;

import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.ReachabilityProber;
import io.lightsout.appliance.bmc.WolOnlyDriver;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.campaign.AfterWindow;
import io.lightsout.appliance.power.campaign.CampaignEngine;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.CampaignSchedule;
import io.lightsout.appliance.power.campaign.CampaignSpec;
import io.lightsout.appliance.power.campaign.InMemoryCampaignStore;
import io.lightsout.appliance.power.campaign.MethodRule;
import io.lightsout.appliance.power.campaign.Occurrence;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.wol.UdpWolSender;
import io.lightsout.appliance.power.wol.WolFleetTargets;
import io.lightsout.appliance.power.wol.WolPacer;
import io.lightsout.appliance.power.wol.WolSettings;
import io.lightsout.lab.wol.WolFleet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench wake-campaign}: one campaign window over N simulated BMC-less machines on loopback, with real
 * magic packets and TCP verification; prints when 50/90/99 % were verified and the whole run's time.
 */
@Command(name = "wake-campaign", mixinStandardHelpOptions = true,
        description = "Wake campaign over N lab machines: time to verified, success rate.")
public final class WakeCampaignBench implements Callable<Integer> {

    @Option(names = "--targets", defaultValue = "10000", description = "machines (default ${DEFAULT-VALUE})")
    int targets;

    @Option(names = "--rate", defaultValue = "2000", description = "power-ons per second (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--never-wake", defaultValue = "1", description = "percent that never wake (default ${DEFAULT-VALUE})")
    int neverWake;

    @Option(names = "--late-wake", defaultValue = "2", description = "percent that wake late (default ${DEFAULT-VALUE})")
    int lateWake;

    @Option(names = "--deadline", defaultValue = "60", description = "window length in seconds (default ${DEFAULT-VALUE})")
    int deadlineSeconds;

    @Option(names = "--base", defaultValue = "127.88.0.1", description = "first lab address (default ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--port", defaultValue = "39009", description = "lab UDP port; TCP verify port is +1")
    int port;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        try (WolFleet fleet = WolFleet.builder().machines(targets).base(base).udpPort(port).verifyPort(port + 1)
                .bootDelay(Duration.ofMillis(500), Duration.ofSeconds(3)).lateWakeDelay(Duration.ofSeconds(8))
                .neverWakePercent(neverWake).lateWakePercent(lateWake).secureOnPercent(10).seed(4).start();
             UdpWolSender sender = new UdpWolSender(new WolSettings(port, 2, Duration.ofMillis(50)),
                     new WolPacer(new WolPacer.Rates(20_000, 5_000, 50), Clock.systemUTC(), Sleeper.SYSTEM),
                     Sleeper.SYSTEM)) {
            System.out.printf("lab: %d machines started in %d ms%n", targets, (System.nanoTime() - t0) / 1_000_000);
            BmcExecutor executor = new BmcExecutor(new DriverRegistry(java.util.List.of(new WolOnlyDriver(sender,
                    new ReachabilityProber(), Clock.systemUTC()))),
                    new CallLimits(2, 1024, 1024, Duration.ofSeconds(10), Duration.ofMinutes(5)));
            Instant start = Instant.now();
            CampaignSpec spec = new CampaignSpec("bench", "bench", WolFleetTargets.of(fleet, "lab",
                    Duration.ofSeconds(1)), new CampaignSchedule.Once(new Occurrence(start,
                    start.plusSeconds(deadlineSeconds))), MethodRule.AUTO, rate, Duration.ofSeconds(1),
                    new CampaignSpec.Retries(2, Duration.ofSeconds(5)), AfterWindow.LEAVE_ON);
            long r0 = System.nanoTime();
            CampaignReport report = new CampaignEngine(executor, new InMemoryCampaignStore(), Clock.systemUTC(),
                    Sleeper.SYSTEM).run(spec, spec.schedule().next(start).orElseThrow());
            long runMs = (System.nanoTime() - r0) / 1_000_000;
            print(report, runMs, fleet);
        }
        return 0;
    }

    private void print(CampaignReport report, long runMs, WolFleet fleet) {
        var counts = report.counts();
        System.out.printf("targets %d: verified %d, already on %d, failed %d %s; lab awake %d%n", targets,
                counts.get(TargetStatus.VERIFIED), counts.get(TargetStatus.ALREADY_ON), counts.get(TargetStatus.FAILED),
                report.failures(), fleet.awakeCount());
        var done = report.targets().stream().filter(t -> t.status() == TargetStatus.VERIFIED)
                .map(t -> Duration.between(report.window().start(), t.doneAt().orElseThrow()).toMillis())
                .sorted().toList();
        var firstSent = report.targets().stream().filter(t -> t.attempts() > 0)
                .map(t -> t.lastAttemptAt().orElseThrow()).sorted().toList();
        System.out.printf("power-ons: %d targets sent to; last first-attempt at %s ms (pace alone: %.0f ms)%n",
                firstSent.size(), firstSent.isEmpty() ? "-" : Duration.between(report.window().start(),
                        report.targets().stream().filter(t -> t.attempts() == 1).map(t -> t.lastAttemptAt()
                                .orElseThrow()).max(Instant::compareTo).orElseThrow()).toMillis(), 1000 * targets / rate);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            int index = (int) Math.ceil(q * targets) - 1;
            System.out.printf("%2.0f%% of targets verified after: %s%n", q * 100,
                    index < done.size() ? done.get(index) + " ms" : "never (not that many woke)");
        }
        System.out.printf("success rate %.4f; engine run (incl. waiting for the never-waking until the deadline)"
                + " %d ms; last verification at %d ms%n", report.successRate(), runMs,
                done.isEmpty() ? 0 : done.get(done.size() - 1));
    }
}
