package io.lightsout.bench;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.cli.client.Trust;
import io.lightsout.appliance.config.ApplianceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench nodes}: imports N nodes (BMCs and BMC-less machines over 40 sites and many subnets) into an
 * in-process appliance through the REST API, re-imports them (all updates), then times what the portal's Nodes page
 * and scripts ask for: a page for each sort key, the filters (site, type, subnet, tag, text), a deep and the last
 * page, big pages, and the CSV export. Median and p95 of the whole request (TLS, auth, SQL, JSON) and the body size.
 */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "Node import, the Nodes page's list queries and export at fleet size.")
public final class NodesBench implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "10000", description = "Nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "50", description = "Calls per listing (default ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("lightsout-bench-nodes-");
        try (Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of("bind.address", "127.0.0.1",
                "https.port", "0", "http.port", "0", "tls.hostname", "localhost", "log.level", "WARN",
                "nfs.enabled", "false", "power.sync-first-delay", "1d"))).start()) {
            a.accounts().setup("Bench-admin-pass1", "Bench-readonly-pass1", "bench");
            String token = a.tokens().create("bench", "bench", "admin", null).token();
            HttpClient http = HttpClient.newBuilder().sslContext(Trust.pinned(a.tls().info().sha256()))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + a.httpsPort();
            String csv = csv(nodes);
            long t0 = System.nanoTime();
            String first = send(http, base + "/api/v1/nodes/import", token, csv);
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            send(http, base + "/api/v1/nodes/import", token, csv);
            long reimportMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("import %d nodes: %d ms (%.0f rows/s); re-import (all updates): %d ms%n  %s%n", nodes,
                    importMs, nodes * 1000.0 / importMs, reimportMs, first.substring(0, Math.min(120, first.length())));
            int last = (nodes + 49) / 50 - 1;
            for (String q : new String[] {"sort=name&order=asc&size=50", "sort=name&order=desc&size=50",
                "sort=ip&order=desc&size=50", "sort=site&order=desc&size=50", "sort=powerState&size=50",
                "site=site-7&sort=mac&size=50", "type=AMT&sort=powerState&size=50", "subnet=10.0.16.0/20&size=50",
                "tag=rack-12&size=50", "q=node-0999&size=50", "page=" + last / 2 + "&size=50",
                "page=" + last + "&size=50", "size=200", "size=500"}) {
                time(http, base + "/api/v1/nodes?" + q, token, "?" + q);
            }
            time(http, base + "/api/v1/nodes/export", token, "/export (all, CSV)");
        } finally {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void time(HttpClient http, String url, String token, String label) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(http, url, token);
        }
        long[] us = new long[repeat];
        int bytes = 0;
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            bytes = get(http, url, token);
            us[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(us);
        System.out.printf("  GET /nodes%-40s median %6.1f ms  p95 %6.1f ms  (%,d bytes)%n", label,
                us[repeat / 2] / 1000.0, us[(int) (repeat * 0.95)] / 1000.0, bytes);
    }

    static String csv(int n) {
        StringBuilder b = new StringBuilder("name,type,site,address,username,password,mac,ip,tags\n");
        for (int i = 0; i < n; i++) {
            String ip = "10." + (i / 65536 % 8) + "." + (i / 256 % 256) + "." + (i % 256);
            String mac = String.format("02:42:%02X:%02X:%02X:%02X", i >> 24 & 255, i >> 16 & 255, i >> 8 & 255,
                    i & 255);
            String site = "site-" + (i % 40);
            String tags = "rack-" + (i % 100) + ";bench";
            switch (i % 3) {
                case 0 -> b.append(String.format("node-%05d,IDRAC,%s,%s,root,bench-pw,%s,,%s%n", i, site, ip, mac,
                        tags));
                case 1 -> b.append(String.format("node-%05d,AMT,%s,%s,admin,bench-pw,%s,,%s%n", i, site, ip, mac,
                        tags));
                default -> b.append(String.format("node-%05d,WOL,%s,,,,%s,%s,%s%n", i, site, mac, ip, tags));
            }
        }
        return b.toString();
    }

    private static String send(HttpClient http, String url, String token, String csv) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** One GET that must answer 200; returns the body length. */
    private static int get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().length();
    }
}
