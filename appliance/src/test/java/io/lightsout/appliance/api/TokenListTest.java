package io.lightsout.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.TestAppliance;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token list tells a never-used token (null) from a used one (the time of use). */
class TokenListTest {

    @Test
    void aTokenNeverUsedHasNoLastUseAndAUsedOneHasItsTime() {
        try (TestAppliance app = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            Http http = app.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            JsonNode created = http.json("POST", "/api/v1/tokens", Map.of("name", "ci", "role", "readonly"), admin)
                    .json();
            JsonNode fresh = token(http, admin, "ci");
            assertThat(fresh.has("lastUsedAt")).isTrue();
            assertThat(fresh.get("lastUsedAt").isNull()).as(fresh.toString()).isTrue();
            assertThat(http.get("/api/v1/jobs", Auth.bearer(created.path("token").asText())).status())
                    .isEqualTo(200);
            assertThat(token(http, admin, "ci").path("lastUsedAt").asText()).startsWith("20").doesNotStartWith("1970");
        }
    }

    private static JsonNode token(Http http, Auth admin, String name) {
        for (JsonNode t : http.get("/api/v1/tokens", admin).json()) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no token " + name);
    }
}
