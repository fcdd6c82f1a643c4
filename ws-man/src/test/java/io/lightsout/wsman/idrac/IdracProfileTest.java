package io.lightsout.wsman.idrac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.profile.MethodFailedException;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.Replay;
import io.lightsout.wsman.testing.RequestShape;
import io.lightsout.wsman.testing.Soap;
import io.lightsout.wsman.testing.TestAuth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The iDRAC profile against a Basic-auth loopback BMC replaying recorded iDRAC responses. */
class IdracProfileTest {

    private static final String R = "idrac/responses/";
    /** No recording of DCIM_SoftwareIdentity exists in wsman-golden; values as in Dell's LC guide. */
    private static final String SOFTWARE = Soap.envelope("<wsen:EnumerateResponse><wsman:Items>"
            + "<n1:DCIM_SoftwareIdentity xmlns:n1=\"" + Namespaces.DCIM_PREFIX + "DCIM_SoftwareIdentity\">"
            + "<n1:ComponentType>FRMW</n1:ComponentType><n1:ElementName>Integrated Dell Remote Access Controller"
            + "</n1:ElementName><n1:FQDD>iDRAC.Embedded.1-1</n1:FQDD>"
            + "<n1:InstanceID>DCIM:INSTALLED#iDRAC.Embedded.1-1#IDRACinfo</n1:InstanceID>"
            + "<n1:Status>Installed</n1:Status><n1:Updateable>true</n1:Updateable>"
            + "<n1:VersionString>2.70.70.70</n1:VersionString></n1:DCIM_SoftwareIdentity>"
            + "</wsman:Items><wsman:EndOfSequence/></wsen:EnumerateResponse>");
    private FakeBmc bmc;
    private WsmanClient client;
    private IdracProfile idrac;

    @BeforeEach
    void start() throws Exception {
        Replay replay = new Replay()
                .on("GetRemoteServicesAPIStatus", "DCIM_LCService", R + "lc_getremoteservicesapistatus_ready.xml")
                .on("Enumerate", "DCIM_ComputerSystem", R + "computer_system-enum-ok.xml")
                .on("RequestStateChange", "DCIM_ComputerSystem", R + "computer_system-invoke-request_state_change-ok.xml")
                .on("Enumerate", "DCIM_SystemView", R + "system_view-enum-ok.xml")
                .on("Enumerate", "DCIM_CPUView", R + "cpu_view-enum-ok.xml")
                .on("Enumerate", "DCIM_MemoryView", R + "memory_view-enum-ok.xml")
                .on("Enumerate", "DCIM_NICView", R + "nic_view-enum-ok.xml")
                .on("Enumerate", "DCIM_PhysicalDiskView", R + "physical_disk_view-enum-ok.xml")
                .onXml("Enumerate", "DCIM_SoftwareIdentity", SOFTWARE)
                .on("InstallFromURI", "DCIM_SoftwareInstallationService",
                        R + "bios_service-invoke-create_targeted_config_job-ok.xml")
                .on("SetAttributes", "DCIM_BIOSService", R + "bios_service-invoke-set_attributes-ok.xml")
                .on("CreateTargetedConfigJob", "DCIM_BIOSService",
                        R + "bios_service-invoke-create_targeted_config_job-ok.xml")
                .on("Enumerate", "DCIM_BIOSEnumeration", R + "bios_enumeration-enum-ok.xml")
                .on("SetAttributes", "DCIM_iDRACCardService", R + "idrac_service-invoke-set_attributes-ok.xml")
                .on("CreateTargetedConfigJob", "DCIM_iDRACCardService",
                        R + "bios_service-invoke-create_targeted_config_job-ok.xml")
                .on("CreateRebootJob", "DCIM_SoftwareInstallationService", R + "lc_service-invoke-create_config_job-error.xml");
        bmc = FakeBmc.http(TestAuth.basic("root", "calvin", replay));
        client = WsmanClient.create();
        idrac = new IdracProfile(client.session(WsmanEndpoint.builder(bmc.url(), new Credentials("root", "calvin"))
                .auth(AuthScheme.BASIC).build()));
    }

