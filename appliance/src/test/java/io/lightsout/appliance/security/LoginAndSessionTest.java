package io.lightsout.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.power.ManualClock;
import io.lightsout.appliance.TestAppliance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First-boot setup, login, lockout, sessions and CSRF over real HTTPS on loopback. */
class LoginAndSessionTest {

    @Test
    void firstBootRequiresSetupThenAcceptsPasswordsOnce() {
        try (TestAppliance t = TestAppliance.start()) {
            Http http = t.http();
            assertThat(http.get("/api/v1/setup", Auth.NONE).json().path("required").asBoolean()).isTrue();
            Res before = http.json("POST", "/api/v1/sessions", Map.of("username", "admin", "password", "whatever-123"),
                    Auth.NONE);
            assertThat(before.status()).isEqualTo(409);

            Res weak = http.json("POST", "/api/v1/setup", Map.of("adminPassword", "short",
                    "readonlyPassword", "readonly"), Auth.NONE);
            assertThat(weak.status()).isEqualTo(400);
            assertThat(weak.header("content-type")).startsWith("application/problem+json");
            assertThat(weak.json().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("adminPassword", "readonlyPassword");
            assertThat(weak.body()).contains("at least 10 characters");

            Res common = http.json("POST", "/api/v1/setup", Map.of("adminPassword", "password123",
                    "readonlyPassword", "Readonly-pass-1"), Auth.NONE);
            assertThat(common.json().path("errors").get(0).path("message").asText()).contains("too common");
            Res sameAsUser = http.json("POST", "/api/v1/setup", Map.of("adminPassword", "Good-admin-pw1",
                    "readonlyPassword", "ReadOnly"), Auth.NONE);
            assertThat(sameAsUser.status()).isEqualTo(400);

            Res ok = http.json("POST", "/api/v1/setup", Map.of("adminPassword", TestAppliance.ADMIN_PW,
                    "readonlyPassword", TestAppliance.READONLY_PW), Auth.NONE);
            assertThat(ok.status()).isEqualTo(204);
            assertThat(http.json("POST", "/api/v1/setup", Map.of("adminPassword", "Another-admin-1",
                    "readonlyPassword", "Another-ro-pw-1"), Auth.NONE).status()).isEqualTo(409);
            assertThat(http.get("/api/v1/setup", Auth.NONE).json().path("required").asBoolean()).isFalse();

            Auth ro = http.login("readonly", TestAppliance.READONLY_PW);
            Res me = http.get("/api/v1/sessions/current", ro);
            assertThat(me.json().path("role").asText()).isEqualTo("readonly");
            assertThat(me.json().path("idleTimeoutSeconds").asLong()).isEqualTo(900);
        }
    }

    @Test
    void wrongUserAndWrongPasswordAnswerTheSameAndThreeFailuresLockForAMinute() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (TestAppliance t = TestAppliance.started(clock, Map.of())) {
            Http http = t.http();
            Res unknown = login(http, "nobody", "Whatever-pass-1");
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.json().path("detail").asText()).isEqualTo("User Name or Password is incorrect");
            for (int i = 0; i < 3; i++) {
                Res wrong = login(http, "admin", "Wrong-pass-" + i);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.json().path("detail").asText()).isEqualTo("User Name or Password is incorrect");
            }
            Res locked = login(http, "admin", TestAppliance.ADMIN_PW);
            assertThat(locked.status()).isEqualTo(423);
            assertThat(locked.json().path("detail").asText()).contains("locked").contains("60 seconds");
            // the other account is not affected
            assertThat(login(http, "readonly", TestAppliance.READONLY_PW).status()).isEqualTo(201);

