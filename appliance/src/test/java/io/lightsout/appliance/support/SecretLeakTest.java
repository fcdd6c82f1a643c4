package io.lightsout.appliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A stored secret must not appear in the database file, the logs, the support bundle or any API answer. */
class SecretLeakTest {
    private static final String SECRET = "Zx9-unique-bmc-secret-4711";
    private static final String DB_PASSWORD_MARKER = "db-url-password-0815";

    @Test
    void onlyTheAppliancesUserMayEnterTheDataDirectory() throws Exception {
        try (TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(t.data())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aStoredSecretAppearsNowhereInClear() throws Exception {
        try (TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of("database.password",
                DB_PASSWORD_MARKER))) {
            Http http = t.http();
            Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
            Res created = http.json("POST", "/api/v1/credential-profiles", Map.of("name", "leak-test-profile",
                    "type", "device", "username", "root", "password", SECRET), admin);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body()).doesNotContain(SECRET).contains("\"passwordSet\":true");
            String id = created.json().path("id").asText();
            assertThat(new String(t.appliance().credentials().password(id).orElseThrow())).isEqualTo(SECRET);
            List<Res> answers = new ArrayList<>(List.of(http.get("/api/v1/credential-profiles", admin),
                    http.get("/api/v1/credential-profiles/" + id, admin), http.get("/api/v1/audit", admin),
                    http.json("PUT", "/api/v1/credential-profiles/" + id, Map.of("name", "leak-test-profile",
                            "username", "root2"), admin)));
            // a bad request that carries the secret must not echo it
            answers.add(http.json("POST", "/api/v1/credential-profiles", Map.of("name", "", "type", "nope",
                    "password", SECRET), admin));
            answers.forEach(r -> assertThat(r.body()).doesNotContain(SECRET));
            assertThat(new String(t.appliance().credentials().password(id).orElseThrow())).isEqualTo(SECRET);

            byte[] bundle = bundle(t, admin);
            Map<String, String> entries = unzip(bundle);
            assertThat(entries).containsKeys("versions.txt", "configuration.properties", "jobs.json", "audit.json",
                    "logs/appliance.log");
            assertThat(entries.get("audit.json")).contains("leak-test-profile");
            assertThat(entries.get("configuration.properties")).contains("database.password=<redacted>");
            entries.forEach((name, text) -> assertThat(text).as(name).doesNotContain(DB_PASSWORD_MARKER));
            entries.forEach((name, text) -> assertThat(text).as(name).doesNotContain(SECRET));

            t.appliance().database().checkpoint();
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(t.data())) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
            Path dbFile = t.data().resolve("db/lightsout.mv.db");
            String dbText = new String(Files.readAllBytes(dbFile), StandardCharsets.ISO_8859_1);
            assertThat(dbText).as("the grep must see clear text in this file").contains("leak-test-profile");
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(SECRET).doesNotContain(DB_PASSWORD_MARKER);
                assertThat(text).as(f.toString()).doesNotContain(new String(SECRET.getBytes(StandardCharsets.UTF_16BE),
                        StandardCharsets.ISO_8859_1));
            }
            assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith("appliance.log"));
        }
    }

    private static byte[] bundle(TestAppliance t, Auth admin) throws Exception {
        HttpClient c = HttpClient.newBuilder().sslContext(io.lightsout.appliance.cli.client.Trust.pinned(
                t.appliance().tls().info().sha256())).build();
        HttpResponse<byte[]> r = c.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                + t.appliance().httpsPort() + "/api/v1/support/bundle")).header("Cookie", admin.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/zip");
        return r.body();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
