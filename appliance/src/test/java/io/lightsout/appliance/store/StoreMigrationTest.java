package io.lightsout.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.audit.AuditQuery;
import io.lightsout.appliance.credentials.CredentialProfiles;
import io.lightsout.appliance.security.vault.RekeyObserver;
import io.lightsout.appliance.security.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same Flyway migrations and repositories on H2 (file) and on a real PostgreSQL started by the test. */
public class StoreMigrationTest {
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void h2() throws Exception {
        Path dir = Files.createTempDirectory("store-h2-");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "lightsout", "", 3)) {
            exercise(db, dir);
        } finally {
            TestAppliance.deleteTree(dir);
        }
    }

    @Test
    void postgresql() throws Exception {
        Path dir = Files.createTempDirectory("store-pg-");
        try (Database db = Database.open(postgres.url("lightsout"), "postgres", "", 3)) {
            assertThat(db.isH2()).isFalse();
            exercise(db, dir);
        } finally {
            TestAppliance.deleteTree(dir);
        }
    }

    @Test
    void theWholeApplianceRunsOnPostgresql() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE appliance_" + ProcessHandle.current().pid());
        }
        try (TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("database.url",
                postgres.url("appliance_" + ProcessHandle.current().pid()), "database.user", "postgres"))) {
            Http http = t.http();
            Http.Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            assertThat(http.json("POST", "/api/v1/credential-profiles", Map.of("name", "pg", "type", "windows",
                    "username", "svc", "password", "Share-pass-1", "domain", "EXAMPLE"), admin).status())
                    .isEqualTo(201);
            assertThat(http.get("/api/v1/audit?action=login", admin).json().path("total").asLong()).isEqualTo(1);
            assertDailySelfTestScheduled(t.appliance().database());
        }
    }

    /** db-scheduler created its recurring task row, due at the next 03:00 UTC. */
    public static void assertDailySelfTestScheduled(Database db) {
        java.time.Instant due = db.jdbc().queryOne("SELECT execution_time FROM scheduled_tasks WHERE task_name = ?",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), "daily-self-test").orElseThrow();
        assertThat(due.atZone(java.time.ZoneOffset.UTC).toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 0));
        assertThat(due).isBetween(java.time.Instant.now(), java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
    }

    private static void exercise(Database db, Path dir) {
        Jdbc jdbc = db.jdbc();
        assertThat(jdbc.query("SELECT username FROM users ORDER BY username", rs -> rs.getString(1)))
                .containsExactly("admin", "readonly");
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(jdbc, clock);
        audit.success("admin", "login", "admin", null, "127.0.0.1");
        audit.failure("bob", "login", "bob", "unknown user", "127.0.0.2");
        AuditLog.Page page = audit.find(new AuditQuery(null, "log*", null, null, "UNKNOWN", 0, 10));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().getFirst().user()).isEqualTo("bob");

        Vault vault = Vault.open(dir.resolve("keys.p12"), db, clock, RekeyObserver.NONE);
        CredentialProfiles profiles = new CredentialProfiles(jdbc, vault, audit, clock);
        String id = profiles.create(new CredentialProfiles.Input("idrac", "device", "root", "calvin-1234", null,
                null), "admin", null).id();
        vault.rekey(tx -> { });
        assertThat(new String(profiles.password(id).orElseThrow())).isEqualTo("calvin-1234");
        assertThatThrownBy(() -> profiles.create(new CredentialProfiles.Input("idrac", "device", "x", "y", null,
                null), "admin", null)).hasMessageContaining("exists already");

        long job = jdbc.insert("INSERT INTO jobs (type, state, created_by, created_at) VALUES ('t', 'queued', 'a', 1)");
        long job2 = jdbc.insert("INSERT INTO jobs (type, state, created_by, created_at) VALUES ('t', 'queued', 'a', 2)");
        assertThat(job2).isGreaterThan(job);
        jdbc.update("INSERT INTO job_targets (job_id, target, state, updated_at) VALUES (?, 'n1', 'queued', 1)", job);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO job_targets (job_id, target, state, updated_at) "
                + "VALUES (?, 'n1', 'queued', 1)", job)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.isDuplicate()).isTrue());
    }
}
