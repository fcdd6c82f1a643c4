package io.lightsout.wsman.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.profile.PowerAction;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.testing.Replay;
import io.lightsout.wsman.testing.RequestShape;
import io.lightsout.wsman.testing.TestAuth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMT profile against a Digest-protected loopback BMC replaying recorded AMT responses. */
class AmtProfileTest {

    private static final String R = "amt/responses/";
    private final Replay replay = new Replay()
            .on("Get", "CIM_AssociatedPowerManagementService", R + "cim/associatedpower/managementservice/get.xml")
            .on("RequestPowerStateChange", "CIM_PowerManagementService",
                    R + "cim/power/managementservice/requestpowerstatechange.xml")
            .on("Get", "AMT_GeneralSettings", R + "amt/general/get.xml")
            .on("Get", "AMT_BootSettingData", R + "amt/boot/settingdata/get.xml")
            .on("Put", "AMT_BootSettingData", R + "amt/boot/settingdata/put.xml")
            .on("ChangeBootOrder", "CIM_BootConfigSetting", R + "cim/boot/configsetting/changebootorder.xml")
            .on("SetBootConfigRole", "CIM_BootService", R + "cim/boot/service/setbootconfigrole.xml")
            .on("Enumerate", "CIM_SoftwareIdentity", R + "cim/software/identity/enumerate.xml")
            .on("Pull", "CIM_SoftwareIdentity", R + "cim/software/identity/pull.xml")
            .on("Enumerate", "AMT_EthernetPortSettings", R + "amt/ethernetport/enumerate.xml")
            .on("Pull", "AMT_EthernetPortSettings", R + "amt/ethernetport/pull.xml")
            .on("Enumerate", "CIM_Chassis", R + "cim/chassis/enumerate.xml")
            .on("Pull", "CIM_Chassis", R + "cim/chassis/pull.xml")
            .on("Enumerate", "CIM_BIOSElement", R + "cim/bios/element/enumerate.xml")
            .on("Pull", "CIM_BIOSElement", R + "cim/bios/element/pull.xml")
            .on("Enumerate", "CIM_Processor", R + "cim/physical/processor/enumerate.xml")
            .on("Pull", "CIM_Processor", R + "cim/physical/processor/pull.xml")
            .on("Enumerate", "CIM_Chip", R + "cim/chip/enumerate.xml")
            // the recorded chip Pull has a context and no EndOfSequence (a paged capture): end it here
            .onXml("Pull", "CIM_Chip", Golden.text(R + "cim/chip/pull.xml").replaceFirst(
                    "<g:EnumerationContext>[^<]*</g:EnumerationContext>", "")
                    .replace("</g:Items>", "</g:Items><g:EndOfSequence/>"))
            .on("Enumerate", "CIM_PhysicalMemory", R + "cim/physical/memory/enumerate.xml")
            .on("Pull", "CIM_PhysicalMemory", R + "cim/physical/memory/pull.xml")
            .on("Enumerate", "CIM_MediaAccessDevice", R + "cim/mediaaccess/enumerate.xml")
            .on("Pull", "CIM_MediaAccessDevice", R + "cim/mediaaccess/pull.xml");
    private FakeBmc bmc;
    private WsmanClient client;
    private AmtProfile amt;

    @BeforeEach
    void start() throws Exception {
        bmc = FakeBmc.http(new TestAuth.Digest("admin", "P@ssw0rd", replay));
        client = WsmanClient.create();
        amt = new AmtProfile(client.session(WsmanEndpoint.builder(bmc.url(), new Credentials("admin", "P@ssw0rd"))
                .auth(AuthScheme.DIGEST).build()));
    }

    @AfterEach
    void stop() {
        client.close();
        bmc.close();
    }

    @Test
    void powerStateIsReadWithOneGet() {
        PowerReading r = amt.powerState();
        assertThat(r.state()).isEqualTo(PowerState.ON);
        assertThat(r.rawValue()).hasValue(2);
        assertThat(amt.powerState().state()).isEqualTo(PowerState.ON);
        assertThat(bmc.requests()).hasSize(3); // one challenge, then one request per reading
    }

