package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A wake campaign over lab BMCs and WoL machines through the REST API: progress, report JSON and CSV, cancel. */
class CampaignApiTest {

    @Test
    void aCampaignWakesBmcAndWolNodesAndReportsEachOne() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int udpPort = r.nextInt(30_000, 40_000);
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        String wolBase = "127." + r.nextInt(128, 200) + "." + r.nextInt(256) + ".1";
        try (Lab lab = Lab.builder().idrac(3).amt(3).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(300)).start();
             WolFleet fleet = WolFleet.builder().machines(6).base(wolBase).udpPort(udpPort)
                     .verifyPort(udpPort + 10_000).bootDelay(Duration.ofMillis(100), Duration.ofMillis(400))
                     .neverWakePercent(20).seed(7).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("wol.port", String.valueOf(udpPort)))) {
            Http http = t.http();
            Auth op = Auth.bearer(t.appliance().tokens().create("test", "op", "operator", null).token());
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Res imported = http.send("POST", "/api/v1/nodes/import", LabCsv.of(lab, fleet), "text/csv", admin);
            assertThat(imported.json().path("imported").asInt()).as(imported.body()).isEqualTo(12);
            lab.bmcs().get(0).setPowerState(io.lightsout.lab.PowerState.ON);
            int neverWake = (int) fleet.machines().stream()
                    .filter(m -> m.behaviour() == WolMachine.Behaviour.NEVER_WAKE).count();

            Map<String, Object> body = new HashMap<>(Map.of("name", "night", "all", true, "deadline", "12s",
                    "retries", 1, "retryDelay", "2s", "rate", 50.0, "verifyInterval", "500ms"));
            body.put("verifyPort", fleet.verifyPort());
            Res created = http.json("POST", "/api/v1/wake-campaigns", body, op);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().path("id").asText();
            assertThat(created.json().path("progress").path("total").asInt()).isEqualTo(12);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                    http.get("/api/v1/wake-campaigns/" + id, op).json().path("state").asText().equals("done"));

            JsonNode report = http.get("/api/v1/wake-campaigns/" + id + "/report", op).json();
            JsonNode counts = report.path("counts");
            assertThat(counts.path("alreadyOn").asInt()).as(report.toString()).isEqualTo(1);
            assertThat(counts.path("woken").asInt()).as(report.toString()).isEqualTo(12 - 1 - neverWake);
            assertThat(counts.path("failed").asInt()).isEqualTo(neverWake);
            assertThat(counts.path("pending").asInt()).isZero();
            assertThat(report.path("rows").size()).isEqualTo(12);
            // the window's own list, resolved from the selection when it opened
            assertThat(report.path("targets").path("asOf").asText()).isEqualTo("window-open");
            assertThat(report.path("targets").path("description").asText())
                    .isEqualTo("all nodes, 12 nodes at window open");
            JsonNode view = http.get("/api/v1/wake-campaigns/" + id, op).json();
            assertThat(view.path("selection").path("kind").asText()).isEqualTo("all");
            assertThat(view.path("targets").path("count").asInt()).isEqualTo(12);
            report.path("rows").forEach(row -> {
                if (row.path("status").asText().equals("FAILED")) {
                    assertThat(row.path("reason").asText()).isEqualTo("NOT_VERIFIED_BY_DEADLINE");
                }
            });
            lab.bmcs().forEach(b -> assertThat(b.powerState()).isEqualTo(io.lightsout.lab.PowerState.ON));
            // the nodes learned it from the campaign's reads (the power sync has not run: TestAppliance holds it off)
            lab.bmcs().forEach(b -> {
                JsonNode node = http.get("/api/v1/nodes?q=" + b.address(), op).json().path("items").get(0);
                assertThat(node.path("power").path("state").asText()).as(node.toString()).isEqualTo("ON");
                assertThat(node.path("power").path("readAt").isTextual()).as(node.toString()).isTrue();
            });
            assertThat(lab.bmcs().get(0).boots()).isZero();
            if (neverWake > 0) {
                assertThat(report.path("failures").path("NOT_VERIFIED_BY_DEADLINE").asInt()).as(report.toString())
                        .isEqualTo(neverWake);
            }
            JsonNode timeline = report.path("timeline");
            assertThat(timeline.size()).as("success rate over time").isPositive();
            assertThat(timeline.get(0).path("secondsSinceStart").asLong()).isZero();
            assertThat(timeline.get(timeline.size() - 1).path("successRate").asDouble())
                    .isEqualTo(report.path("successRate").asDouble());
            Res reportCsv = http.get("/api/v1/wake-campaigns/" + id + "/report.csv", op);
            assertThat(reportCsv.body().lines().count()).isEqualTo(13);
            String firstName = report.path("rows").get(0).path("name").asText();
            assertThat(reportCsv.body().lines().skip(1).findFirst().orElseThrow())
                    .startsWith(firstName + "," + report.path("rows").get(0).path("nodeId").asText() + ",");
            Res timelineCsv = http.get("/api/v1/wake-campaigns/" + id + "/timeline.csv", op);
            assertThat(timelineCsv.status()).isEqualTo(200);
            assertThat(timelineCsv.body()).startsWith("seconds_since_start,succeeded,success_rate");
            assertThat(http.send("POST", "/api/v1/wake-campaigns/" + id + "/cancel", null, null, op).status())
                    .isEqualTo(409);
            List<JsonNode> list = List.of(http.get("/api/v1/wake-campaigns", op).json().get(0));
            assertThat(list.getFirst().path("id").asText()).isEqualTo(id);

            body.put("name", "later");
            body.put("start", java.time.Instant.now().plusSeconds(3600).toString());
            String later = http.json("POST", "/api/v1/wake-campaigns", body, op).json().path("id").asText();
            assertThat(http.send("POST", "/api/v1/wake-campaigns/" + later + "/cancel", null, null, op).status())
                    .isEqualTo(202);
            assertThat(http.get("/api/v1/wake-campaigns/" + later, op).json().path("state").asText())
                    .isEqualTo("cancelled");
            Res bad = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "x", "all", true, "deadline",
                    "soon"), op);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("deadline");
        }
    }
}
