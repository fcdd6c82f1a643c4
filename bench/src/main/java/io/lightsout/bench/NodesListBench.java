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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench nodes-list}: what the portal's Nodes page asks for, against an in-process appliance holding
 * {@code --nodes} nodes (imported through the REST CSV import): one page of 50 for each sort, a text filter and a
 * deep page, each repeated; prints median and p95 latency per query. Prints figures only.
 */
@Command(name = "nodes-list", mixinStandardHelpOptions = true,
        description = "Latency of the Nodes page's list queries with many nodes.")
public final class NodesListBench implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "10000", description = "Nodes to import (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "50", description = "Calls per query (default ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("lightsout-bench-");
        try (Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of("bind.address", "127.0.0.1",
                "https.port", "0", "http.port", "0", "tls.hostname", "localhost", "log.level", "WARN",
                "nfs.enabled", "false"))).start()) {
            a.accounts().setup("Bench-admin-pass1", "Bench-readonly-pass1", "bench");
            String token = a.tokens().create("bench", "bench", "admin", null).token();
            HttpClient http = HttpClient.newBuilder().sslContext(Trust.pinned(a.tls().info().sha256()))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + a.httpsPort() + "/api/v1/nodes";
            long t0 = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(csv(nodes))).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("import of %d nodes: %d ms, HTTP %d %s%n", nodes, (System.nanoTime() - t0) / 1_000_000,
                    imported.statusCode(), imported.body().length() > 200 ? imported.body().substring(0, 200)
                            : imported.body());
            for (String q : List.of("?sort=name&order=asc&page=0&size=50", "?sort=name&order=desc&page=0&size=50",
                    "?sort=ip&order=asc&page=0&size=50", "?sort=site&order=desc&page=0&size=50",
                    "?sort=powerState&order=asc&page=0&size=50", "?q=node-0042&page=0&size=50",
                    "?site=site-7&sort=mac&page=0&size=50", "?sort=name&page=" + (nodes / 50 - 1) + "&size=50",
                    "?sort=name&page=0&size=200")) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + q)).header("Authorization",
                        "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
                for (int i = 0; i < 5; i++) {
                    http.send(get, HttpResponse.BodyHandlers.discarding());
                }
                long[] times = new long[repeat];
                int bytes = 0;
                for (int i = 0; i < repeat; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                    times[i] = System.nanoTime() - s;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
                    }
                    bytes = r.body().length();
                }
                Arrays.sort(times);
                System.out.printf("GET /nodes%-48s median %6.1f ms  p95 %6.1f ms  (%d bytes)%n", q,
                        times[repeat / 2] / 1e6, times[(int) (repeat * 0.95)] / 1e6, bytes);
            }
        } finally {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** WoL-only nodes (no BMC, so no TLS pinning on import): distinct MACs and addresses, 20 sites, tags. */
    private static String csv(int n) {
        StringBuilder b = new StringBuilder(String.join(",", io.lightsout.appliance.nodes.NodeCsv.COLUMNS)).append('\n');
        for (int i = 0; i < n; i++) {
            b.append(String.format("node-%05d,WOL,site-%d,,,,,,,02:10:%02X:%02X:%02X:%02X,10.%d.%d.%d,16,22,,rack-%d,%n",
                    i, i % 20, (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, 20 + i / 62_500,
                    (i / 250) % 250, i % 250 + 2, i % 40));
        }
        return b.toString();
    }
}
