package io.lightsout.bench;

import com.sun.management.OperatingSystemMXBean;
import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.TargetState;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.campaign.WakeMethod;
import io.lightsout.appliance.power.campaigns.CampaignInput;
import io.lightsout.appliance.power.campaigns.Campaigns;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench fleet-campaign}: the appliance (in this JVM, H2 store, its campaign engine, BMC executor and WoL
 * sender) wakes a mixed fleet — lab iDRACs answering with a fixed latency and BMC-less lab machines that boot when a
 * magic packet arrives — each lab in its own child JVM. Prints the time from creation to a complete report, the
 * measured pace against the configured one, magic packets per second, CPU of the appliance and the labs, then times
 * power-sync sweeps over the same fleet.
 */
@Command(name = "fleet-campaign", mixinStandardHelpOptions = true,
        description = "Wake campaign over lab BMCs + WoL machines through the appliance (H2), then power-sync sweeps.")
public final class FleetCampaignBench implements Callable<Integer> {

    @Option(names = "--bmcs", defaultValue = "5000", description = "lab iDRACs (default ${DEFAULT-VALUE})")
    int bmcs;

    @Option(names = "--wol", defaultValue = "5000", description = "lab WoL-only machines (default ${DEFAULT-VALUE})")
    int wol;

    @Option(names = "--latency-ms", defaultValue = "200", description = "lab BMC latency per answer (default 200)")
    int latencyMs;

    @Option(names = "--rate", defaultValue = "400", description = "campaign power-ons + magic packets per second"
            + " (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--deadline", defaultValue = "180s", description = "campaign window (default ${DEFAULT-VALUE})")
    String deadline;

    @Option(names = "--verify-interval", defaultValue = "10s", description = "campaign verify interval: each"
            + " target is checked this long after its power-on (default ${DEFAULT-VALUE})")
    String verifyInterval;

    @Option(names = "--sweeps", defaultValue = "2", description = "power-sync sweeps afterwards (default 2)")
    int sweeps;

