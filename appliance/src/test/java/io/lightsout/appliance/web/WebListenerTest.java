package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP redirect listener, static portal serving, security headers, health, metrics and error shapes. */
class WebListenerTest {
    private static TestAppliance appliance;
    private static Http http;

    @BeforeAll
    static void start() {
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
        http = appliance.http();
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Test
    void plainHttpOnlyRedirectsToHttps() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (String method : new String[] {"GET", "POST"}) {
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + appliance.appliance().httpPort() + "/api/v1/system?x=1"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(308);
            assertThat(r.headers().firstValue("location")).hasValue("https://127.0.0.1:"
                    + appliance.appliance().httpsPort() + "/api/v1/system?x=1");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void staticFilesCarrySecurityAndCacheHeaders() {
        Res r = http.get("/platform-test.txt", Auth.NONE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("platform static file test");
        assertThat(r.header("content-security-policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(r.header("strict-transport-security")).contains("max-age=");
        assertThat(r.header("cache-control")).contains("max-age=300");
        assertThat(http.get("/no-such-file.js", Auth.NONE).status()).isEqualTo(404);
        assertThat(http.get("/../../etc/passwd", Auth.NONE).status()).isIn(400, 404);
        assertThat(http.send("POST", "/platform-test.txt", "x", "text/plain", Auth.NONE).status()).isEqualTo(405);
    }

    @Test
    void healthIsPublicAndMetricsNeedAuthentication() {
        Res health = http.get("/health", Auth.NONE);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/metrics", Auth.NONE).status()).isEqualTo(401);
        Auth ro = http.login("readonly", TestAppliance.READONLY_PW);
        http.get("/api/v1/jobs", ro);
        Res metrics = http.get("/metrics", ro);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("content-type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes{area=\"heap\"}")
                .contains("lightsout_http_requests_total{method=\"GET\",code=\"200\"}")
                .contains("lightsout_http_request_duration_seconds_bucket{le=\"+Inf\"}")
                .contains("lightsout_jobs{state=\"running\"}").contains("lightsout_sessions_active");
    }

    @Test
    void errorsAreProblemJsonWithoutStackTraces() {
        Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
        Res malformed = http.send("POST", "/api/v1/users", "{\"username\": ", "application/json", admin);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("content-type")).startsWith("application/problem+json");
        Res unknownField = http.json("POST", "/api/v1/tokens", Map.of("name", "x", "role", "admin", "extra", 1), admin);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("errors").get(0).path("field").asText()).isEqualTo("extra");
        Res notFound = http.get("/api/v1/nothing-here", admin);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().path("status").asInt()).isEqualTo(404);
        Res badType = http.send("POST", "/api/v1/tokens", "name=x", "application/x-www-form-urlencoded", admin);
        assertThat(badType.status()).isEqualTo(415);
        Res badId = http.get("/api/v1/jobs/not-a-number", admin);
        assertThat(badId.status()).isEqualTo(404);
        for (Res r : new Res[] {malformed, unknownField, notFound, badType, badId}) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        }
    }

    @Test
    void selfTestJobRunsToSuccessAndIsListed() throws Exception {
        Auth op = new Auth(null, null, appliance.appliance().tokens().create("t", "ops", "operator", null).token());
        long id = http.send("POST", "/api/v1/support/self-test", null, null, op).json().path("id").asLong();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/jobs/" + id, op).json().path("state").asText().equals("succeeded"));
        Res job = http.get("/api/v1/jobs/" + id, op);
        assertThat(job.json().path("progress").path("percent").asInt()).isEqualTo(100);
        assertThat(job.json().path("targets").findValuesAsText("target"))
                .containsExactly("database", "disk-space", "tls-certificate", "vault");
        assertThat(http.get("/api/v1/jobs?state=succeeded", op).json().path("items").findValuesAsText("type"))
                .contains("self-test");
        assertThat(http.get("/api/v1/jobs?state=bogus", op).status()).isEqualTo(400);
        io.lightsout.appliance.store.StoreMigrationTest.assertDailySelfTestScheduled(appliance.appliance().database());
        assertThat(http.send("POST", "/api/v1/jobs/" + id + "/cancel", null, null, op).status()).isEqualTo(409);
    }
}