    @Test
    void wrongPasswordIsAuthFailedNotUnknown() throws Exception {
        try (WsmanClient c = WsmanClient.create()) {
            AmtProfile wrong = new AmtProfile(c.session(WsmanEndpoint.builder(bmc.url(),
                    new Credentials("admin", "nope")).build()));
            PowerReading r = wrong.powerState();
            assertThat(r.state()).isEqualTo(PowerState.AUTH_FAILED);
            assertThat(r.detail()).doesNotContain("nope");
        }
    }

    @Test
    void requestPowerStateSendsTheToolkitsRequest() {
        assertThat(amt.requestPowerState(PowerAction.ON).returnValue()).hasValue(0);
        assertThat(RequestShape.of(bmc.requests().getLast().body())).isEqualTo(RequestShape.of(Golden.text(
                "amt/requests/cim_powermanagementservice_requestpowerstatechange_2_poweron.xml")));
    }

    @Test
    void pxeBootOverrideRunsTheConsoleSequence() {
        amt.bootOverride(BootTarget.PXE);
        List<RequestShape> sent = bmc.requests().stream().skip(1).map(r -> RequestShape.of(r.body())).toList();
        assertThat(sent).extracting(s -> s.action().substring(s.action().lastIndexOf('/') + 1))
                .containsExactly("ChangeBootOrder", "Get", "Put", "SetBootConfigRole", "ChangeBootOrder");
        assertThat(sent.getFirst().body()).doesNotContain("Source");
        assertThat(sent.get(2).body()).contains("UseIDER[false]", "InstanceID[Intel(r) AMT:BootSettingData 0]");
        assertThat(sent.get(3)).isEqualTo(RequestShape.of(Golden.text("amt/requests/cim_bootservice_setbootconfigrole.xml")));
        assertThat(sent.get(4)).isEqualTo(RequestShape.of(Golden.text(
                "amt/requests/cim_bootconfigsetting_changebootorder_pxe.xml")));
    }

    @Test
    void iderBootSetsUseIderAndForcesNoBootSource() {
        amt.bootOverride(BootTarget.IDER_CD);
        List<RequestShape> sent = bmc.requests().stream().skip(1).map(r -> RequestShape.of(r.body())).toList();
        assertThat(sent).hasSize(4);
        assertThat(sent.get(2).body()).contains("UseIDER[true]", "IDERBootDevice[1]");
    }

    @Test
    void generalSettingsSoftwareAndPorts() {
        GeneralSettings g = amt.generalSettings();
        assertThat(g.digestRealm()).isEqualTo("Digest:F3EB554784E729164447A89F60B641C5");
        assertThat(g.hostName()).isEqualTo("Test Host Name");
        assertThat(g.networkEnabled()).isTrue();
        assertThat(amt.software()).contains(new SoftwareComponent("AMT", "12.0.67"));
        assertThat(amt.ethernetPorts()).first().satisfies(p -> {
            assertThat(p.mac()).isEqualTo("00:BE:43:D8:22:A4");
            assertThat(p.dhcpEnabled()).isTrue();
            assertThat(p.linkUp()).isTrue();
        });
    }

    @Test
    void hardwareIsReadWithEnumerateAndPullOfTheSixClasses() {
        Hardware hw = amt.hardware();
        assertThat(hw.system().model()).isEqualTo("NUC9V7QNX");
        assertThat(hw.system().serialNumber()).isEqualTo("JRQN0243007J");
        assertThat(hw.system().biosVersion()).isEqualTo("QNCFLX70.0054.2020.0810.2227");
        assertThat(hw.cpus()).singleElement().satisfies(c -> assertThat(c.model()).contains("i7-9850H"));
        assertThat(hw.memoryMib()).isEqualTo(32768);
        assertThat(hw.disks()).hasSize(2);
        assertThat(bmc.requests().stream().map(r -> r.body()).filter(b -> b.contains("/Pull<")).count())
                .isEqualTo(6);
    }
}
