package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Fault;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Power actions through the REST API on lab iDRACs and AMTs over real WS-Man/TLS on loopback: the drivers, TLS
 * pinning, the read-before-act policy, bulk jobs and audit.
 */
class NodePowerTest {
    private static LabFleet fleet;
    private static Lab lab;
    private static Http http;
    private static Auth operator;
    private static Auth readonly;
    private static SimulatedBmc idrac;
    private static SimulatedBmc amt;
    private static String idracId;
    private static String amtId;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.start(Lab.builder().idrac(2).amt(2).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(200)));
        lab = fleet.lab;
        http = fleet.http;
        operator = fleet.operator;
        readonly = fleet.readonly;
        idrac = lab.bmcs().stream().filter(b -> b.type().name().equals("IDRAC")).findFirst().orElseThrow();
        amt = lab.bmcs().stream().filter(b -> b.type().name().equals("AMT")).findFirst().orElseThrow();
        idracId = nodeId(idrac);
        amtId = nodeId(amt);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void clean() {
        lab.bmcs().forEach(SimulatedBmc::clearFaults);
    }

    private static String nodeId(SimulatedBmc b) {
        return fleet.nodeId(b);
    }

    private static Res power(String id, String action) {
        return http.json("POST", "/api/v1/nodes/" + id + "/power", Map.of("action", action), operator);
    }

    private static String state(String id) {
        return http.get("/api/v1/nodes/" + id + "/power", readonly).json().path("state").asText();
    }

    @Test
    void readsPowersOnAndPinsTheCertificateOnFirstUse() {
        lab.bmcs().forEach(b -> b.setPowerState(io.lightsout.lab.PowerState.OFF));
        assertThat(state(idracId)).isEqualTo("OFF");
        JsonNode node = http.get("/api/v1/nodes/" + idracId, readonly).json();
        assertThat(node.path("certificateSha256").asText()).isEqualTo(idrac.certificateSha256());
        Res on = power(idracId, "on");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("outcome").asText()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(10)).until(() -> idrac.powerState() == io.lightsout.lab.PowerState.ON);
        Res again = power(idracId, "on");
        assertThat(again.json().path("detail").asText()).isEqualTo("already on");
        assertThat(power(amtId, "on").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> amt.powerState() == io.lightsout.lab.PowerState.ON);
        assertThat(state(amtId)).isEqualTo("ON");
        assertThat(http.get("/api/v1/audit?action=power.on", operator).body()).contains("power.on");
    }

    @Test
    void cycleAndResetAreRefusedWhenTheStateCannotBeReadOrCredentialsFail() {
        amt.inject(new Fault.WrongPassword(1.0));
        assertThat(state(amtId)).isEqualTo("AUTH_FAILED");
        Res refused = power(amtId, "cycle");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("rejected the appliance's credentials");
        amt.clearFaults();
        idrac.inject(new Fault.ConnectionReset(1.0));
        Res unknown = power(idracId, "reset");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().path("detail").asText()).contains("power state is unknown");
        // the 409 body is the power result (outcome, the state read before), and the OpenAPI document says so
        assertThat(unknown.json().path("outcome").asText()).isEqualTo("refused");
        assertThat(unknown.json().path("before").path("state").asText()).isEqualTo("UNKNOWN");
        JsonNode responses = http.get("/api/v1/openapi.json", readonly).json().path("paths")
                .path("/api/v1/nodes/{id}/power").path("post").path("responses");
        for (String status : List.of("200", "409", "502")) {
            assertThat(responses.path(status).path("content").path("application/json").path("schema").path("$ref")
                    .asText()).as(status).endsWith("/PowerResult");
        }
        assertThat(http.json("POST", "/api/v1/nodes/" + idracId + "/power", Map.of("action", "on"), readonly)
                .status()).isEqualTo(403);
    }

    @Test
    void aChangedCertificateIsAClearErrorUntilAnAdminReTrusts() {
        SimulatedBmc other = lab.bmcs().stream().filter(b -> b.type().name().equals("IDRAC") && b != idrac)
                .findFirst().orElseThrow();
        String id = nodeId(other);
        assertThat(state(id)).isIn("ON", "OFF");
        String pinned = other.certificateSha256();
        other.rotateCertificate();
        other.inject(new Fault.ConnectionReset(1.0)); // a BMC that changes its certificate restarts its web server
        assertThat(state(id)).isEqualTo("UNKNOWN");
        other.clearFaults();
        JsonNode reading = http.get("/api/v1/nodes/" + id + "/power", readonly).json();
        assertThat(reading.path("state").asText()).isEqualTo("UNKNOWN");
        assertThat(reading.path("detail").asText()).containsIgnoringCase("certificate").contains("re-trust");
        assertThat(http.get("/api/v1/nodes/" + id, readonly).json().path("certificateSha256").asText())
                .isEqualTo(pinned);
        Auth admin = http.login("admin", TestAppliance.ADMIN_PW);
        assertThat(http.send("POST", "/api/v1/nodes/" + id + "/retrust", null, null, operator).status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/nodes/" + id + "/retrust", null, null, admin).status()).isEqualTo(204);
        assertThat(state(id)).isIn("ON", "OFF");
        assertThat(http.get("/api/v1/nodes/" + id, readonly).json().path("certificateSha256").asText())
                .isEqualTo(other.certificateSha256()).isNotEqualTo(pinned);
    }

    @Test
    void pxeSetsAOneTimeBootOnAmtThenPowersOn() {
        SimulatedBmc other = lab.bmcs().stream().filter(b -> b.type().name().equals("AMT") && b != amt)
                .findFirst().orElseThrow();
        other.setPowerState(io.lightsout.lab.PowerState.OFF);
        Res pxe = power(nodeId(other), "pxe");
        assertThat(pxe.status()).as(pxe.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PXE".equals(other.lastBootSource()));
    }

    @Test
    void pxeOnIdracSetsTheBiosOneTimeBootThenPowersOn() {
        idrac.setPowerState(io.lightsout.lab.PowerState.OFF);
        int boots = idrac.boots();
        Res pxe = power(idracId, "pxe");
        assertThat(pxe.status()).as(pxe.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> idrac.boots() > boots
                && idrac.powerState() == io.lightsout.lab.PowerState.ON);
        assertThat(idrac.lastBootSource()).isEqualTo("PXE");
        assertThat(idrac.bootOverride()).isNull();
    }

    @Test
    void inventoryRefreshStoresFactsWithTheTimeRead() {
        Res submitted = http.json("POST", "/api/v1/inventory", Map.of("nodeIds", List.of(idracId, amtId)), operator);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        long job = submitted.json().path("jobId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("succeeded", "failed", "partially_failed")
                .contains(http.get("/api/v1/jobs/" + job, readonly).json().path("state").asText()));
        JsonNode j = http.get("/api/v1/jobs/" + job, readonly).json();
        assertThat(j.path("state").asText()).as(j.toString()).isEqualTo("succeeded");
        JsonNode facts = http.get("/api/v1/inventory/" + idracId, readonly).json();
        assertThat(facts.path("facts").path("serviceTag").asText()).isEqualTo(idrac.serviceTag());
        assertThat(facts.path("facts").toString()).containsIgnoringCase(idrac.mac()).contains("firmware.");
        assertThat(facts.path("readAt").asText()).isNotEmpty();
        JsonNode amtFacts = http.get("/api/v1/inventory/" + amtId, readonly).json().path("facts");
        assertThat(amtFacts.path("serviceTag").asText()).isEqualTo(amt.serviceTag());
        assertThat(amtFacts.path("nic.0.mac").asText()).isEqualTo(amt.mac().toUpperCase(java.util.Locale.ROOT));
        assertThat(amtFacts.has("nic.1.mac")).as("the all-zero MAC is no NIC").isFalse();
        for (String key : List.of("manufacturer", "model", "biosVersion", "cpu.0.model", "cpu.0.maxMhz", "memoryMib",
                "memory.0.mib", "disk.0.sizeGb", "firmware.AMT")) {
            assertThat(amtFacts.path(key).asText()).as(key + " in " + amtFacts).isNotBlank();
        }
        assertThat(amtFacts.path("cpus").asInt()).isEqualTo(1);
        assertThat(amtFacts.path("disks").asInt()).isPositive();
    }

    @Test
    void bulkActionIsAJobWithAResultPerNode() {
        lab.bmcs().forEach(b -> b.setPowerState(io.lightsout.lab.PowerState.ON));
        Res submitted = http.json("POST", "/api/v1/power-actions", Map.of("action", "off", "filter",
                Map.of("type", "IDRAC")), operator);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.json().path("targets").asInt()).isEqualTo(2);
        long job = submitted.json().path("jobId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("succeeded", "failed", "partially_failed")
                .contains(http.get("/api/v1/jobs/" + job, readonly).json().path("state").asText()));
        JsonNode j = http.get("/api/v1/jobs/" + job, readonly).json();
        assertThat(j.path("state").asText()).as(j.toString()).isEqualTo("succeeded");
        assertThat(j.path("targets").size()).isEqualTo(2);
        j.path("targets").forEach(t -> assertThat(t.path("status").asText()).isEqualTo("done"));
        j.path("targets").forEach(t -> assertThat(t.path("label").asText()).as("the node's name")
                .isEqualTo(http.get("/api/v1/nodes/" + t.path("target").asText(), readonly).json().path("name")
                        .asText()));
        lab.bmcs().stream().filter(b -> b.type().name().equals("IDRAC")).forEach(b -> await()
                .atMost(Duration.ofSeconds(10)).until(() -> b.powerState() == io.lightsout.lab.PowerState.OFF));
        assertThat(amt.powerState()).isEqualTo(io.lightsout.lab.PowerState.ON);
        Res none = http.json("POST", "/api/v1/power-actions", Map.of("action", "off"), operator);
        assertThat(none.status()).isEqualTo(400);
        Res byText = http.json("POST", "/api/v1/power-actions", Map.of("action", "on", "filter",
                Map.of("q", idrac.address())), operator);
        assertThat(byText.json().path("targets").asInt()).as("the list's text filter selects too").isEqualTo(1);
        // a request refused for every node alike is a 400 now, not a job whose every target is refused
        long jobsBefore = http.get("/api/v1/jobs", readonly).json().path("total").asLong();
        Res offWithBoot = http.json("POST", "/api/v1/power-actions", Map.of("action", "off", "bootOnce", "PXE",
                "all", true), operator);
        assertThat(offWithBoot.status()).as(offWithBoot.body()).isEqualTo(400);
        assertThat(offWithBoot.json().path("errors").get(0).path("field").asText()).isEqualTo("bootOnce");
        assertThat(offWithBoot.json().path("detail").asText()).contains("on, cycle or reset, not off");
        Res pxeWithBios = http.json("POST", "/api/v1/power-actions", Map.of("action", "pxe", "bootOnce", "BIOS",
                "all", true), operator);
        assertThat(pxeWithBios.status()).as(pxeWithBios.body()).isEqualTo(400);
        assertThat(http.get("/api/v1/jobs", readonly).json().path("total").asLong()).isEqualTo(jobsBefore);
    }
}
