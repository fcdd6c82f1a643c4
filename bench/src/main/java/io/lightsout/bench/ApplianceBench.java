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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench appliance}: an in-process appliance on loopback; measures start-up, login latency (Argon2id),
 * authenticated API reads under concurrency, and the self-test job's submit-to-done time. Prints figures only.
 */
@Command(name = "appliance", mixinStandardHelpOptions = true, description = "Appliance start-up, login and API figures.")
public final class ApplianceBench implements Callable<Integer> {
    private static final String ADMIN = "Bench-admin-pass1";

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent API clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds of API load (default ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("lightsout-bench-");
        long t0 = System.nanoTime();
        try (Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of("bind.address", "127.0.0.1",
                "https.port", "0", "http.port", "0", "tls.hostname", "localhost", "log.level", "WARN",
                "nfs.enabled", "false", "power.sync-first-delay", "1d"))).start()) {
            System.out.printf("start-up (first boot, in-process): %d ms (listeners %d ms)%n",
                    (System.nanoTime() - t0) / 1_000_000, a.startupTime().toMillis());
            a.accounts().setup(ADMIN, "Bench-readonly-pass1", "bench");
            HttpClient http = HttpClient.newBuilder().sslContext(Trust.pinned(a.tls().info().sha256()))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + a.httpsPort();
            logins(http, base);
            String token = a.tokens().create("bench", "bench", "readonly", null).token();
            reads(http, base, token);
            selfTests(a);
        } finally {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static void logins(HttpClient http, String base) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + ADMIN + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("login answered " + r.statusCode());
            }
            if (i >= 5) {
                micros.add((System.nanoTime() - t) / 1000);
            }
        }
        System.out.printf("login (Argon2id m=19MiB t=2, sequential, after 5 warm-up): median %.1f ms, p90 %.1f ms%n",
                pct(micros, 50) / 1000.0, pct(micros, 90) / 1000.0);
    }

    private void reads(HttpClient http, String base, String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs?size=20"))
                .header("Authorization", "Bearer " + token).build();
        for (int i = 0; i < 200; i++) {
            http.send(req, HttpResponse.BodyHandlers.discarding());
        }
        LongAdder ok = new LongAdder();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            ok.increment();
                            lat.add((System.nanoTime() - t) / 1000);
                        }
                    }
                    return null;
                });
            }
        }
        List<Long> l = new ArrayList<>(lat);
        System.out.printf("GET /api/v1/jobs with a bearer token, %d clients, %d s: %.0f req/s, p50 %.1f ms, "
                + "p99 %.1f ms%n", clients, seconds, ok.sum() / (double) seconds, pct(l, 50) / 1000.0,
                pct(l, 99) / 1000.0);
    }

    private static void selfTests(Appliance a) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            long id = a.jobs().submit("self-test", null, List.of("database", "vault", "tls-certificate",
                    "disk-space"), "bench", null);
            while (!a.jobRepository().find(id).orElseThrow().state().isFinal()) {
                Thread.sleep(1);
            }
            micros.add((System.nanoTime() - t) / 1000);
        }
        System.out.printf("self-test job (4 targets) submit to finished: median %.1f ms%n", pct(micros, 50) / 1000.0);
    }

    private static long pct(List<Long> values, int p) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, s.size() * p / 100));
    }
}
