package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A recurring campaign runs window after window through db-scheduler: every minute, a 15-second window (slack
 * for a loaded build machine) that wakes
 * the lab BMC and shuts it down again at the deadline, so the second window must wake it a second time. Takes up
 * to two minutes (cron has minute resolution).
 */
class RecurringCampaignTest {

    @Test
    void everyWindowWakesAgainAndThePreviousWindowKeepsItsReport() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String base = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1";
        try (Lab lab = Lab.builder().idrac(1).amt(0).base(base).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(100)).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            Http http = t.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            java.nio.file.Path csv = java.nio.file.Files.createTempFile("recurring", ".csv");
            lab.writeInventory(csv);
            assertThat(http.send("POST", "/api/v1/nodes/import", java.nio.file.Files.readString(csv), "text/csv",
                    admin).json().path("imported").asInt()).isEqualTo(1);
            java.nio.file.Files.delete(csv);
            lab.bmcs().getFirst().setPowerState(PowerState.OFF);
            JsonNode c = http.json("POST", "/api/v1/wake-campaigns", Map.of("name", "every-minute", "all", true,
                    "recurrence", "* * * * *", "deadline", "15s", "retries", 0, "verifyInterval", "300ms",
                    "afterWindow", "power-off-woken"), admin).json();
            String id = c.path("id").asText();
            Instant first = Instant.parse(c.path("start").asText());
            assertThat(first.getEpochSecond() % 60).isZero();

            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> lab.bmcs().getFirst().boots() >= 2);
            JsonNode now = http.get("/api/v1/wake-campaigns/" + id, admin).json();
            assertThat(Instant.parse(now.path("lastStart").asText())).isAfterOrEqualTo(first);
            JsonNode last = http.get("/api/v1/wake-campaigns/" + id + "/report?window=last", admin).json();
            assertThat(last.path("counts").path("woken").asInt()).as(last.toString()).isEqualTo(1);
            assertThat(last.path("rows").get(0).path("detail").asText()).isNotBlank();
            assertThat(http.send("POST", "/api/v1/wake-campaigns/" + id + "/cancel", null, null, admin).status())
                    .isEqualTo(202);
            assertThat(http.get("/api/v1/wake-campaigns/" + id, admin).json().path("state").asText())
                    .isEqualTo("cancelled");
        }
    }
}