    @AfterEach
    void stop() {
        client.close();
        bmc.close();
    }

    @Test
    void readinessAndPower() {
        assertThat(idrac.remoteServicesStatus().ready()).isTrue();
        assertThat(idrac.powerState().state()).isEqualTo(PowerState.ON);
        assertThat(idrac.requestStateChange(3).returnValue()).hasValue(0);
        RequestShape sent = RequestShape.of(bmc.requests().getLast().body());
        assertThat(sent.selectors()).containsEntry("Name", "{http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd}Selector"
                + " Name=\"Name\"[srv:system]");
        assertThat(sent.body()).contains("RequestedState[3]");
    }

    @Test
    void inventoryReadsSixViews() {
        Inventory inv = idrac.inventory();
        assertThat(inv.system().serviceTag()).isEqualTo("A1B2C3D");
        assertThat(inv.cpus()).hasSize(1);
        assertThat(inv.nics()).hasSize(4);
        assertThat(inv.disks()).hasSize(6);
        assertThat(inv.firmware()).containsExactly(new Inventory.Firmware(
                "DCIM:INSTALLED#iDRAC.Embedded.1-1#IDRACinfo", "iDRAC.Embedded.1-1",
                "Integrated Dell Remote Access Controller", "2.70.70.70", "FRMW", "Installed", true));
        assertThat(bmc.requests()).hasSize(6);
    }

    @Test
    void installFromUriSendsTheTargetAsAnEprAndReturnsTheJob() {
        String job = idrac.installFromUri("nfs://10.0.0.1/fw/BIOS.EXE;mountpoint=/repo",
                "DCIM:INSTALLED#741__BIOS.Setup.1-1");
        assertThat(job).isEqualTo("JID_442507917525");
        String body = RequestShape.of(bmc.requests().getLast().body()).body();
        assertThat(body).contains("URI[nfs://10.0.0.1/fw/BIOS.EXE;mountpoint=/repo]",
                "{" + Namespaces.WSA + "}ReferenceParameters[", Namespaces.DCIM_PREFIX + "DCIM_SoftwareIdentity]",
                "Name=\"InstanceID\"[DCIM:INSTALLED#741__BIOS.Setup.1-1]");
    }

