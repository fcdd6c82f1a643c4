package io.lightsout.bench;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.power.campaigns.CampaignInput;
import io.lightsout.appliance.power.campaigns.Campaigns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench campaign-window}: what resolving a campaign's selection when each window opens costs at fleet size.
 * An in-process appliance (H2) with N BMC-less nodes in a dynamic group; times creating a campaign over the group,
 * the opening of its window (create returned → state running: the scheduler picks it up, resolves the group and
 * stores the window's list in one transaction), the report of a window not open yet (the group resolved now) and of
 * an opened one (its stored list). The nodes are on 127.x addresses and the magic packets go to a random loopback
 * port; each opened campaign is cancelled at once.
 */
@Command(name = "campaign-window", mixinStandardHelpOptions = true,
        description = "Cost of resolving a campaign's group when its window opens, and of its reports, at fleet size.")
public final class CampaignWindowBench implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "10000", description = "Nodes in the group (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "7", description = "Windows opened and reports read (default"
            + " ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("lightsout-bench-window-");
        int wolPort = ThreadLocalRandom.current().nextInt(30_000, 40_000);
        try (Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of("bind.address", "127.0.0.1",
                "https.port", "0", "http.port", "0", "tls.hostname", "localhost", "log.level", "WARN",
                "nfs.enabled", "false", "power.sync-first-delay", "1d", "wol.port", String.valueOf(wolPort))))
                .start()) {
            long t0 = System.nanoTime();
            var imported = a.nodes().importCsv(csv(nodes), "bench", null);
            System.out.printf("imported %d nodes in %d ms%n", imported.imported(), ms(t0));
            a.groups().create(new NodeGroups.Input("night-shift", true, null, null, null, "night"), "bench", null);
            Campaigns campaigns = a.campaigns();

            Campaigns.Campaign later = campaigns.create(input("later", Instant.now().plusSeconds(3600).toString()),
                    "bench", null);
            long[] preview = new long[repeat];
            for (int i = 0; i < repeat; i++) {
                long r0 = System.nanoTime();
                int n = campaigns.report(campaigns.get(later.id())).targets().count();
                preview[i] = System.nanoTime() - r0;
                check(n);
            }
            long[] create = new long[repeat];
            long[] open = new long[repeat];
            long[] frozen = new long[repeat];
            for (int i = 0; i < repeat; i++) {
                long c0 = System.nanoTime();
                Campaigns.Campaign c = campaigns.create(input("now-" + i, "now"), "bench", null);
                long created = System.nanoTime();
                create[i] = created - c0;
                while (campaigns.get(c.id()).state() == Campaigns.State.SCHEDULED) {
                    Thread.sleep(1);
                }
                open[i] = System.nanoTime() - created;
                campaigns.cancel(c.id(), "bench", null);
                long r0 = System.nanoTime();
                int n = campaigns.report(campaigns.get(c.id())).targets().count();
                frozen[i] = System.nanoTime() - r0;
                check(n);
            }
            System.out.printf("%d nodes in a dynamic group (tag), median of %d (min-max):%n", nodes, repeat);
            System.out.printf("  create a campaign over the group:          %s%n", stats(create));
            System.out.printf("  its window opens (create → running):       %s%n", stats(open));
            System.out.printf("  report of a window not open (as of now):   %s%n", stats(preview));
            System.out.printf("  report of an opened window (its own list): %s%n", stats(frozen));
            System.out.printf("  %d CPUs, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void check(int n) {
        if (n != nodes) {
            throw new IllegalStateException("expected " + nodes + " targets, got " + n);
        }
    }

    private static CampaignInput input(String name, String start) {
        // one magic packet every 10 s: the opened windows are cancelled long before a second one
        return new CampaignInput(name, "night-shift", null, null, start, "1h", 0, null, 0.1, null, "1h", "wol",
                null, null, null);
    }

    private static String csv(int n) {
        StringBuilder csv = new StringBuilder("name,type,mac,ip,tags\n");
        for (int i = 0; i < n; i++) {
            csv.append(String.format("pc-%05d,WOL,02:10:%02x:%02x:%02x:%02x,127.100.%d.%d,night%n", i, (i >> 24) & 255,
                    (i >> 16) & 255, (i >> 8) & 255, i & 255, (i / 250) & 255, 1 + i % 250));
        }
        return csv.toString();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%.1f ms (%.1f-%.1f)", s[s.length / 2] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
    }
}
