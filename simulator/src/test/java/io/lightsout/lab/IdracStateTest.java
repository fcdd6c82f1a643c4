package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Power transitions, LC jobs and OS deployment of the simulated iDRAC, on a manual clock. */
class IdracStateTest {
    static final String CS = TestClient.DCIM + "DCIM_ComputerSystem";
    static final String PWR = TestClient.DCIM + "DCIM_CSPowerManagementService";
    static final String LC = TestClient.DCIM + "DCIM_LCService";
    static final String SIS = TestClient.DCIM + "DCIM_SoftwareInstallationService";
    static final String JOBS = TestClient.DCIM + "DCIM_JobService";
    static final String OSD = TestClient.DCIM + "DCIM_OSDeploymentService";
    static final String LCJOB = TestClient.DCIM + "DCIM_LifecycleJob";

    ManualClock clock;
    Lab lab;
    SimulatedBmc bmc;
    TestClient c;

    @BeforeEach
    void start() {
        clock = new ManualClock();
        lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0).clock(clock)
                .powerDelay(Duration.ofSeconds(20)).jobDurations(Duration.ofSeconds(30), Duration.ofSeconds(60))
                .start();
        bmc = lab.bmcs().get(0);
        c = new TestClient(bmc);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    String enabledState() throws Exception {
        return TestClient.text(c.enumerate(CS, true, 10).body(), "EnabledState");
    }

    String lc(String field) throws Exception {
        return TestClient.text(c.invoke(LC, "GetRemoteServicesAPIStatus", null, "").body(), field);
    }

    @Test
    void powerOnTakesTheConfiguredDelayAndIsVisibleOnlyAfterIt() throws Exception {
        assertThat(enabledState()).isEqualTo("3");
        TestClient.Resp r = c.invoke(CS, "RequestStateChange",
                TestClient.sel("CreationClassName", "DCIM_ComputerSystem") + TestClient.sel("Name", "srv:system"),
                "<p:RequestedState>2</p:RequestedState>");
        assertThat(TestClient.text(r.body(), "ReturnValue")).isEqualTo("0");
        assertThat(r.body()).contains("RequestStateChange_OUTPUT");
        assertThat(enabledState()).isEqualTo("3");
        assertThat(lc("ServerStatus")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(19));
        assertThat(bmc.powerState()).isEqualTo(PowerState.OFF);
        clock.advance(Duration.ofSeconds(1));
        assertThat(enabledState()).isEqualTo("2");
        assertThat(lc("ServerStatus")).isEqualTo("2");
        assertThat(TestClient.text(c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 5).body(), "PowerState"))
                .isEqualTo("2");
        assertThat(bmc.boots()).isEqualTo(1);

