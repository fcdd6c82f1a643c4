package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import io.lightsout.lab.wol.WolFleet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The campaign options beyond a one-time window with defaults: forced method, power-off after, recurrence. */
class CampaignOptionsApiTest {

    @Test
    void forcedBmcMethodAndPowerOffAfterTheWindowRecurrenceAndPreciseErrors() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int udpPort = r.nextInt(30_000, 40_000);
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        String wolBase = "127." + r.nextInt(128, 200) + "." + r.nextInt(256) + ".1";
        try (Lab lab = Lab.builder().idrac(2).amt(1).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(200)).start();
             WolFleet fleet = WolFleet.builder().machines(2).base(wolBase).udpPort(udpPort)
                     .verifyPort(udpPort + 10_000).bootDelay(Duration.ofMillis(100), Duration.ofMillis(200))
                     .seed(3).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("wol.port", String.valueOf(udpPort),
                     "time-zone", "Europe/Paris"))) {
            Http http = t.http();
            Auth op = Auth.bearer(t.appliance().tokens().create("test", "op", "operator", null).token());
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            assertThat(http.send("POST", "/api/v1/nodes/import", LabCsv.of(lab, fleet), "text/csv", admin).json()
                    .path("imported").asInt()).isEqualTo(5);

            // bmc forced: the WoL-only machines fail as not supported and are never sent a packet
            Map<String, Object> body = new HashMap<>(Map.of("name", "bmc-only", "all", true, "deadline", "6s",
                    "retries", 0, "rate", 50.0, "verifyInterval", "300ms", "method", "bmc",
                    "afterWindow", "power-off-woken"));
            Res created = http.json("POST", "/api/v1/wake-campaigns", body, op);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("method").asText()).isEqualTo("bmc");
            assertThat(created.json().path("afterWindow").asText()).isEqualTo("power-off-woken");
            assertThat(created.json().path("timeZone").asText()).isEqualTo("Europe/Paris");
            String id = created.json().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    http.get("/api/v1/wake-campaigns/" + id, op).json().path("state").asText().equals("done"));
            JsonNode report = http.get("/api/v1/wake-campaigns/" + id + "/report", op).json();
            assertThat(report.path("counts").path("woken").asInt()).as(report.toString()).isEqualTo(3);
            assertThat(report.path("counts").path("failed").asInt()).isEqualTo(2);
            report.path("rows").forEach(row -> {
                if (row.path("status").asText().equals("FAILED")) {
                    assertThat(row.path("reason").asText()).isEqualTo("NOT_SUPPORTED");
                }
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/api/v1/wake-campaigns/"
                    + id + "/report", op).json().path("rows").findValuesAsText("powerOff"))
                    .as("the after-window step per node is in the JSON too").containsOnly("DONE", "NONE")
                    .contains("DONE"));
            fleet.machines().forEach(m -> assertThat(m.magicPacketsReceived()).isZero());
            // woken by the campaign, then shut down gracefully once the window closed
            lab.bmcs().forEach(b -> assertThat(b.boots()).isEqualTo(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    lab.bmcs().forEach(b -> assertThat(b.powerState()).isEqualTo(PowerState.OFF)));
            assertThat(http.get("/api/v1/wake-campaigns/" + id + "/report.csv", op).body()).contains("DONE");

            // recurring: every night at 03:00 in Paris (the appliance's zone), two-hour windows
            Res nightly = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "nightly", "all", true,
                    "recurrence", "0 3 * * *", "deadline", "2h"), op);
            assertThat(nightly.status()).as(nightly.body()).isEqualTo(201);
            JsonNode n = nightly.json();
            ZonedDateTime start = Instant.parse(n.path("start").asText()).atZone(ZoneId.of("Europe/Paris"));
            assertThat(start.getHour()).isEqualTo(3);
            assertThat(start.getMinute()).isZero();
            assertThat(Duration.between(start.toInstant(), Instant.parse(n.path("deadline").asText())))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(n.path("recurrence").asText()).isEqualTo("0 3 * * *");
            assertThat(n.path("state").asText()).isEqualTo("scheduled");
            String nid = n.path("id").asText();
            assertThat(http.get("/api/v1/wake-campaigns/" + nid + "/report?window=last", op).status())
                    .isEqualTo(404);
            assertThat(http.send("POST", "/api/v1/wake-campaigns/" + nid + "/cancel", null, null, op).status())
                    .isEqualTo(202);

            // over a dynamic group: the view names the group and says the list is a preview until the window opens
            assertThat(http.json("POST", "/api/v1/groups", Map.of("name", "desktops", "dynamic", true, "type", "WOL"),
                    admin).status()).isEqualTo(201);
            JsonNode g = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "desktops-later", "group",
                    "desktops", "start", Instant.now().plusSeconds(3600).toString()), op).json();
            assertThat(g.path("selection").path("kind").asText()).isEqualTo("group");
            assertThat(g.path("selection").path("groupName").asText()).isEqualTo("desktops");
            assertThat(g.path("selection").path("dynamic").asBoolean()).isTrue();
            assertThat(g.path("targets").path("asOf").asText()).isEqualTo("now");
            assertThat(g.path("targets").path("description").asText())
                    .isEqualTo("group desktops (dynamic), 2 nodes as of now");
            String gid = g.path("id").asText();
            assertThat(http.get("/api/v1/wake-campaigns/" + gid + "/report?window=yesterday", op).body())
                    .contains("\"window\"");
            assertThat(http.get("/api/v1/wake-campaigns/" + gid + "/report?window=2026-01-01T00:00:00Z", op)
                    .status()).isEqualTo(404);

            Res bad = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "x", "all", true, "method", "ipmi",
                    "afterWindow", "off", "recurrence", "0 25 * * *", "timeZone", "Mars/Olympus",
                    "deadline", "2026-12-01T00:00:00Z"), op);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("\"method\"", "\"afterWindow\"", "\"recurrence\"", "hour field '25'",
                    "\"timeZone\"");
            Res instant = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "x", "all", true, "recurrence",
                    "0 3 * * *", "deadline", "2026-12-01T00:00:00Z"), op);
            assertThat(instant.status()).isEqualTo(400);
            assertThat(instant.body()).contains("\"deadline\"", "duration after each window");
            assertThat(http.get("/api/v1/openapi.json", op).body()).contains("recurrence", "afterWindow",
                    "timeZone", "groupName", "asOf", "resolvedAt", "skipped");
        }
    }
}
