package io.lightsout.wsman.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.lab.idrac.BootMode;
import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.idrac.BootSettings;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.idrac.IdracRequests;
import io.lightsout.wsman.idrac.JobStatus;
import io.lightsout.wsman.idrac.OneTimeBoot;
import io.lightsout.wsman.profile.MethodFailedException;
import io.lightsout.wsman.profile.PowerAction;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** iDRAC one-time boot in legacy BIOS and UEFI boot mode, and boot once to BIOS setup, against the lab over TLS. */
class IdracBootModeLabTest {

    private static Lab lab;
    private static SimulatedBmc legacy;
    private static SimulatedBmc uefi;
    private final WsmanClient client = WsmanClient.create();

    @BeforeAll
    static void startLab() {
        String base = "127." + ThreadLocalRandom.current().nextInt(100, 200) + "."
                + ThreadLocalRandom.current().nextInt(1, 250) + ".1";
        lab = Lab.builder().idrac(2).amt(0).uefiEvery(2).base(base).idracPort(0).tls(true)
                .powerDelay(Duration.ofMillis(200)).jobDurations(Duration.ofMillis(200), Duration.ofMillis(300))
                .start();
        legacy = lab.bmcs().get(0);
        uefi = lab.bmcs().get(1);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private IdracProfile idrac(SimulatedBmc b) {
        return new IdracProfile(session(b));
    }

    private WsmanSession session(SimulatedBmc b) {
        return client.session(WsmanEndpoint.builder(URI.create(b.url()), new Credentials(b.username(), b.password()))
                .auth(AuthScheme.BASIC).trust(new TrustPolicy.Pinned(b.certificateSha256()))
                .responseTimeout(Duration.ofSeconds(10)).maxRetries(0).build());
    }

    @Test
    void theLabHasOneHostInEachBootModeAndTheProfileReadsIt() {
        assertThat(legacy.bootMode()).isEqualTo(BootMode.BIOS);
        assertThat(uefi.bootMode()).isEqualTo(BootMode.UEFI);
        BootSettings l = idrac(legacy).bootSettings();
        BootSettings u = idrac(uefi).bootSettings();
        assertThat(l.mode()).isEqualTo(BootSettings.Mode.BIOS);
        assertThat(u.mode()).isEqualTo(BootSettings.Mode.UEFI);
        assertThat(OneTimeBoot.network(l)).contains(OneTimeBoot.bios(IdracProfile.PXE_DEVICE));
        assertThat(OneTimeBoot.disk(l)).contains(OneTimeBoot.bios(IdracProfile.DISK_DEVICE));
        assertThat(OneTimeBoot.network(u)).contains(OneTimeBoot.uefi("NIC.PxeDevice.1-1"));
        assertThat(OneTimeBoot.disk(u)).contains(OneTimeBoot.uefi("Unknown.Unknown.3-1"));
    }

    @Test
    void uefiHostBootsOnceFromTheUefiPxeDevice() {
        IdracProfile p = idrac(uefi);
        uefi.setPowerState(io.lightsout.lab.PowerState.OFF);
        String job = p.bootOnce(OneTimeBoot.network(p.bootSettings()).orElseThrow(), 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> p.job(job).status().finished());
        assertThat(p.job(job).status()).isEqualTo(JobStatus.COMPLETED);
        int boots = uefi.boots();
        p.requestPowerState(PowerAction.ON);
        await().atMost(Duration.ofSeconds(10)).until(() -> uefi.boots() > boots);
        assertThat(uefi.lastBootSource()).isEqualTo("PXE");
        assertThat(p.powerState().state()).isEqualTo(PowerState.ON);
    }

    @Test
    void uefiHostWithAnIdracRebootJobBootsFromItsOsBootManager() {
        IdracProfile p = idrac(uefi);
        uefi.setPowerState(io.lightsout.lab.PowerState.ON);
        int boots = uefi.boots();
        String job = p.bootOnce(OneTimeBoot.disk(p.bootSettings()).orElseThrow(), 1);
        // the lab runs a job's effects when its queue is observed: poll the job as a client would
        await().atMost(Duration.ofSeconds(10)).until(() -> p.job(job).status().finished() && uefi.boots() > boots);
        assertThat(uefi.lastBootSource()).isEqualTo("HDD");
    }

    @Test
    void aUefiHostRefusesTheLegacyAttributesAndALegacyHostTheUefiOnes() {
        // what a driver that ignores BootMode would send: refused before any job exists
        assertThatThrownBy(() -> idrac(uefi).bootOnce(OneTimeBoot.bios(IdracProfile.PXE_DEVICE), 0))
                .isInstanceOfSatisfying(MethodFailedException.class, e -> {
                    assertThat(e.returnValue()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("OneTimeBootMode", "Uefi");
                });
        assertThatThrownBy(() -> idrac(legacy).bootOnce(OneTimeBoot.uefi("NIC.PxeDevice.1-1"), 0))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("OneTimeBootMode");
        // the device attribute of the other list is read-only, and a device must be in the host's own list
        assertThatThrownBy(() -> set(uefi, "OneTimeBootSeqDev", IdracProfile.PXE_DEVICE))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> idrac(uefi).bootOnce(OneTimeBoot.uefi(IdracProfile.PXE_DEVICE), 0))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("OneTimeUefiBootSeqDev");
        assertThatThrownBy(() -> idrac(legacy).bootOnce(OneTimeBoot.bios("NIC.PxeDevice.1-1"), 0))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("OneTimeBootSeqDev");
        // nothing was left pending: a config job now has nothing to commit
        assertThatThrownBy(() -> MethodFailedException.check(io.lightsout.wsman.Responses.invoke("lab",
                "CreateTargetedConfigJob", session(uefi).exchange(IdracRequests.createBiosConfigJob(0)))))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("No pending data");
    }

    @Test
    void aHostSwitchedToUefiTakesTheUefiPair() {
        SimulatedBmc b = legacy;
        b.setBootMode(BootMode.UEFI);
        try {
            IdracProfile p = idrac(b);
            assertThat(p.bootSettings().mode()).isEqualTo(BootSettings.Mode.UEFI);
            assertThat(b.bootOverride()).isNull();
            p.bootOnce(OneTimeBoot.network(p.bootSettings()).orElseThrow(), 0);
            assertThat(b.bootOverride()).isEqualTo("PXE");
        } finally {
            b.setBootMode(BootMode.BIOS);
        }
        idrac(b).bootOnce(OneTimeBoot.disk(idrac(b).bootSettings()).orElseThrow(), 0);
        assertThat(b.bootOverride()).isEqualTo("HDD");
    }

    @Test
    void bootOnceToSetupInBothModesThroughTheIdracServerBootAttributes() {
        for (SimulatedBmc b : List.of(legacy, uefi)) {
            IdracProfile p = idrac(b);
            b.setPowerState(io.lightsout.lab.PowerState.ON);
            String job = p.bootOnceToSetup();
            assertThat(p.job(job).status()).isIn(JobStatus.COMPLETED, JobStatus.RUNNING);
            assertThat(card(b, "DCIM_iDRACCardString")).isEqualTo("BIOS");
            assertThat(card(b, "DCIM_iDRACCardEnumeration")).isEqualTo("Enabled");
            int boots = b.boots();
            p.requestPowerState(PowerAction.CYCLE_HARD);
            await().atMost(Duration.ofSeconds(10)).until(() -> b.boots() > boots);
            assertThat(b.lastBootSource()).isEqualTo("BIOS");
            // boot once: the next boot is a normal one again and the iDRAC says so
            assertThat(card(b, "DCIM_iDRACCardString")).isEqualTo("Normal");
            int again = b.boots();
            await().atMost(Duration.ofSeconds(10)).until(() -> p.powerState().state() == PowerState.ON);
            p.requestPowerState(PowerAction.RESET);
            await().atMost(Duration.ofSeconds(10)).until(() -> b.boots() > again);
            assertThat(b.lastBootSource()).isEqualTo("HDD");
        }
    }

    @Test
    void theIdracRefusesAnUnknownFirstBootDevice() {
        SequencedMap<String, String> bad = new LinkedHashMap<>();
        bad.put("ServerBoot.1#FirstBootDevice", "Setup");
        assertThatThrownBy(() -> MethodFailedException.check(io.lightsout.wsman.Responses.invoke("lab",
                "SetAttributes", session(legacy).exchange(IdracRequests.setIdracAttributes(bad)))))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("FirstBootDevice");
    }

    private void set(SimulatedBmc b, String name, String value) {
        SequencedMap<String, String> attrs = new LinkedHashMap<>();
        attrs.put(name, value);
        MethodFailedException.check(io.lightsout.wsman.Responses.invoke("lab", "SetAttributes",
                session(b).exchange(IdracRequests.setBiosAttributes(attrs))));
    }

    private String card(SimulatedBmc b, String cls) {
        List<CimInstance> all = session(b).instances(IdracRequests.uri(cls), EnumerateOptions.defaults());
        return all.getFirst().text("CurrentValue");
    }
}