    @Option(names = "--port", defaultValue = "41009", description = "lab WoL UDP port; +1 is the verify port,"
            + " +2 the iDRAC port")
    int port;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("fleet-campaign");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LabChild bmcLab = LabChild.start(dir.resolve("bmcs.csv"), Duration.ofMinutes(5), "--idrac",
                String.valueOf(bmcs), "--amt", "0", "--base", "127.60.0.1", "--idrac-port", String.valueOf(port + 2),
                "--latency-ms", String.valueOf(latencyMs), "--power-delay-ms", "1000", "--seed", "11");
             LabChild wolLab = LabChild.start(dir.resolve("wol.csv"), Duration.ofMinutes(5), "--idrac", "1",
                     "--amt", "0", "--base", "127.62.0.1", "--wol", String.valueOf(wol), "--wol-base", "127.64.0.1",
                     "--wol-port", String.valueOf(port), "--wol-verify-port", String.valueOf(port + 1),
                     "--wol-boot-ms", "500-3000", "--seed", "12");
             Appliance a = new Appliance(ApplianceConfig.load(dir.resolve("data"), null, Map.ofEntries(
                     Map.entry("bind.address", "127.0.0.1"), Map.entry("https.port", "0"),
                     Map.entry("http.port", "0"), Map.entry("tls.hostname", "localhost"),
                     Map.entry("log.level", "WARN"), Map.entry("nfs.enabled", "false"),
                     Map.entry("wol.port", String.valueOf(port)),
                     Map.entry("wol.rate.global", "100000"), Map.entry("wol.rate.per-subnet", "100000"),
                     Map.entry("wol.burst", "100"), Map.entry("power.sync-interval", "1d"),
                     Map.entry("power.sync-first-delay", "1d"),
                     Map.entry("power.sync-concurrency", "1024"), Map.entry("bmc.limit.global", "1024"),
                     Map.entry("bmc.limit.per-site", "1024")))).start()) {
            System.out.printf("labs ready: %d iDRACs (%d ms latency, HTTPS) + %d WoL machines, each lab in a child"
                    + " JVM; %d CPUs%n", bmcs, latencyMs, wol, Runtime.getRuntime().availableProcessors());
            NodeRegistry nodes = a.nodes();
            long t0 = System.nanoTime();
            NodeRegistry.ImportReport bi = nodes.importCsv(Files.readString(dir.resolve("bmcs.csv")), "bench", null);
            NodeRegistry.ImportReport wi = nodes.importCsv(wolRows(dir.resolve("wol.csv")), "bench", null);
            System.out.printf("imported %d + %d nodes in %d ms (rejected %d)%n", bi.imported(), wi.imported(),
                    (System.nanoTime() - t0) / 1_000_000, bi.rejected() + wi.rejected());

            double load0 = os.getSystemLoadAverage();
            double cpu0 = os.getProcessCpuTime() / 1e9;
            double labCpu0 = bmcLab.cpuSeconds() + wolLab.cpuSeconds();
            long c0 = System.nanoTime();
            Campaigns campaigns = a.campaigns();
            Campaigns.Campaign c = campaigns.create(new CampaignInput("bench", null, null, true, "now", deadline, 1,
                    "30s", rate, port + 1, verifyInterval, "auto", "leave-on", null, null), "bench", null);
            long createdMs = (System.nanoTime() - c0) / 1_000_000;
            while (true) {
                Campaigns.State s = campaigns.get(c.definition().id()).state();
                if (s == Campaigns.State.DONE || s == Campaigns.State.CANCELLED || s == Campaigns.State.FAILED) {
                    break;
                }
                Thread.sleep(200);
            }
            long doneMs = (System.nanoTime() - c0) / 1_000_000;
            double cpu = os.getProcessCpuTime() / 1e9 - cpu0;
            double labCpu = bmcLab.cpuSeconds() + wolLab.cpuSeconds() - labCpu0;
            CampaignReport report = campaigns.report(campaigns.get(c.definition().id())).report();
            printCampaign(report, createdMs, doneMs, cpu, labCpu);
            System.out.printf("  load average (1 min): %.2f at create, %.2f when done, on %d CPUs%n", load0,
                    os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());

            for (int i = 1; i <= sweeps; i++) {
                double s0 = os.getProcessCpuTime() / 1e9;
                Duration took = a.powerSync().sweep();
                System.out.printf("power-sync sweep %d over %d nodes: %d ms, %.0f reads/s, appliance CPU %.1f s%n", i,
                        bmcs + wol, took.toMillis(), (bmcs + wol) * 1000.0 / Math.max(1, took.toMillis()),
                        os.getProcessCpuTime() / 1e9 - s0);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The WoL machines' rows (a lab needs one BMC, which the WoL lab has but the fleet does not include). */
    private static String wolRows(Path csv) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        int type = List.of(lines.getFirst().split(",")).indexOf("type");
        StringBuilder out = new StringBuilder(lines.getFirst()).append('\n');
        lines.stream().skip(1).filter(l -> l.split(",", -1)[type].equals("WOL")).forEach(l -> out.append(l)
                .append('\n'));
        return out.toString();
    }

    private void printCampaign(CampaignReport report, long createdMs, long doneMs, double cpu, double labCpu) {
        var counts = report.counts();
        Instant start = report.window().start();
        System.out.printf("campaign of %d targets: created in %d ms; done (complete report) after %d ms%n",
                report.targets().size(), createdMs, doneMs);
        System.out.printf("  woken %d, already on %d, failed %d %s; success rate %.4f%n",
                counts.get(TargetStatus.VERIFIED), counts.get(TargetStatus.ALREADY_ON), counts.get(TargetStatus.FAILED),
                report.failures(), report.successRate());
        long lastDone = report.targets().stream().flatMap(t -> t.doneAt().stream())
                .mapToLong(t -> Duration.between(start, t).toMillis()).max().orElse(0);
        System.out.printf("  last target verified %d ms after the window opened%n", lastDone);
        // pace: first attempts only (retried targets' stored attempt time is their last one)
        List<Instant> firsts = report.targets().stream().filter(t -> t.attempts() == 1)
                .flatMap(t -> t.lastAttemptAt().stream()).sorted().toList();
        if (firsts.size() > 1) {
            double span = Duration.between(firsts.getFirst(), firsts.getLast()).toNanos() / 1e9;
            double measured = (firsts.size() - 1) / span;
            System.out.printf("  pace: %d first power-ons in %.2f s = %.1f/s, configured %.1f/s: ratio %.3f (%+.2f %%)%n",
                    firsts.size(), span, measured, rate, measured / rate, (measured - rate) * 100 / rate);
        }
        if (!firsts.isEmpty()) {
            int[] perSecond = new int[(int) Duration.between(start, firsts.getLast()).toSeconds() + 1];
            firsts.forEach(t -> perSecond[(int) Duration.between(start, t).toSeconds()]++);
            System.out.println("  first power-ons per second of the window: " + java.util.Arrays.toString(perSecond));
            for (WakeMethod m : WakeMethod.values()) {
                int[] byMethod = new int[perSecond.length];
                report.targets().stream().filter(t -> t.attempts() == 1 && t.method().orElse(null) == m)
                        .flatMap(t -> t.lastAttemptAt().stream())
                        .forEach(t -> byMethod[(int) Duration.between(start, t).toSeconds()]++);
                System.out.println("    of which " + m + ": " + java.util.Arrays.toString(byMethod));
            }
            if (perSecond.length > 2) { // the first and last second of the send phase are partial
                var full = java.util.Arrays.stream(perSecond, 1, perSecond.length - 1).summaryStatistics();
                System.out.printf("  full seconds of the send phase: min %d, max %d, mean %.1f per second%n",
                        full.getMin(), full.getMax(), full.getAverage());
            }
        }
        long wolSent = report.targets().stream().filter(t -> t.method().orElse(null) == WakeMethod.WOL)
                .mapToLong(TargetState::attempts).sum();
        System.out.printf("  magic packets: %d wakes x 3 repeats = %d packets, %.0f packets/s over the run%n", wolSent,
                wolSent * 3, wolSent * 3 * 1000.0 / Math.max(1, doneMs));
        System.out.printf("  CPU: appliance %.1f s (%.0f %% of one core), labs %.1f s%n", cpu, cpu * 100_000 / doneMs,
                labCpu);
    }
}
