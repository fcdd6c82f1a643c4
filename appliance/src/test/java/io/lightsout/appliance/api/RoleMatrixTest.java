package io.lightsout.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the OpenAPI document with each role and without credentials, and checks the answer
 * against the expected matrix below. An operation missing from the matrix fails the test: add a line for it.
 */
class RoleMatrixTest {
    private static final String A = "admin";
    private static final String O = "operator";
    private static final String R = "readonly";
    private static final String PUBLIC = "public";

    /** "METHOD path" → the roles allowed ("public" = no authentication needed). */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        allow("GET /api/v1/setup", PUBLIC);
        allow("POST /api/v1/setup", PUBLIC);
        allow("POST /api/v1/sessions", PUBLIC);
        allow("GET /api/v1/sessions/current", A, O, R);
        allow("DELETE /api/v1/sessions/current", A, O, R);
        allow("GET /api/v1/system", A, O, R);
        allow("GET /api/v1/users", A);
        allow("POST /api/v1/users", A);
        allow("PUT /api/v1/users/{username}/password", A, O, R);
        allow("DELETE /api/v1/users/{username}", A);
        allow("GET /api/v1/credential-profiles", A);
        allow("POST /api/v1/credential-profiles", A);
        allow("GET /api/v1/credential-profiles/{id}", A);
        allow("PUT /api/v1/credential-profiles/{id}", A);
        allow("DELETE /api/v1/credential-profiles/{id}", A);
        allow("GET /api/v1/tls/certificate", A);
        allow("PUT /api/v1/tls/certificate", A);
        allow("GET /api/v1/tls/csr", A);
        allow("POST /api/v1/tls/csr", A);
        allow("GET /api/v1/audit", A, O, R);
        allow("GET /api/v1/jobs", A, O, R);
        allow("GET /api/v1/jobs/{id}", A, O, R);
        allow("POST /api/v1/jobs/{id}/cancel", A, O);
        allow("GET /api/v1/nodes", A, O, R);
        allow("POST /api/v1/nodes", A);
        allow("GET /api/v1/nodes/{id}", A, O, R);
        allow("PUT /api/v1/nodes/{id}", A);
        allow("DELETE /api/v1/nodes/{id}", A);
        allow("POST /api/v1/nodes/import", A);
        allow("GET /api/v1/nodes/export", A, O, R);
        allow("POST /api/v1/nodes/{id}/retrust", A);
        allow("GET /api/v1/nodes/{id}/power", A, O, R);
        allow("POST /api/v1/nodes/{id}/power", A, O);
        allow("GET /api/v1/groups", A, O, R);
        allow("POST /api/v1/groups", A, O);
        allow("GET /api/v1/groups/{id}", A, O, R);
        allow("DELETE /api/v1/groups/{id}", A, O);
        allow("GET /api/v1/groups/{id}/nodes", A, O, R);
        allow("POST /api/v1/groups/{id}/members", A, O);
        allow("POST /api/v1/groups/{id}/members/remove", A, O);
        allow("POST /api/v1/power-actions", A, O);
        allow("GET /api/v1/inventory/{id}", A, O, R);
        allow("POST /api/v1/discoveries", A);
        allow("POST /api/v1/inventory", A, O);
        allow("GET /api/v1/wake-campaigns", A, O, R);
        allow("POST /api/v1/wake-campaigns", A, O);
        allow("GET /api/v1/wake-campaigns/{id}", A, O, R);
        allow("GET /api/v1/wake-campaigns/{id}/report", A, O, R);
        allow("GET /api/v1/wake-campaigns/{id}/report.csv", A, O, R);
        allow("GET /api/v1/wake-campaigns/{id}/timeline.csv", A, O, R);
        allow("POST /api/v1/wake-campaigns/{id}/cancel", A, O);
        allow("GET /api/v1/tokens", A);
        allow("POST /api/v1/tokens", A);
        allow("DELETE /api/v1/tokens/{id}", A);
        allow("GET /api/v1/support/bundle", A);
        allow("POST /api/v1/support/self-test", A, O);
        allow("GET /api/v1/shares", A);
        allow("POST /api/v1/shares", A);
        allow("GET /api/v1/shares/{name}", A);
        allow("PUT /api/v1/shares/{name}", A);
        allow("DELETE /api/v1/shares/{name}", A);
        allow("GET /api/v1/share-activity", A);
        allow("GET /api/v1/openapi.json", PUBLIC);
        allow("GET /health", PUBLIC);
        allow("GET /metrics", A, O, R);
    }

    private static void allow(String op, String... roles) {
        MATRIX.put(op, Set.of(roles));
    }

    private static TestAppliance appliance;
    private static Http http;
    private static Map<String, Auth> tokens;
    private static Auth adminSession;

    @BeforeAll
    static void start() {
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
        http = appliance.http();
        adminSession = http.login("admin", TestAppliance.ADMIN_PW);
        assertThat(http.json("POST", "/api/v1/users", Map.of("username", "helpdesk", "password", "Help-desk-pass1",
                "role", "operator"), adminSession).status()).isEqualTo(201);
        tokens = new LinkedHashMap<>();
        for (String role : List.of(A, O, R)) {
            tokens.put(role, Auth.bearer(appliance.appliance().tokens().create("test", "matrix-" + role, role, null)
                    .token()));
        }
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    private record Op(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }
    }

    private static List<Op> operations() {
        JsonNode doc = http.get("/api/v1/openapi.json", Auth.NONE).json();
        List<Op> ops = new ArrayList<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m ->
                ops.add(new Op(m.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), m.getValue()))));
        return ops;
    }

    @Test
    void everyDocumentedOperationIsInTheMatrixAndTheDocumentAgrees() {
        List<Op> ops = operations();
        Set<String> documented = new TreeSet<>();
        for (Op op : ops) {
            documented.add(op.key());
            assertThat(MATRIX).as("operation %s is missing from RoleMatrixTest.MATRIX", op.key())
                    .containsKey(op.key());
            List<String> xroles = new ArrayList<>();
            op.spec().path("x-roles").forEach(n -> xroles.add(n.asText()));
            assertThat(xroles).as("x-roles of %s", op.key()).containsExactlyInAnyOrderElementsOf(MATRIX.get(op.key()));
        }
        assertThat(documented).as("matrix lines without a documented operation").containsAll(MATRIX.keySet());
    }

    @Test
    void eachRoleIsAllowedOrDeniedAsTheMatrixSays() {
        for (Op op : operations()) {
            Set<String> allowed = MATRIX.get(op.key());
            if (allowed == null || allowed.contains(PUBLIC)) {
                continue;
            }
            Res anonymous = call(op, Auth.NONE);
            assertThat(anonymous.status()).as("%s without credentials", op.key()).isEqualTo(401);
            for (var e : tokens.entrySet()) {
                Res r = call(op, e.getValue());
                if (allowed.contains(e.getKey())) {
                    assertThat(r.status()).as("%s as %s: %s", op.key(), e.getKey(), r.body())
                            .isNotIn(401, 403, 405, 415, 500);
                    assertThat(r.body()).as("%s is routed", op.key()).doesNotContain("No such resource");
                } else {
                    assertThat(r.status()).as("%s as %s", op.key(), e.getKey()).isEqualTo(403);
                    assertThat(r.header("content-type")).startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    void everyMutatingOperationNeedsTheCsrfTokenWithASessionCookie() {
        for (Op op : operations()) {
            Set<String> allowed = MATRIX.get(op.key());
            if (op.method().equals("GET") || allowed == null || allowed.contains(PUBLIC)) {
                continue;
            }
            Res r = call(op, adminSession.withoutCsrf());
            assertThat(r.status()).as("%s with a session cookie but no CSRF token", op.key()).isEqualTo(403);
            assertThat(r.json().path("detail").asText()).contains("X-CSRF-Token");
        }
    }

    @Test
    void publicOperationsAnswerWithoutCredentials() {
        for (Op op : operations()) {
            if (MATRIX.getOrDefault(op.key(), Set.of()).contains(PUBLIC)) {
                // login with an empty body is a 401 for the credentials, not for missing authentication
                assertThat(call(op, Auth.NONE).status()).as(op.key()).isNotIn(403, 404, 405, 500);
            }
        }
    }

    /** Calls an operation with harmless arguments: unknown ids, an empty JSON body. */
    private static Res call(Op op, Auth auth) {
        String path = op.path().replace("{username}", "no-such-user").replace("{id}", "999999")
                .replace("{name}", "no-such-export");
        JsonNode body = op.spec().path("requestBody").path("content");
        if (body.isMissingNode()) {
            return http.send(op.method(), path, null, null, auth);
        }
        String type = body.properties().iterator().next().getKey();
        return http.send(op.method(), path, type.contains("json") ? "{}" : "not a certificate", type, auth);
    }
}