    @Test
    void bootOnceSetsTheOneTimeBootAttributesThenCreatesTheBiosConfigJob() {
        assertThat(idrac.bootOnce(IdracProfile.PXE_DEVICE, 0)).isEqualTo("JID_442507917525");
        String set = RequestShape.of(bmc.requests().get(bmc.requests().size() - 2).body()).body();
        assertThat(set).contains("AttributeName[OneTimeBootMode]", "AttributeValue[OneTimeBootSeq]",
                "AttributeName[OneTimeBootSeqDev]", "AttributeValue[NIC.Integrated.1-1-1]",
                "Target[BIOS.Setup.1-1]");
        RequestShape job = RequestShape.of(bmc.requests().getLast().body());
        assertThat(job.selectors().get("CreationClassName")).endsWith("[DCIM_BIOSService]");
        assertThat(job.body()).contains("Target[BIOS.Setup.1-1]", "ScheduledStartTime[TIME_NOW]")
                .doesNotContain("RebootJobType");
        idrac.bootOnce(IdracProfile.DISK_DEVICE, 3);
        assertThat(RequestShape.of(bmc.requests().getLast().body()).body()).contains("RebootJobType[3]");
        assertThatThrownBy(() -> idrac.bootOnce(IdracProfile.PXE_DEVICE, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordedBiosEnumerationGivesTheBootModeAndBothDeviceLists() {
        BootSettings s = idrac.bootSettings();
        assertThat(s.mode()).isEqualTo(BootSettings.Mode.BIOS);
        assertThat(s.biosDevices()).containsExactly("HardDisk.List.1-1", "Optical.SATAEmbedded.E-1",
                "NIC.Embedded.1-1-1");
        assertThat(s.uefiDevices()).startsWith("Optical.SATAEmbedded.E-1", "NIC.Embedded.1-1-1")
                .endsWith("Unknown.Unknown.6-1");
        assertThat(OneTimeBoot.network(s)).contains(OneTimeBoot.bios("NIC.Embedded.1-1-1"));
        assertThat(OneTimeBoot.disk(s)).contains(OneTimeBoot.bios("HardDisk.List.1-1"));
        // the same host switched to UEFI: the UEFI list, whose OS entry is the Windows Boot Manager
        BootSettings u = new BootSettings(BootSettings.Mode.UEFI, s.biosDevices(), s.uefiDevices());
        assertThat(OneTimeBoot.network(u)).contains(OneTimeBoot.uefi("NIC.Embedded.1-1-1"));
        assertThat(OneTimeBoot.disk(u)).contains(OneTimeBoot.uefi("Unknown.Unknown.6-1"));
        assertThat(OneTimeBoot.network(new BootSettings(BootSettings.Mode.UEFI, s.biosDevices(), List.of())))
                .isEmpty();
        assertThat(BootSettings.Mode.of(" uefi ")).isEqualTo(BootSettings.Mode.UEFI);
        assertThat(BootSettings.Mode.of("Legacy")).isNull();
    }

    @Test
    void aUefiBootOnceSetsTheUefiPair() {
        idrac.bootOnce(OneTimeBoot.uefi("NIC.PxeDevice.1-1"), 0);
        String set = RequestShape.of(bmc.requests().get(bmc.requests().size() - 2).body()).body();
        assertThat(set).contains("AttributeValue[OneTimeUefiBootSeq]", "AttributeName[OneTimeUefiBootSeqDev]",
                "AttributeValue[NIC.PxeDevice.1-1]").doesNotContain("OneTimeBootSeqDev");
    }

    @Test
    void bootOnceToSetupSetsTheIdracServerBootAttributesThenAnIdracConfigJob() {
        assertThat(idrac.bootOnceToSetup()).isEqualTo("JID_442507917525");
        RequestShape set = RequestShape.of(bmc.requests().get(bmc.requests().size() - 2).body());
        assertThat(set.selectors().get("CreationClassName")).endsWith("[DCIM_iDRACCardService]");
        assertThat(set.body()).contains("Target[iDRAC.Embedded.1]", "AttributeName[ServerBoot.1#BootOnce]",
                "AttributeValue[Enabled]", "AttributeName[ServerBoot.1#FirstBootDevice]", "AttributeValue[BIOS]");
        RequestShape job = RequestShape.of(bmc.requests().getLast().body());
        assertThat(job.selectors().get("CreationClassName")).endsWith("[DCIM_iDRACCardService]");
        assertThat(job.body()).contains("Target[iDRAC.Embedded.1]", "ScheduledStartTime[TIME_NOW]")
                .doesNotContain("RebootJobType");
    }

    @Test
    void aMethodErrorCarriesTheDevicesMessage() {
        assertThatThrownBy(() -> idrac.createRebootJob(1)).isInstanceOfSatisfying(MethodFailedException.class, e -> {
            assertThat(e.returnValue()).isEqualTo(2);
            assertThat(e.messageId()).contains("LC007");
            assertThat(e.getMessage()).contains("Configuration job already created");
        });
    }

    @Test
    void unreachableBmcReadsUnknown() throws Exception {
        FakeBmc faulty = FakeBmc.http(req -> FakeBmc.Reply.xml(500, Soap.fault("wsman:InternalError", "busy", "")));
        try (faulty) {
            IdracProfile p = new IdracProfile(client.session(WsmanEndpoint.builder(faulty.url(),
                    new Credentials("root", "calvin")).maxRetries(0).build()));
            assertThat(p.powerState().state()).isEqualTo(PowerState.UNKNOWN);
            assertThat(p.powerState().detail()).contains("InternalError");
        }
    }
}