        TestClient.Resp again = c.invoke(CS, "RequestStateChange", null, "<p:RequestedState>2</p:RequestedState>");
        assertThat(TestClient.text(again.body(), "ReturnValue")).isEqualTo("2");
        assertThat(TestClient.text(again.body(), "MessageID")).isEqualTo("SYS021");
    }

    @Test
    void powerServiceGracefulOffAndHardReset() throws Exception {
        bmc.setPowerState(PowerState.ON);
        TestClient.Resp off = c.invoke(PWR, "RequestPowerStateChange", null, "<p:PowerState>12</p:PowerState>");
        assertThat(TestClient.text(off.body(), "ReturnValue")).isEqualTo("0");
        clock.advance(Duration.ofSeconds(10));
        assertThat(bmc.powerState()).isEqualTo(PowerState.ON);
        clock.advance(Duration.ofSeconds(10));
        assertThat(bmc.powerState()).isEqualTo(PowerState.OFF);

        TestClient.Resp reset = c.invoke(PWR, "RequestPowerStateChange", null, "<p:PowerState>10</p:PowerState>");
        assertThat(TestClient.text(reset.body(), "ReturnValue")).isEqualTo("2");
        bmc.setPowerState(PowerState.ON);
        int boots = bmc.boots();
        c.invoke(PWR, "RequestPowerStateChange", null, "<p:PowerState>10</p:PowerState>");
        clock.advance(Duration.ofSeconds(5));
        assertThat(bmc.boots()).isEqualTo(boots + 1);
        assertThat(bmc.powerState()).isEqualTo(PowerState.ON);
    }

    @Test
    void firmwareUpdateJobProgressesThroughTheQueueAndChangesTheVersion() throws Exception {
        bmc.setPowerState(PowerState.ON);
        String target = "<p:Target><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
                + "</wsa:Address><wsa:ReferenceParameters><wsman:ResourceURI>" + TestClient.DCIM
                + "DCIM_SoftwareIdentity</wsman:ResourceURI><wsman:SelectorSet><wsman:Selector Name=\"InstanceID\">"
                + "DCIM:INSTALLED#159__BIOS.Setup.1-1</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters>"
                + "</p:Target>";
        TestClient.Resp r = c.invoke(SIS, "InstallFromURI", null,
                "<p:URI>nfs://127.0.0.1/BIOS_8MRPC_LN64_2.13.3.BIN;mountpoint=/export/firmware</p:URI>" + target);
        assertThat(TestClient.text(r.body(), "ReturnValue")).isEqualTo("4096");
        String jid = TestClient.text(r.body(), "Selector");
        assertThat(jid).matches("JID_\\d{12}");

        assertThat(jobStatus(jid)).isEqualTo("Downloading");
        assertThat(lc("LCStatus")).isEqualTo("5");
        assertThat(lc("MessageID")).isEqualTo("LC060");
        clock.advance(Duration.ofSeconds(31));
        assertThat(jobStatus(jid)).isEqualTo("Downloaded");
        assertThat(lc("MessageID")).isEqualTo("LC061");
        String staged = c.enumerate(TestClient.DCIM + "DCIM_SoftwareIdentity", true, 50).body();
        assertThat(staged).contains("<n1:InstanceID>DCIM:AVAILABLE#159__BIOS.Setup.1-1</n1:InstanceID><n1:IsEntity>true"
                + "</n1:IsEntity><n1:Status>Available</n1:Status><n1:Updateable>true</n1:Updateable>"
                + "<n1:VersionString>2.13.3</n1:VersionString>");

        String rid = TestClient.text(c.invoke(JOBS, "CreateRebootJob", null,
                "<p:RebootJobType>3</p:RebootJobType>").body(), "Selector");
        assertThat(rid).startsWith("RID_");
        TestClient.Resp q = c.invoke(JOBS, "SetupJobQueue", null, "<p:JobArray>" + jid + "</p:JobArray><p:JobArray>"
                + rid + "</p:JobArray><p:StartTimeInterval>TIME_NOW</p:StartTimeInterval>");
        assertThat(TestClient.text(q.body(), "ReturnValue")).isEqualTo("0");
        assertThat(jobStatus(jid)).isEqualTo("Running");
        assertThat(lc("Status")).isEqualTo("1");
        assertThat(bmc.firmwareVersion("BIOS.Setup.1-1")).isEqualTo("2.12.2");
        clock.advance(Duration.ofSeconds(61));
        assertThat(jobStatus(jid)).isEqualTo("Completed");
        assertThat(jobStatus(rid)).isEqualTo("Reboot Completed");
        assertThat(bmc.firmwareVersion("BIOS.Setup.1-1")).isEqualTo("2.13.3");
        String after = c.enumerate(TestClient.DCIM + "DCIM_SoftwareIdentity", true, 50).body();
        assertThat(after).doesNotContain("DCIM:AVAILABLE#")
                .contains("<n1:InstanceID>DCIM:PREVIOUS#159__BIOS.Setup.1-1</n1:InstanceID>")
                .contains("<n1:VersionString>2.12.2</n1:VersionString>");
        assertThat(TestClient.text(c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 5).body(),
                "BIOSVersionString")).isEqualTo("2.13.3");
        clock.advance(Duration.ofSeconds(30));
        assertThat(bmc.boots()).isEqualTo(1);

        TestClient.Resp missing = c.invoke(JOBS, "SetupJobQueue", null, "<p:JobArray>JID_000000000001</p:JobArray>");
        assertThat(TestClient.text(missing.body(), "ReturnValue")).isEqualTo("2");
    }

    @Test
    void idracFirmwareAppliesWithoutAQueueAndACorruptPackageFails() throws Exception {
        String idracTarget = target("DCIM:INSTALLED#iDRAC.Embedded.1-1#IDRACinfo");
        String jid = TestClient.text(c.invoke(SIS, "InstallFromURI", null,
                "<p:URI>http://127.0.0.1/iDRAC-with-Lifecycle-Controller_Firmware_5.10.50.00_A00.EXE</p:URI>"
                        + idracTarget).body(), "Selector");
        clock.advance(Duration.ofSeconds(31));
        assertThat(jobStatus(jid)).isEqualTo("Running");
        clock.advance(Duration.ofSeconds(60));
        assertThat(jobStatus(jid)).isEqualTo("Completed");
        assertThat(bmc.firmwareVersion("iDRAC.Embedded.1-1")).isEqualTo("5.10.50.00");

        String bad = TestClient.text(c.invoke(SIS, "InstallFromURI", null,
                "<p:URI>http://127.0.0.1/corrupt_6.00.00.00.EXE</p:URI>" + idracTarget).body(), "Selector");
        clock.advance(Duration.ofSeconds(100));
        assertThat(jobStatus(bad)).isEqualTo("Failed");
        assertThat(bmc.firmwareVersion("iDRAC.Embedded.1-1")).isEqualTo("5.10.50.00");

        TestClient.Resp noTarget = c.invoke(SIS, "InstallFromURI", null, "<p:URI>http://x/y.EXE</p:URI>"
                + target("DCIM:INSTALLED#1__Nope"));
        assertThat(TestClient.text(noTarget.body(), "ReturnValue")).isEqualTo("2");

        TestClient.Resp del = c.invoke(JOBS, "DeleteJobQueue", null, "<p:JobID>JID_CLEARALL</p:JobID>");
        assertThat(TestClient.text(del.body(), "ReturnValue")).isEqualTo("0");
        assertThat(TestClient.count(c.enumerate(LCJOB, true, 50).body(), "DCIM_LifecycleJob")).isZero();
    }

    @Test
    void bootToNetworkIsoAttachesBootsAndDetaches() throws Exception {
        bmc.setPowerState(PowerState.ON);
        TestClient.Resp r = c.invoke(OSD, "BootToNetworkISO", null, "<p:IPAddress>127.0.0.1</p:IPAddress>"
                + "<p:ShareName>/export/iso</p:ShareName><p:ShareType>0</p:ShareType>"
                + "<p:ImageName>rescue.iso</p:ImageName><p:ExposeDuration>00000000002200.000000:000</p:ExposeDuration>");
        assertThat(TestClient.text(r.body(), "ReturnValue")).isEqualTo("4096");
        assertThat(TestClient.text(r.body(), "Selector")).isEqualTo("DCIM_OSDConcreteJob:1");
        TestClient.Resp info = c.invoke(OSD, "GetNetworkISOImageConnectionInfo", null, "");
        assertThat(TestClient.text(info.body(), "HostAttachedStatus")).isEqualTo("1");
        assertThat(TestClient.text(info.body(), "ImageName")).isEqualTo("rescue.iso");
        clock.advance(Duration.ofSeconds(61));
        assertThat(bmc.lastBootSource()).isEqualTo("ISO:nfs://127.0.0.1/export/iso/rescue.iso");
        assertThat(TestClient.text(c.enumerate(TestClient.DCIM + "DCIM_OSDConcreteJob", true, 5).body(), "JobStatus"))
                .isEqualTo("Success");

        assertThat(TestClient.text(c.invoke(OSD, "DetachISOImage", null, "").body(), "ReturnValue")).isEqualTo("0");
        TestClient.Resp again = c.invoke(OSD, "DetachISOImage", null, "");
        assertThat(TestClient.text(again.body(), "ReturnValue")).isEqualTo("2");
        assertThat(TestClient.text(again.body(), "MessageID")).isEqualTo("OSD32");
        // UserName / Username are both accepted; missing ShareName is an error with a message
        TestClient.Resp bad = c.invoke(OSD, "ConnectNetworkISOImage", null, "<p:IPAddress>127.0.0.1</p:IPAddress>"
                + "<p:ShareType>0</p:ShareType><p:ImageName>x.iso</p:ImageName><p:Username>u</p:Username>");
        assertThat(TestClient.text(bad.body(), "ReturnValue")).isEqualTo("2");
    }

    private String jobStatus(String id) throws Exception {
        TestClient.Resp r = c.post(TestClient.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", LCJOB,
                TestClient.sel("InstanceID", id), null));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return TestClient.text(r.body(), "JobStatus");
    }

    private static String target(String instanceId) {
        return "<p:Target><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address>"
                + "<wsa:ReferenceParameters><wsman:ResourceURI>" + TestClient.DCIM + "DCIM_SoftwareIdentity"
                + "</wsman:ResourceURI><wsman:SelectorSet><wsman:Selector Name=\"InstanceID\">" + instanceId
                + "</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></p:Target>";
    }
}
