package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.lab.BmcType;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.lab.idrac.BootMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user-facing boot-once actions ({@code pxe}, {@code bios}, {@code on} with {@code bootOnce}) through the REST
 * API on lab iDRACs in legacy BIOS and in UEFI boot mode and on an AMT, over real WS-Man/TLS on loopback.
 */
class BootOnceTest {
    private static LabFleet fleet;
    private static Lab lab;
    private static Http http;
    private static Auth operator;
    private static SimulatedBmc legacy;
    private static SimulatedBmc uefi;
    private static SimulatedBmc amt;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.start(Lab.builder().idrac(2).amt(1).uefiEvery(2).idracPort(0).amtPort(0)
                .powerDelay(Duration.ofMillis(200)));
        lab = fleet.lab;
        http = fleet.http;
        operator = fleet.operator;
        legacy = lab.bmcs().get(0);
        uefi = lab.bmcs().get(1);
        amt = lab.bmcs().stream().filter(b -> b.type() == BmcType.AMT).findFirst().orElseThrow();
        assertThat(legacy.bootMode()).isEqualTo(BootMode.BIOS);
        assertThat(uefi.bootMode()).isEqualTo(BootMode.UEFI);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String nodeId(SimulatedBmc b) {
        return fleet.nodeId(b);
    }

    private static Res power(SimulatedBmc b, Map<String, String> body) {
        return http.json("POST", "/api/v1/nodes/" + nodeId(b) + "/power", body, operator);
    }

    /** Powers the node off, runs the action, and waits for the boot it causes; returns what it booted from. */
    private static String bootFromOff(SimulatedBmc b, Map<String, String> body) {
        b.setPowerState(PowerState.OFF);
        int boots = b.boots();
        Res res = power(b, body);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.json().path("outcome").asText()).as(res.body()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.boots() > boots && b.powerState() == PowerState.ON);
        assertThat(b.bootOverride()).isNull();
        return b.lastBootSource();
    }

    @Test
    void pxeBootsFromTheNetworkInBothIdracBootModes() {
        assertThat(bootFromOff(legacy, Map.of("action", "pxe"))).isEqualTo("PXE");
        assertThat(bootFromOff(uefi, Map.of("action", "pxe"))).isEqualTo("PXE");
    }

    @Test
    void biosBootsIntoSetupInBothIdracBootModesAndOnAmt() {
        assertThat(bootFromOff(legacy, Map.of("action", "bios"))).isEqualTo("BIOS");
        assertThat(bootFromOff(uefi, Map.of("action", "bios"))).isEqualTo("BIOS");
        assertThat(bootFromOff(amt, Map.of("action", "bios"))).isEqualTo("BIOS");
    }

    @Test
    void amtTakesTheSameBootOnceActions() {
        assertThat(bootFromOff(amt, Map.of("action", "pxe"))).isEqualTo("PXE");
        assertThat(bootFromOff(amt, Map.of("action", "on", "bootOnce", "DISK"))).isEqualTo("HDD");
        assertThat(bootFromOff(uefi, Map.of("action", "on", "bootOnce", "DISK"))).isEqualTo("HDD");
    }

    @Test
    void aRunningNodeIsRefusedUnlessTheActionCycles() {
        uefi.setPowerState(PowerState.ON);
        Res refused = power(uefi, Map.of("action", "bios"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("cycle");
        int boots = uefi.boots();
        Res cycled = power(uefi, Map.of("action", "bios", "bootOnce", "cycle"));
        assertThat(cycled.status()).as(cycled.body()).isEqualTo(200);
        assertThat(cycled.json().path("action").asText()).isEqualTo("boot once to BIOS, then power cycle");
        await().atMost(Duration.ofSeconds(10)).until(() -> uefi.boots() > boots);
        assertThat(uefi.lastBootSource()).isEqualTo("BIOS");
    }

    @Test
    void aBulkBiosActionIsAJobThatLandsEveryNodeInSetup() {
        lab.bmcs().forEach(b -> b.setPowerState(PowerState.OFF));
        Map<SimulatedBmc, Integer> boots = new java.util.HashMap<>();
        lab.bmcs().forEach(b -> boots.put(b, b.boots()));
        Res submitted = http.json("POST", "/api/v1/power-actions", Map.of("action", "bios", "all", true), operator);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        long job = submitted.json().path("jobId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("succeeded", "failed", "partially_failed")
                .contains(http.get("/api/v1/jobs/" + job, operator).json().path("state").asText()));
        JsonNode j = http.get("/api/v1/jobs/" + job, operator).json();
        assertThat(j.path("state").asText()).as(j.toString()).isEqualTo("succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> lab.bmcs().stream().allMatch(b -> b.boots() > boots.get(b)));
        assertThat(lab.bmcs()).allSatisfy(b -> assertThat(b.lastBootSource()).as(b.toString()).isEqualTo("BIOS"));
    }

    @Test
    void anUnknownActionNamesTheChoices() {
        Res bad = power(legacy, Map.of("action", "setup"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("pxe, bios");
    }
}
