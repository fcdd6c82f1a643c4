package io.lightsout.wsman.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lightsout.lab.BmcType;
import io.lightsout.lab.Fault;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.SelectorSet;
import io.lightsout.wsman.WsmanAuthException;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanConnectionException;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanFaultException;
import io.lightsout.wsman.WsmanProtocolException;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.WsmanTimeoutException;
import io.lightsout.wsman.WsmanTlsException;
import io.lightsout.wsman.amt.AmtProfile;
import io.lightsout.wsman.amt.BootTarget;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.idrac.IdracRequests;
import io.lightsout.wsman.idrac.Inventory;
import io.lightsout.wsman.idrac.IsoConnection;
import io.lightsout.wsman.idrac.NetworkIso;
import io.lightsout.wsman.idrac.JobStatus;
import io.lightsout.wsman.profile.MethodFailedException;
import io.lightsout.wsman.profile.PowerAction;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the simulated BMC lab over real TLS sockets on loopback. */
class LabIntegrationTest {

    private static Lab lab;
    private static SimulatedBmc idracBmc;
    private static SimulatedBmc amtBmc;
    private WsmanClient client = WsmanClient.create();

    @BeforeAll
    static void startLab() {
        String base = "127." + ThreadLocalRandom.current().nextInt(100, 200) + "."
                + ThreadLocalRandom.current().nextInt(1, 250) + ".1";
        lab = Lab.builder().idrac(1).amt(1).base(base).idracPort(0).amtPort(0).tls(true)
                .powerDelay(Duration.ofMillis(200)).jobDurations(Duration.ofMillis(200), Duration.ofMillis(300))
                .start();
        idracBmc = lab.bmcs().stream().filter(b -> b.type() == BmcType.IDRAC).findFirst().orElseThrow();
        amtBmc = lab.bmcs().stream().filter(b -> b.type() == BmcType.AMT).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @AfterEach
    void reset() {
        lab.bmcs().forEach(SimulatedBmc::clearFaults);
        client.close();
    }

    private WsmanSession session(SimulatedBmc b) {
        return session(b, b.password(), Duration.ofSeconds(10));
    }

    private WsmanSession session(SimulatedBmc b, String password, Duration timeout) {
        return client.session(WsmanEndpoint.builder(URI.create(b.url()), new Credentials(b.username(), password))
                .auth(b.type() == BmcType.IDRAC ? AuthScheme.BASIC : AuthScheme.DIGEST)
                .trust(new TrustPolicy.Pinned(b.certificateSha256())).responseTimeout(timeout)
                .maxRetries(0).maxResponseBytes(1 << 20).build());
    }

    @Test
    void idracPowerOnAndReadBack() {
        IdracProfile idrac = new IdracProfile(session(idracBmc));
        assertThat(idrac.remoteServicesStatus().ready()).isTrue();
        idracBmc.setPowerState(io.lightsout.lab.PowerState.OFF);
        assertThat(idrac.powerState().state()).isEqualTo(PowerState.OFF);
        idrac.requestPowerState(PowerAction.ON);
        await().atMost(Duration.ofSeconds(10)).until(() -> idrac.powerState().state() == PowerState.ON);
    }

    @Test
    void identifyNamesTheVendor() {
        assertThat(session(idracBmc).identify().protocolVersion()).isEqualTo(io.lightsout.wsman.Namespaces.WSMAN);
        assertThat(session(amtBmc).identify().productVendor()).isNotBlank();
    }

    @Test
    void amtPowerChangeAndBootOverride() {
        AmtProfile amt = new AmtProfile(session(amtBmc));
        amtBmc.setPowerState(io.lightsout.lab.PowerState.OFF);
        assertThat(amt.powerState().state()).isEqualTo(PowerState.OFF);
        amt.bootOverride(BootTarget.PXE);
        amt.requestPowerState(PowerAction.ON);
        await().atMost(Duration.ofSeconds(10)).until(() -> amt.powerState().state() == PowerState.ON);
        assertThat(amt.generalSettings().digestRealm()).isEqualTo(amtBmc.realm());
        assertThat(amt.ethernetPorts()).anySatisfy(p -> assertThat(p.mac())
                .isEqualTo(amtBmc.mac().toUpperCase(Locale.ROOT)));
        assertThat(amt.ethernetPorts()).filteredOn(p -> !p.hasMac()).singleElement()
                .satisfies(p -> assertThat(p.mac()).isEqualTo("00:00:00:00:00:00"));
        assertThat(amt.software()).isNotEmpty();
    }

    @Test
    void amtHardwareMatchesTheLab() {
        io.lightsout.wsman.amt.Hardware hw = new AmtProfile(session(amtBmc)).hardware();
        assertThat(hw.system().serialNumber()).isEqualTo(amtBmc.serviceTag());
        assertThat(hw.system().manufacturer()).isNotBlank();
        assertThat(hw.system().model()).isNotBlank();
        assertThat(hw.system().biosVersion()).isNotBlank();
        assertThat(hw.cpus()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.model()).contains("Intel(R) Core(TM)");
            assertThat(c.maxMhz()).isGreaterThan(c.currentMhz());
        });
        assertThat(hw.memory()).isNotEmpty().allSatisfy(m -> assertThat(m.sizeMib()).isGreaterThanOrEqualTo(8192));
        assertThat(hw.memoryMib()).isEqualTo(hw.memory().stream().mapToLong(m -> m.sizeMib()).sum());
        assertThat(hw.disks()).isNotEmpty().allSatisfy(d -> assertThat(d.sizeGb()).isGreaterThan(100));
    }

    @Test
    void idracInventoryMatchesTheLab() {
        Inventory inv = new IdracProfile(session(idracBmc)).inventory();
        assertThat(inv.system().serviceTag()).isEqualTo(idracBmc.serviceTag());
        assertThat(inv.nics()).anySatisfy(n -> assertThat(n.currentMac()).isEqualToIgnoringCase(idracBmc.mac()));
        assertThat(inv.firmware()).isNotEmpty();
    }

    @Test
    void enumerateOneItemPerPullUntilEndOfSequence() {
        WsmanSession s = session(idracBmc);
        int all = s.instances(IdracRequests.SOFTWARE_IDENTITY, EnumerateOptions.defaults()).size();
        assertThat(all).isGreaterThan(1);
        assertThat(s.instances(IdracRequests.SOFTWARE_IDENTITY, EnumerateOptions.defaults().withMaxElements(1)))
                .hasSize(all);
        assertThat(s.instances(IdracRequests.SOFTWARE_IDENTITY, EnumerateOptions.defaults().withLimit(1))).hasSize(1);
    }

    @Test
    void firmwareUpdateJobRunsToCompletion() {
        IdracProfile idrac = new IdracProfile(session(idracBmc));
        Inventory.Firmware target = idrac.inventory().firmware().getFirst();
        String job = idrac.installFromUri("nfs://127.0.0.1/fw/update.exe;mountpoint=/repository/firmware",
                target.instanceId());
        assertThat(job).startsWith("JID_");
        String reboot = idrac.createRebootJob(1);
        idrac.setupJobQueue(java.util.List.of(job, reboot), "TIME_NOW");
        await().atMost(Duration.ofSeconds(20)).until(() -> idrac.job(job).status().finished());
        assertThat(idrac.job(job).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void idracBootOnceToPxeWithARebootJobBootsTheHostFromTheNetwork() {
        IdracProfile idrac = new IdracProfile(session(idracBmc));
        idracBmc.setPowerState(io.lightsout.lab.PowerState.ON);
        int boots = idracBmc.boots();
        String job = idrac.bootOnce(IdracProfile.PXE_DEVICE, 1);
        assertThat(job).startsWith("JID_");
        await().atMost(Duration.ofSeconds(20)).until(() -> idrac.job(job).status().finished()
                && idracBmc.boots() > boots && idrac.powerState().state() == PowerState.ON);
        assertThat(idrac.job(job).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(idracBmc.lastBootSource()).isEqualTo("PXE");
    }

    @Test
    void idracBootOnceWithoutARebootWaitsForTheCallersPowerOn() {
        IdracProfile idrac = new IdracProfile(session(idracBmc));
        idracBmc.setPowerState(io.lightsout.lab.PowerState.OFF);
        idrac.bootOnce(IdracProfile.DISK_DEVICE, 0);
        assertThat(idracBmc.bootOverride()).isEqualTo("HDD");
        idrac.bootOnce(IdracProfile.PXE_DEVICE, 0);
        assertThat(idrac.powerState().state()).isEqualTo(PowerState.OFF);
        idrac.requestPowerState(PowerAction.ON);
        await().atMost(Duration.ofSeconds(10)).until(() -> idrac.powerState().state() == PowerState.ON);
        assertThat(idracBmc.lastBootSource()).isEqualTo("PXE");
        assertThat(idracBmc.bootOverride()).isNull();
    }

    @Test
    void idracBiosConfigJobWithoutPendingValuesIsRefused() {
        WsmanSession s = session(idracBmc);
        assertThatThrownBy(() -> MethodFailedException.check(io.lightsout.wsman.Responses.invoke("lab",
                "CreateTargetedConfigJob", s.exchange(IdracRequests.createBiosConfigJob(1)))))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("No pending data");
        java.util.SequencedMap<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("OneTimeBootMode", "Sometimes");
        assertThatThrownBy(() -> MethodFailedException.check(io.lightsout.wsman.Responses.invoke("lab",
                "SetAttributes", s.exchange(IdracRequests.setBiosAttributes(bad)))))
                .isInstanceOf(MethodFailedException.class).hasMessageContaining("OneTimeBootMode");
    }

    @Test
    void bootToNetworkIsoThenDetach() {
        IdracProfile idrac = new IdracProfile(session(idracBmc));
        NetworkIso iso = NetworkIso.nfs("127.0.0.1", "/repository/iso", "rescue.iso");
        String job = idrac.bootToNetworkIso(iso);
        try {
            assertThat(job).startsWith("DCIM_OSDConcreteJob");
            assertThat(idrac.job(job).id()).isEqualTo(job);
            IsoConnection info = idrac.networkIsoConnectionInfo();
            assertThat(info.attached()).isTrue();
            assertThat(info.imageName()).isEqualTo("rescue.iso");
            assertThat(info.shareName()).isEqualTo("/repository/iso");
            assertThatThrownBy(() -> idrac.connectNetworkIso(iso)).isInstanceOf(MethodFailedException.class)
                    .hasMessageContaining("already attached");
        } finally {
            idrac.detachIso();
        }
        assertThat(idrac.networkIsoConnectionInfo().attached()).isFalse();
        idrac.connectNetworkIso(iso);
        assertThat(idrac.networkIsoConnectionInfo().bootedFromIso()).isFalse();
        idrac.disconnectNetworkIso();
        assertThat(idrac.networkIsoConnectionInfo().attached()).isFalse();
    }

    @Test
    void faultsTheLabInjectsMapToTypedErrors() {
        WsmanSession s = session(idracBmc, idracBmc.password(), Duration.ofMillis(800));
        String cs = IdracRequests.COMPUTER_SYSTEM;
        assertFault(new Fault.Timeout(1), () -> s.instances(cs, EnumerateOptions.defaults()),
                WsmanTimeoutException.class);
        assertFault(new Fault.ConnectionReset(1), () -> s.instances(cs, EnumerateOptions.defaults()),
                WsmanConnectionException.class);
        assertFault(new Fault.ServerError(1), () -> s.instances(cs, EnumerateOptions.defaults()),
                WsmanFaultException.class);
        assertFault(new Fault.WrongPassword(1), () -> s.instances(cs, EnumerateOptions.defaults()),
                WsmanAuthException.class);
        for (Fault f : new Fault[] {new Fault.MalformedXml(1), new Fault.XxePayload(1), new Fault.EntityExpansion(1),
                new Fault.Oversized(1, 4 << 20)}) {
            assertFault(f, () -> s.instances(cs, EnumerateOptions.defaults()), WsmanProtocolException.class);
        }
        idracBmc.inject(new Fault.ControlCharacters(1));
        assertThat(s.instances(IdracRequests.uri("DCIM_SystemView"), EnumerateOptions.defaults())).hasSize(1);
        idracBmc.clearFaults();
    }

    @Test
    void wrongPasswordReadsAuthFailed() {
        assertThat(new AmtProfile(session(amtBmc, "wrong", Duration.ofSeconds(5))).powerState().state())
                .isEqualTo(PowerState.AUTH_FAILED);
    }

    @Test
    void aChangedCertificateIsRejectedUntilReTrusted() {
        String before = amtBmc.certificateSha256();
        amtBmc.rotateCertificate();
        try (WsmanClient fresh = WsmanClient.create()) {
            WsmanSession pinned = fresh.session(WsmanEndpoint.builder(URI.create(amtBmc.url()),
                    new Credentials(amtBmc.username(), amtBmc.password()))
                    .auth(AuthScheme.DIGEST).trust(new TrustPolicy.Pinned(before)).maxRetries(0).build());
            assertThatThrownBy(() -> pinned.get(io.lightsout.wsman.amt.AmtRequests.ASSOCIATED_POWER, SelectorSet.EMPTY))
                    .isInstanceOfSatisfying(WsmanTlsException.class, e -> {
                        assertThat(e.kind()).isEqualTo(WsmanTlsException.Kind.CERTIFICATE_CHANGED);
                        assertThat(e.presentedSha256()).contains(amtBmc.certificateSha256());
                    });
            WsmanSession reTrusted = fresh.session(WsmanEndpoint.builder(URI.create(amtBmc.url()),
                    new Credentials(amtBmc.username(), amtBmc.password()))
                    .auth(AuthScheme.DIGEST).trust(new TrustPolicy.Pinned(amtBmc.certificateSha256())).build());
            CimInstance apms = reTrusted.get(io.lightsout.wsman.amt.AmtRequests.ASSOCIATED_POWER, SelectorSet.EMPTY);
            assertThat(apms.get("PowerState")).isPresent();
        }
    }

    private void assertFault(Fault fault, Runnable call, Class<? extends Exception> expected) {
        idracBmc.clearFaults();
        idracBmc.inject(fault);
        try {
            assertThatThrownBy(call::run).as(fault.toString()).isInstanceOf(expected);
        } finally {
            idracBmc.clearFaults();
        }
    }
}
