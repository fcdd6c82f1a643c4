package io.lightsout.appliance.shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The appliance with its NFS share on, read by Debian's libnfs-utils. The share binds a random 127.66.x.y address
 * so its portmapper can take port 111 there (libnfs looks for mountd only through 111; needs root, as bin/test).
 */
class ShareApplianceTest {
    private static String address;
    private static TestAppliance appliance;
    private static Http http;
    private static Auth admin;

    @BeforeAll
    static void start() {
        address = NfsCat.randomAddress(66);
        appliance = TestAppliance.started(Clock.systemUTC(), NfsCat.shareOn(address));
        http = appliance.http();
        admin = http.login("admin", TestAppliance.ADMIN_PW);
    }

    @AfterAll
    static void stop() {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    void firstBootHasFirmwareAndIsoExportsThatNobodyCanMountYet() throws Exception {
        assertThat(appliance.data().resolve("repository/firmware")).isDirectory();
        assertThat(appliance.data().resolve("repository/iso")).isDirectory();
        Res list = http.get("/api/v1/shares", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("path")).contains("/firmware", "/iso");
        assertThat(list.json().get(0).path("offered").asBoolean()).isFalse();
        Files.writeString(appliance.data().resolve("repository/iso/readme.txt"), "hello");
        NfsCat.Result ls = NfsCat.read(address, "/iso/readme.txt");
        assertThat(ls.exit()).isNotZero();
        assertThat(ls.text()).doesNotContain("hello");
    }

    @Test
    void anExportCreatedThroughTheApiIsReadByteForByteAuditedAndCounted() throws Exception {
        Path dir = appliance.data().resolve("repository/firmware/dell");
        Files.createDirectories(dir);
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(5).nextBytes(content);
        Files.write(dir.resolve("bios.exe"), content);

        Res created = http.json("POST", "/api/v1/shares", Map.of("name", "dell", "directory", "firmware/dell",
                "clients", List.of("127.0.0.0/8")), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("path").asText()).isEqualTo("/dell");

        NfsCat.Result cat = NfsCat.read(address, "/dell/bios.exe");
        assertThat(cat.exit()).as(cat.err()).isZero();
        assertThat(cat.out()).isEqualTo(content);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = http.get("/api/v1/audit?action=nfs.mount", admin).json().path("items");
            assertThat(items).anySatisfy(e -> {
                assertThat(e.path("target").asText()).isEqualTo("/dell");
                assertThat(e.path("outcome").asText()).isEqualTo("success");
                assertThat(e.path("sourceAddress").asText()).startsWith("127.");
            });
        });
        Res metrics = http.get("/metrics", admin);
        Matcher m = Pattern.compile("(?m)^lightsout_nfs_read_bytes_total (\\d+)$").matcher(metrics.body());
        assertThat(m.find()).as(metrics.body()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(content.length);
        assertThat(metrics.body()).contains("lightsout_nfs_operations_per_second ", "lightsout_nfs_active_clients ");

        JsonNode activity = http.get("/api/v1/share-activity", admin).json();
        assertThat(activity.path("running").asBoolean()).isTrue();
        assertThat(activity.path("portmapPort").asInt()).isEqualTo(111);
        assertThat(activity.path("recentMounts")).anySatisfy(e -> {
            assertThat(e.path("path").asText()).isEqualTo("/dell");
            assertThat(e.path("granted").asBoolean()).isTrue();
        });

        // the client list changes at run time: the same client is now outside it
        Res narrowed = http.json("PUT", "/api/v1/shares/dell", Map.of("clients", List.of("10.99.0.0/16")), admin);
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        NfsCat.Result refused = NfsCat.read(address, "/dell/bios.exe");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/audit?action=nfs.mount", admin).json().path("items")).anySatisfy(e -> {
                    assertThat(e.path("target").asText()).isEqualTo("/dell");
                    assertThat(e.path("outcome").asText()).isEqualTo("failure");
                }));

        assertThat(http.json("DELETE", "/api/v1/shares/dell", null, admin).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/shares/dell", admin).status()).isEqualTo(404);
        assertThat(dir.resolve("bios.exe")).as("deleting an export keeps its files").exists();
    }

    @Test
    void badInputGetsPreciseProblems() {
        Res bad = http.json("POST", "/api/v1/shares", Map.of("name", "../etc", "directory", "/etc",
                "clients", List.of("10.0.0.0/33", "no such host.invalid", "10.1.0.0/16")), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("content-type")).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "directory", "clients[0]", "clients[1]");
        assertThat(http.json("POST", "/api/v1/shares", Map.of("name", "up", "directory", "iso/../..",
                "clients", List.of("*")), admin).json().path("errors").findValuesAsText("field"))
                .containsExactly("directory");
        assertThat(http.json("POST", "/api/v1/shares", Map.of("name", "iso", "clients", List.of("*")), admin)
                .status()).isEqualTo(409);
        assertThat(http.json("PUT", "/api/v1/shares/iso", Map.of("name", "other"), admin).status()).isEqualTo(400);
        assertThat(http.json("PUT", "/api/v1/shares/missing", Map.of("clients", List.of("*")), admin).status())
                .isEqualTo(404);
        assertThat(appliance.data().resolve("repository/up")).doesNotExist();
    }
}
