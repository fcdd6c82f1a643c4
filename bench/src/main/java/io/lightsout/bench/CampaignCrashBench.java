package io.lightsout.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.cli.client.Trust;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench campaign-crash}: the appliance in a child JVM runs a campaign over N lab BMCs (in this JVM); when a
 * given share has been woken it is killed with SIGKILL and started again on the same data directory. Prints the
 * restart and resume times, and checks what the crash test asserts: every target exactly one final status, no BMC
 * booted twice.
 */
@Command(name = "campaign-crash", mixinStandardHelpOptions = true,
        description = "kill -9 the appliance mid-campaign over N lab BMCs, restart, and check the campaign completes.")
public final class CampaignCrashBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--nodes", defaultValue = "1000", description = "lab BMCs (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--rate", defaultValue = "50", description = "campaign power-ons per second (default 50)")
    double rate;

    @Option(names = "--kill-at", defaultValue = "30", description = "percent woken when the appliance is killed")
    int killAt;

    @Option(names = "--base", defaultValue = "127.70.0.1", description = "first lab address (default 127.70.0.1)")
    String base;

    private record Child(Process process, HttpClient http, String url, String token) {
        JsonNode call(String method, String path, String body, String type) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token);
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }

    private static Child start(Path data) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashApplianceChild.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // start-up log
        }
        if (line == null) {
            throw new IllegalStateException("the appliance child exited: " + p.waitFor());
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        String[] f = line.split(" ");
        HttpClient http = HttpClient.newBuilder().sslContext(Trust.pinned(f[2])).build();
        return new Child(p, http, "https://127.0.0.1:" + f[1], Files.readString(data.resolve("token.txt")).strip());
    }

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("campaign-crash");
        Child first = null;
        Child second = null;
        try (Lab lab = Lab.builder().idrac(nodes / 2).amt(nodes - nodes / 2).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(500)).latency(Duration.ofMillis(5), Duration.ofMillis(30)).start()) {
            first = start(data);
            StringBuilder csv = new StringBuilder("type,address,port,username,password\n");
            for (SimulatedBmc b : lab.bmcs()) {
                csv.append(b.type()).append(',').append(b.address()).append(',').append(b.port()).append(',')
                        .append(b.username()).append(',').append(b.password()).append('\n');
            }
            first.call("POST", "/api/v1/nodes/import", csv.toString(), "text/csv");
            Map<String, Object> body = new HashMap<>(Map.of("name", "crash", "all", true, "deadline", "10m",
                    "retries", 2, "retryDelay", "10s", "rate", rate, "verifyInterval", "1s"));
            String id = first.call("POST", "/api/v1/wake-campaigns", JSON.writeValueAsString(body),
                    "application/json").path("id").asText();
            long t0 = System.nanoTime();
            while (first.call("GET", "/api/v1/wake-campaigns/" + id, null, null).path("progress").path("woken")
                    .asInt() < nodes * killAt / 100) {
                Thread.sleep(100);
            }
            first.process().destroyForcibly(); // SIGKILL
            first.process().waitFor(30, TimeUnit.SECONDS);
            long killedMs = (System.nanoTime() - t0) / 1_000_000;
            long r0 = System.nanoTime();
            second = start(data);
            long readyMs = (System.nanoTime() - r0) / 1_000_000;
            JsonNode before = second.call("GET", "/api/v1/wake-campaigns/" + id, null, null).path("progress");
            int settledBefore = before.path("woken").asInt() + before.path("alreadyOn").asInt();
            long resumedMs = -1;
            while (true) {
                JsonNode c = second.call("GET", "/api/v1/wake-campaigns/" + id, null, null);
                JsonNode p = c.path("progress");
                if (resumedMs < 0 && p.path("woken").asInt() + p.path("alreadyOn").asInt() > settledBefore) {
                    resumedMs = (System.nanoTime() - r0) / 1_000_000;
                }
                if (c.path("state").asText().equals("done")) {
                    break;
                }
                Thread.sleep(250);
            }
            long doneMs = (System.nanoTime() - r0) / 1_000_000;
            JsonNode report = second.call("GET", "/api/v1/wake-campaigns/" + id + "/report", null, null);
            java.util.Set<String> seen = new java.util.HashSet<>();
            int duplicateRows = 0;
            for (JsonNode row : report.path("rows")) {
                duplicateRows += seen.add(row.path("nodeId").asText()) ? 0 : 1;
            }
            long bootedTwice = lab.bmcs().stream().filter(b -> b.boots() > 1).count();
            long neverBooted = lab.bmcs().stream().filter(b -> b.boots() == 0).count();
            JsonNode counts = report.path("counts");
            System.out.printf("%d BMCs, pace %.0f/s: killed (SIGKILL) %d ms after creation with %d woken;"
                    + " restarted appliance ready in %d ms, first new verification %d ms after restart, campaign done"
                    + " %d ms after restart%n", nodes, rate, killedMs, settledBefore, readyMs, resumedMs, doneMs);
            System.out.printf("final: woken %d, already on %d, failed %d, pending %d; rows %d for %d distinct nodes"
                    + " (duplicates %d); BMCs booted twice: %d, never booted: %d%n", counts.path("woken").asInt(),
                    counts.path("alreadyOn").asInt(), counts.path("failed").asInt(), counts.path("pending").asInt(),
                    report.path("rows").size(), seen.size(), duplicateRows, bootedTwice, neverBooted);
            boolean ok = duplicateRows == 0 && bootedTwice == 0 && seen.size() == nodes
                    && counts.path("pending").asInt() == 0;
            System.out.println(ok ? "OK: every target has exactly one final status and no BMC was powered on twice"
                    : "FAILED: see the figures above");
            return ok ? 0 : 1;
        } finally {
            for (Child c : new Child[] {first, second}) {
                if (c != null) {
                    c.process().destroyForcibly();
                    c.process().waitFor(30, TimeUnit.SECONDS);
                }
            }
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
