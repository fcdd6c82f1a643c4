package io.lightsout.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad query parameters and bodies get a 400 problem that names what is wrong in the caller's terms. */
class ApiInputTest {
    private static TestAppliance app;
    private static Http http;
    private static Auth admin;

    @BeforeAll
    static void start() {
        app = TestAppliance.started(Clock.systemUTC(), Map.of());
        http = app.http();
        admin = http.login("admin", TestAppliance.ADMIN_PW);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void assertBadRequestNaming(Res r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.json().path("detail").asText()).contains("'" + field + "'");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void anUnknownQueryParameterIsRefusedByName() {
        Res audit = http.get("/api/v1/audit?usr=bob&page=0", admin);
        assertBadRequestNaming(audit, "usr");
        assertThat(audit.json().path("errors").get(0).path("message").asText()).contains("user", "action", "size");
        assertBadRequestNaming(http.get("/api/v1/jobs?stat=failed", admin), "stat");
        assertBadRequestNaming(http.get("/api/v1/nodes?site=a&sitee=b", admin), "sitee");
        assertBadRequestNaming(http.get("/api/v1/system?verbose=1", admin), "verbose");
        assertThat(http.get("/api/v1/audit?user=bob&page=0&size=5", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/nodes?site=a&sort=name&order=desc", admin).status()).isEqualTo(200);
    }

    @Test
    void anUnknownParameterDoesNotComeBeforeAuthentication() {
        assertThat(http.get("/api/v1/audit?usr=bob", Auth.NONE).status()).isEqualTo(401);
    }

    @Test
    void aQueryParameterOfTheWrongFormIsA400NotA404() {
        assertBadRequestNaming(http.get("/api/v1/audit?page=abc", admin), "page");
        assertBadRequestNaming(http.get("/api/v1/jobs?size=1e9", admin), "size");
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheFieldNotJavaTypes() {
        Res r = http.json("POST", "/api/v1/nodes", "{\"name\": {\"x\": 1}, \"type\": \"WOL\"}", admin);
        assertBadRequestNaming(r, "name");
        assertThat(r.body()).doesNotContain("io.lightsout", "java.", "`");
        Res broken = http.json("POST", "/api/v1/nodes", "{\"name\": \"a\",\n \"type\": }", admin);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("detail").asText()).contains("not valid JSON", "line 2");
        assertThat(broken.body()).doesNotContain("io.lightsout", "java.");
    }
}