            clock.advance(Duration.ofSeconds(59));
            assertThat(login(http, "admin", TestAppliance.ADMIN_PW).status()).isEqualTo(423);
            clock.advance(Duration.ofSeconds(2));
            assertThat(login(http, "admin", TestAppliance.ADMIN_PW).status()).isEqualTo(201);

            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Res audit = http.get("/api/v1/audit?user=admin&size=100", admin);
            assertThat(audit.json().path("items").findValuesAsText("action")).contains("account.locked", "login");
            assertThat(http.get("/api/v1/audit?action=account.locked", admin).json().path("total").asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void anUnknownUserNameLocksLikeARealOneSoTheAnswersDoNotRevealWhichExist() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (TestAppliance t = TestAppliance.started(clock, Map.of())) {
            Http http = t.http();
            for (String user : new String[] {"admin", "ghost"}) {
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    statuses.add(login(http, user, "Wrong-pass-" + i).status());
                }
                assertThat(statuses).as(user).containsExactly(401, 401, 401, 423);
            }
            clock.advance(Duration.ofSeconds(61));
            assertThat(login(http, "ghost", "Wrong-pass-9").status()).isEqualTo(401);
            assertThat(login(http, "admin", TestAppliance.ADMIN_PW).status()).isEqualTo(201);
        }
    }

    @Test
    void parallelGuessesCannotOutrunTheLockout() throws Exception {
        try (TestAppliance t = TestAppliance.started(java.time.Clock.systemUTC(), Map.of())) {
            Http http = t.http();
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(10)) {
                for (int i = 0; i < 10; i++) {
                    String guess = "Guess-number-" + i;
                    answers.add(pool.submit(() -> login(http, "admin", guess).status()));
                }
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 423).hasSize(7);
        }
    }

    @Test
    void sessionCookieCsrfLogoutAndIdleTimeout() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (TestAppliance t = TestAppliance.started(clock, Map.of())) {
            Http http = t.http();
            Res r = login(http, "admin", TestAppliance.ADMIN_PW);
            assertThat(r.status()).isEqualTo(201);
            String cookie = r.header("set-cookie");
            assertThat(cookie).startsWith("LIGHTSOUT_SESSION=").contains("Secure").contains("HttpOnly")
                    .contains("SameSite=Strict").contains("Path=/");
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Auth other = http.login("admin", TestAppliance.ADMIN_PW);
            assertThat(admin.cookie()).isNotEqualTo(other.cookie());

            Map<String, String> op = Map.of("username", "helpdesk1", "password", "Help-desk-pass1", "role", "operator");
            Res noCsrf = http.json("POST", "/api/v1/users", op, admin.withoutCsrf());
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(noCsrf.json().path("detail").asText()).contains("X-CSRF-Token");
            Res wrongCsrf = http.json("POST", "/api/v1/users", op, new Auth(admin.cookie(), other.csrf(), null));
            assertThat(wrongCsrf.status()).isEqualTo(403);
            assertThat(http.json("POST", "/api/v1/users", op, admin).status()).isEqualTo(201);

            assertThat(http.send("DELETE", "/api/v1/sessions/current", null, null, admin).status()).isEqualTo(204);
            assertThat(http.get("/api/v1/system", admin).status()).isEqualTo(401);
            assertThat(http.get("/api/v1/system", other).status()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(14));
            assertThat(http.get("/api/v1/system", other).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(15));
            Res idle = http.get("/api/v1/system", other);
            assertThat(idle.status()).isEqualTo(401);
            assertThat(idle.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theSessionAfterTheCapIsRefusedUntilOneEnds() {
        try (TestAppliance t = TestAppliance.started(java.time.Clock.systemUTC(), Map.of("session.max", "3"))) {
            Http http = t.http();
            Auth first = http.login("readonly", TestAppliance.READONLY_PW);
            http.login("readonly", TestAppliance.READONLY_PW);
            http.login("admin", TestAppliance.ADMIN_PW);
            Res fourth = login(http, "admin", TestAppliance.ADMIN_PW);
            assertThat(fourth.status()).isEqualTo(503);
            assertThat(fourth.json().path("detail").asText()).isEqualTo("Too many sessions (3); try again later");
            http.send("DELETE", "/api/v1/sessions/current", null, null, first);
            assertThat(login(http, "admin", TestAppliance.ADMIN_PW).status()).isEqualTo(201);
        }
    }

    @Test
    void defaultSessionCapIs200() {
        try (TestAppliance t = TestAppliance.started(java.time.Clock.systemUTC(), Map.of())) {
            SessionStore sessions = t.appliance().sessions();
            for (int i = 0; i < 200; i++) {
                sessions.open("readonly", Role.READONLY);
            }
            Res r = login(t.http(), "admin", TestAppliance.ADMIN_PW);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().path("detail").asText()).isEqualTo("Too many sessions (200); try again later");
        }
    }

    @Test
    void apiTokensWorkWithoutCsrfAndStopWorkingWhenRevoked() {
        try (TestAppliance t = TestAppliance.started(java.time.Clock.systemUTC(), Map.of())) {
            Http http = t.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Res created = http.json("POST", "/api/v1/tokens", Map.of("name", "ci", "role", "operator"), admin);
            assertThat(created.status()).isEqualTo(201);
            String token = created.json().path("token").asText();
            Auth bearer = Auth.bearer(token);
            assertThat(http.get("/api/v1/jobs", bearer).status()).isEqualTo(200);
            assertThat(http.send("POST", "/api/v1/support/self-test", null, null, bearer).status()).isEqualTo(202);
            assertThat(http.get("/api/v1/users", bearer).status()).isEqualTo(403);
            Res list = http.get("/api/v1/tokens", admin);
            assertThat(list.body()).doesNotContain(token);
            assertThat(list.json().get(0).path("lastUsedAt").isNull()).isFalse();
            assertThat(http.send("DELETE", "/api/v1/tokens/" + created.json().path("id").asText(), null, null, admin)
                    .status()).isEqualTo(204);
            assertThat(http.get("/api/v1/jobs", bearer).status()).isEqualTo(401);
            assertThat(http.get("/api/v1/jobs", Auth.bearer("lo_forged")).status()).isEqualTo(401);
        }
    }

    @Test
    void adminPasswordChangeReKeysTheVaultAndEndsTheOtherSessions() {
        try (TestAppliance t = TestAppliance.started(java.time.Clock.systemUTC(), Map.of())) {
            Http http = t.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Auth elsewhere = http.login("admin", TestAppliance.ADMIN_PW);
            String id = http.json("POST", "/api/v1/credential-profiles", Map.of("name", "idrac", "type", "device",
                    "username", "root", "password", "Calvin-secret-9"), admin).json().path("id").asText();
            Res wrongCurrent = http.json("PUT", "/api/v1/users/admin/password", Map.of("currentPassword", "nope",
                    "newPassword", "Brand-new-admin-1"), admin);
            assertThat(wrongCurrent.status()).isEqualTo(400);
            assertThat(wrongCurrent.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
            assertThat(http.json("PUT", "/api/v1/users/admin/password", Map.of("currentPassword",
                    TestAppliance.ADMIN_PW, "newPassword", "Brand-new-admin-1"), admin).status()).isEqualTo(204);
            assertThat(t.appliance().vault().keyVersion()).isEqualTo(2);
            assertThat(new String(t.appliance().credentials().password(id).orElseThrow())).isEqualTo("Calvin-secret-9");
            assertThat(http.get("/api/v1/system", admin).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/system", elsewhere).status()).isEqualTo(401);
            assertThat(login(http, "admin", TestAppliance.ADMIN_PW).status()).isEqualTo(401);
            http.login("admin", "Brand-new-admin-1");

            // operators: created by the admin, change their own password only, deleted by the admin
            assertThat(http.json("POST", "/api/v1/users", Map.of("username", "desk", "password", "Desk-pass-12345",
                    "role", "admin"), admin).status()).isEqualTo(400);
            assertThat(http.json("POST", "/api/v1/users", Map.of("username", "desk", "password", "Desk-pass-12345",
                    "role", "operator"), admin).status()).isEqualTo(201);
            assertThat(http.json("POST", "/api/v1/users", Map.of("username", "desk", "password", "Desk-pass-12345",
                    "role", "operator"), admin).status()).isEqualTo(409);
            Auth desk = http.login("desk", "Desk-pass-12345");
            assertThat(http.json("PUT", "/api/v1/users/readonly/password", Map.of("currentPassword", "x",
                    "newPassword", "Other-pass-12345"), desk).status()).isEqualTo(403);
            assertThat(http.json("PUT", "/api/v1/users/desk/password", Map.of("currentPassword", "Desk-pass-12345",
                    "newPassword", "Desk-pass-67890"), desk).status()).isEqualTo(204);
            assertThat(t.appliance().vault().keyVersion()).as("only the admin's change re-keys").isEqualTo(2);
            assertThat(http.send("DELETE", "/api/v1/users/readonly", null, null, admin).status()).isEqualTo(409);
            assertThat(http.send("DELETE", "/api/v1/users/desk", null, null, admin).status()).isEqualTo(204);
            assertThat(http.get("/api/v1/jobs", desk).status()).isEqualTo(401);
            assertThat(http.get("/api/v1/users", admin).json().findValuesAsText("username"))
                    .containsExactly("admin", "readonly");
        }
    }

    private static Res login(Http http, String user, String password) {
        return http.json("POST", "/api/v1/sessions", Map.of("username", user, "password", password), Auth.NONE);
    }
}
