package io.lightsout.appliance.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Node CSV import/export, listing, filters and groups over real HTTPS against the in-process appliance. */
class NodeImportTest {
    private static TestAppliance appliance;
    private static Http http;
    private static Auth admin;
    private static Auth readonly;

    @BeforeAll
    static void start() {
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
        http = appliance.http();
        admin = http.login("admin", TestAppliance.ADMIN_PW);
        readonly = Auth.bearer(appliance.appliance().tokens().create("test", "ro", "readonly", null).token());
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    static String randomBase() {
        SecureRandom r = new SecureRandom();
        return "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
    }

    private static Res importCsv(String csv) {
        return http.send("POST", "/api/v1/nodes/import", csv, "text/csv", admin);
    }

    @Test
    void theLabInventoryImportsAsIsAndReimportIsIdempotent() throws Exception {
        Path file = Files.createTempFile("lab-inventory", ".csv");
        try (Lab lab = Lab.builder().idrac(3).amt(2).base(randomBase()).idracPort(0).amtPort(0).start()) {
            lab.writeInventory(file);
            String csv = Files.readString(file);
            Res first = importCsv(csv);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().path("imported").asInt()).isEqualTo(5);
            assertThat(first.json().path("rejected").asInt()).isZero();
            Res again = importCsv(csv);
            assertThat(again.json().path("imported").asInt()).isZero();
            assertThat(again.json().path("updated").asInt()).isEqualTo(5);
            String address = lab.bmcs().getFirst().address();
            JsonNode page = http.get("/api/v1/nodes?q=" + address + "&size=10", readonly).json();
            assertThat(page.path("total").asLong()).isEqualTo(1);
            JsonNode node = page.path("items").get(0);
            assertThat(node.path("type").asText()).isEqualTo("IDRAC");
            assertThat(node.path("passwordSet").asBoolean()).isTrue();
            assertThat(node.toString()).doesNotContain(lab.bmcs().getFirst().password());
            assertThat(node.path("mac").asText()).isEqualTo(lab.bmcs().getFirst().mac());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theLabInventoryWithWakeOnLanMachinesImportsAsIs() {
        // what `lightsout lab --idrac 1 --wol 2 --inventory FILE.csv` writes
        Res r = importCsv("""
                address,port,type,username,password,mac,serviceTag,ip,verifyPort,secureOn
                127.142.0.1,10443,IDRAC,root,lab-pldy51f88,02:4C:4F:AA:00:20,0M0BN5Y,,,
                ,,WOL,,,02:4c:35:2c:cc:fc,,127.143.0.1,41445,
                ,,WOL,,,02:4c:35:2c:cc:fd,,127.143.0.2,41445,01:02:03:04:05:06
                """);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(3);
        JsonNode wol = http.get("/api/v1/nodes?q=127.143.0.2", admin).json().path("items").get(0);
        assertThat(wol.path("type").asText()).isEqualTo("WOL");
        assertThat(wol.path("verifyPort").asInt()).isEqualTo(41445);
        assertThat(wol.path("secureOnSet").asBoolean()).isTrue();
        assertThat(wol.path("mac").asText()).isEqualTo("02:4C:35:2C:CC:FD");
    }

    @Test
    void badRowsAreRejectedWithLineColumnAndReasonAndGoodRowsKept() {
        String csv = """
                name,type,address,port,username,password,mac,ip,tags
                good-wol,WOL,,,,,02:00:00:aa:00:01,10.9.0.5,lab;floor-2
                bad-type,TOASTER,,,,,02:00:00:aa:00:02,,
                no-mac,WOL,,,,,,,
                bad-ip,WOL,,,,,02:00:00:aa:00:03,10.9.0.300,
                "quoted, name",idrac,10.9.1.1,443,root,"pa,ss",,,
                short,WOL
                """;
        Res r = importCsv(csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("imported").asInt()).isEqualTo(2);
        assertThat(j.path("rejected").asInt()).isEqualTo(4);
        List<String> errors = new ArrayList<>();
        j.path("errors").forEach(e -> errors.add(e.path("line").asInt() + ":" + e.path("column").asInt() + ":"
                + e.path("field").asText()));
        assertThat(errors).containsExactly("3:2:type", "4:7:mac", "5:8:ip", "7:3:null");
        assertThat(j.path("errors").get(0).path("reason").asText()).contains("IDRAC, AMT, DASH or WOL");
        JsonNode quoted = http.get("/api/v1/nodes?q=quoted", admin).json().path("items").get(0);
        assertThat(quoted.path("name").asText()).isEqualTo("quoted, name");
        assertThat(quoted.path("port").asInt()).isEqualTo(443);
        JsonNode wol = http.get("/api/v1/nodes?tag=floor-2", admin).json();
        assertThat(wol.path("total").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/nodes?subnet=10.9.0.0/24", admin).json().path("total").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/nodes?subnet=10.9.0.0/16", admin).json().path("total").asInt()).isEqualTo(2);
        // the portal's Export CSV sends the text filter too: it exports what the list shows
        assertThat(http.get("/api/v1/nodes/export?q=quoted", admin).body().lines().skip(1).toList())
                .singleElement().asString().startsWith("\"quoted, name\",");
    }

    @Test
    void aRowWithSeveralErrorsCountsAsOneRejectedRowAndAMacConflictNamesTheOwner() {
        importCsv("name,type,mac,ip\nfirst-owner,WOL,02:00:00:cc:00:01,10.7.0.1\n");
        Res r = importCsv("""
                name,type,address,port,mac,ip
                two-errors,IDRAC,10.7.1.1,99999,,
                """);
        assertThat(r.json().path("errors").size()).as(r.body()).isEqualTo(2);
        assertThat(r.json().path("rejected").asInt()).as("rows, not errors").isEqualTo(1);
        r = importCsv("""
                name,type,address,port,username,password,mac,ip
                two-errors,IDRAC,10.7.1.1,99999,,,,
                bmc-with-a-taken-mac,IDRAC,10.7.1.2,443,root,pw,02:00:00:cc:00:01,
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("errors").size()).as(r.body()).isEqualTo(3);
        assertThat(j.path("rejected").asInt()).as("rows, not errors").isEqualTo(2);
        assertThat(j.path("errors").get(2).path("reason").asText()).contains("first-owner");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndSecretsNeverComeBack() {
        Res unknown = importCsv("name,type,colour\nx,WOL,red\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("unknown column 'colour'");
        assertThat(http.send("POST", "/api/v1/nodes/import", "type\nWOL\n", "text/csv", readonly).status())
                .isEqualTo(403);
        importCsv("name,type,address,username,password,secureOn,mac,ip\nsecret-node,AMT,10.8.0.1,admin,S3cret-pw,,,\n"
                + "wake-me,WOL,,,,11:22:33:44:55:66,02:00:00:bb:00:01,10.8.1.1\n");
        Res export = http.get("/api/v1/nodes/export", readonly);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("secret-node").contains("wake-me").doesNotContain("S3cret-pw")
                .doesNotContain("11:22:33:44:55:66");
        assertThat(export.body().lines().findFirst().orElseThrow()).isEqualTo(String.join(",",
                NodeCsv.EXPORT_COLUMNS));
    }

    @Test
    void groupsAreStaticOrDynamicByFilter() {
        importCsv("name,type,site,mac,ip,tags\ng1,WOL,paris,02:00:00:cc:00:01,10.7.0.1,kiosk\n"
                + "g2,WOL,paris,02:00:00:cc:00:02,10.7.0.2,\ng3,WOL,lyon,02:00:00:cc:00:03,10.7.1.3,kiosk\n");
        Res dyn = http.json("POST", "/api/v1/groups", Map.of("name", "paris-all", "dynamic", true, "site", "paris"),
                admin);
        assertThat(dyn.status()).as(dyn.body()).isEqualTo(201);
        assertThat(dyn.json().path("size").asInt()).isEqualTo(2);
        Res st = http.json("POST", "/api/v1/groups", Map.of("name", "chosen"), admin);
        assertThat(st.status()).isEqualTo(201);
        String g3 = http.get("/api/v1/nodes?q=g3", admin).json().path("items").get(0).path("id").asText();
        assertThat(http.json("POST", "/api/v1/groups/chosen/members", Map.of("nodeIds", List.of(g3)), admin)
                .status()).isEqualTo(204);
        JsonNode members = http.get("/api/v1/groups/chosen/nodes", readonly).json();
        assertThat(members.path("total").asInt()).isEqualTo(1);
        assertThat(members.path("items").get(0).path("name").asText()).isEqualTo("g3");
        Res bad = http.json("POST", "/api/v1/groups", Map.of("name", "x", "dynamic", true, "subnet", "10.0.0.0/99"),
                admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("subnet");
    }
}
