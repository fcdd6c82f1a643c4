package io.lightsout.appliance.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Discovery over a /29 of loopback addresses with three lab iDRACs on one port, one of which the profile opens. */
class DiscoveryTest {

    @Test
    void findsTheBmcsOfARangeAndAddsThoseTheProfileOpens() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String prefix = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".";
        int port = r.nextInt(20_000, 30_000);
        try (Lab lab = Lab.builder().idrac(3).base(prefix + "1").idracPort(port).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            Http http = t.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            SimulatedBmc first = lab.bmcs().getFirst();
            assertThat(http.json("POST", "/api/v1/credential-profiles", Map.of("name", "racks", "type", "device",
                    "username", first.username(), "password", first.password()), admin).status()).isEqualTo(201);
            Res submitted = http.json("POST", "/api/v1/discoveries", Map.of("cidr", prefix + "0/29", "port", port,
                    "credentialProfile", "racks", "site", "lab"), admin);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
            assertThat(submitted.json().path("targets").asInt()).isEqualTo(6);
            long job = submitted.json().path("jobId").asLong();
            await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("queued", "running")
                    .contains(http.get("/api/v1/jobs/" + job, admin).json().path("state").asText()));
            JsonNode j = http.get("/api/v1/jobs/" + job, admin).json();
            Map<String, String> byAddress = new HashMap<>();
            j.path("targets").forEach(tg -> byAddress.put(tg.path("target").asText(), tg.path("status").asText()));
            assertThat(byAddress.get(prefix + "1")).as(j.toString()).startsWith("added IDRAC");
            assertThat(byAddress.get(prefix + "2")).isEqualTo("auth-failed");
            assertThat(byAddress.get(prefix + "3")).isEqualTo("auth-failed");
            assertThat(byAddress.get(prefix + "5")).isEqualTo("no-answer");
            assertThat(j.path("state").asText()).isEqualTo("partially_failed");
            JsonNode nodes = http.get("/api/v1/nodes?tag=discovered", admin).json();
            assertThat(nodes.path("total").asInt()).isEqualTo(1);
            JsonNode node = nodes.path("items").get(0);
            assertThat(node.path("address").asText()).isEqualTo(first.address());
            assertThat(node.path("site").asText()).isEqualTo("lab");
            assertThat(node.path("certificateSha256").asText()).isEqualTo(first.certificateSha256());
            assertThat(http.json("POST", "/api/v1/discoveries", Map.of("cidr", "10.0.0.0/8"), admin).status())
                    .isEqualTo(400);
        }
    }
}
