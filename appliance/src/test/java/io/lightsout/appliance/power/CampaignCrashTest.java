package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the appliance (a child JVM) in the middle of a campaign over a few hundred lab BMCs; a new appliance
 * on the same data directory finishes it: every target ends with exactly one final status and no BMC booted twice.
 */
class CampaignCrashTest {
    private static final int BMCS = 240;

    private record Child(Process process, Http http, Auth auth) {
    }

    private static Child start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CampaignCrashChild.class.getName(), data.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // start-up log lines
        }
        assertThat(line).as("child started").isNotNull();
        // the child's log goes to the test's output, so a failure shows why
        Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[child] " + l)));
        drain.setDaemon(true);
        drain.start();
        String[] f = line.split(" ");
        Http http = new Http("https://127.0.0.1:" + f[1], f[2]);
        return new Child(p, http, Auth.bearer(Files.readString(data.resolve("token.txt")).strip()));
    }

    @Test
    void aKilledApplianceResumesTheCampaignWithoutWakingAnyNodeTwice() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        Path data = Files.createTempDirectory("campaign-crash");
        Child first = null;
        Child second = null;
        try (Lab lab = Lab.builder().idrac(BMCS / 2).amt(BMCS / 2).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(500)).latency(Duration.ofMillis(5), Duration.ofMillis(30)).start()) {
            first = start(data);
            StringBuilder csv = new StringBuilder("type,address,port,username,password\n");
            for (SimulatedBmc b : lab.bmcs()) {
                csv.append(b.type()).append(',').append(b.address()).append(',').append(b.port()).append(',')
                        .append(b.username()).append(',').append(b.password()).append('\n');
            }
            Child c1 = first;
            assertThat(c1.http().send("POST", "/api/v1/nodes/import", csv.toString(), "text/csv", c1.auth()).json()
                    .path("imported").asInt()).isEqualTo(BMCS);
            String id = c1.http().json("POST", "/api/v1/wake-campaigns", Map.of("name", "crash", "all", true,
                    "deadline", "3m", "retries", 2, "retryDelay", "5s", "rate", 25.0, "verifyInterval", "1s"),
                    c1.auth()).json().path("id").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode p = c1.http().get("/api/v1/wake-campaigns/" + id, c1.auth()).json().path("progress");
                return p.path("woken").asInt() >= 20;
            });
            first.process().destroyForcibly(); // SIGKILL
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            JsonNode before = null;
            second = start(data);
            Child c2 = second;
            before = c2.http().get("/api/v1/wake-campaigns/" + id, c2.auth()).json().path("progress");
            assertThat(before.path("pending").asInt()).as("killed mid-campaign: %s", before).isPositive();
            // a node registered before the run resumes (db-scheduler revives it only once the dead one's heartbeat
            // is 20 s old) is not in the resumed window: it keeps the list it opened with ("all" as of then)
            assertThat(c2.http().send("POST", "/api/v1/nodes/import", "type,address,port,username,password\n"
                    + "IDRAC,127.250." + r.nextInt(256) + ".1,1,late,late-pass\n", "text/csv", c2.auth()).json()
                    .path("imported").asInt()).isEqualTo(1);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    c2.http().get("/api/v1/wake-campaigns/" + id, c2.auth()).json().path("state").asText()
                            .equals("done"));
            JsonNode report = c2.http().get("/api/v1/wake-campaigns/" + id + "/report", c2.auth()).json();
            JsonNode counts = report.path("counts");
            // a power-on the BMC accepted in the instant before the kill, not yet recorded, reads ON after the
            // restart and is reported as already on: at most the power-ons of one pacing second
            assertThat(counts.path("woken").asInt() + counts.path("alreadyOn").asInt()).as(counts.toString())
                    .isEqualTo(BMCS);
            assertThat(counts.path("alreadyOn").asInt()).as(counts.toString()).isLessThanOrEqualTo(25);
            Set<String> nodes = new HashSet<>();
            report.path("rows").forEach(row -> {
                assertThat(nodes.add(row.path("nodeId").asText())).isTrue();
                assertThat(row.path("status").asText()).isIn("VERIFIED", "ALREADY_ON");
            });
            assertThat(nodes).hasSize(BMCS);
            assertThat(report.path("targets").path("count").asInt()).isEqualTo(BMCS);
            for (SimulatedBmc b : lab.bmcs()) {
                assertThat(b.boots()).as("boots of %s", b.address()).isEqualTo(1);
            }
        } finally {
            for (Child c : new Child[] {first, second}) {
                if (c != null) {
                    c.process().destroyForcibly();
                    c.process().waitFor(30, TimeUnit.SECONDS);
                }
            }
            TestAppliance.deleteTree(data);
        }
    }
}
