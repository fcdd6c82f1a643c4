package io.lightsout.wsman.idrac;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EnumeratedItem;
import io.lightsout.wsman.Responses;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.xml.SecureXml;
import io.lightsout.wsman.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdracMapperTest {

    private static XmlElement body(String file) throws Exception {
        return Responses.body("t", SecureXml.parse(Golden.bytes("idrac/responses/" + file)));
    }

    private static List<CimInstance> items(String file) throws Exception {
        return Responses.page("t", body(file)).items().stream().map(EnumeratedItem::instance).toList();
    }

    @Test
    void lcReadyAndNotReady() throws Exception {
        LcStatus ready = IdracMapper.lcStatus(Responses.invoke("t", "GetRemoteServicesAPIStatus",
                body("lc_getremoteservicesapistatus_ready.xml")));
        assertThat(ready.ready()).isTrue();
        assertThat(ready.messageId()).isEqualTo("LC061");
        assertThat(ready.serverStatus()).isEqualTo(2);
        LcStatus notReady = IdracMapper.lcStatus(Responses.invoke("t", "GetRemoteServicesAPIStatus",
                body("lc_getremoteservicesapistatus_not_ready.xml")));
        assertThat(notReady.ready()).isFalse();
        assertThat(notReady.messageId()).isEqualTo("LC060");
    }

    @Test
    void powerStateFromComputerSystem() throws Exception {
        assertThat(IdracMapper.powerState(items("computer_system-enum-ok.xml")).state()).isEqualTo(PowerState.ON);
        assertThat(IdracMapper.powerState(List.of()).state()).isEqualTo(PowerState.UNKNOWN);
    }

    @Test
    void inventoryViews() throws Exception {
        Inventory.SystemInfo sys = IdracMapper.system(items("system_view-enum-ok.xml").getFirst());
        assertThat(sys.serviceTag()).isEqualTo("A1B2C3D");
        assertThat(sys.model()).isEqualTo("PowerEdge R630");
        Inventory.Cpu cpu = IdracMapper.cpu(items("cpu_view-enum-ok.xml").getFirst());
        assertThat(cpu.fqdd()).isEqualTo("CPU.Socket.1");
        assertThat(cpu.cores()).isEqualTo(6);
        assertThat(cpu.currentSpeedMhz()).isEqualTo(2400);
        Inventory.Memory dimm = IdracMapper.memory(items("memory_view-enum-ok.xml").getFirst());
        assertThat(dimm.sizeMib()).isEqualTo(16384);
        assertThat(dimm.partNumber()).isEqualTo("M393A2G40DB0-CPB");
        List<Inventory.Nic> nics = items("nic_view-enum-ok.xml").stream().map(IdracMapper::nic).toList();
        assertThat(nics).hasSize(4);
        assertThat(nics.getFirst().currentMac()).isEqualTo("B0:83:FE:C6:6F:A1");
        List<Inventory.PhysicalDisk> disks = items("physical_disk_view-enum-ok.xml").stream()
                .map(IdracMapper::disk).toList();
        assertThat(disks).hasSize(6);
        assertThat(disks.getFirst().sizeBytes()).isEqualTo(599550590976L);
        assertThat(disks.getFirst().serialNumber()).isEqualTo("S0M3EVL6");
    }

    @Test
    void lifecycleJobs() throws Exception {
        List<LifecycleJob> jobs = items("lifecycle_job-enum-ok.xml").stream().map(IdracMapper::job).toList();
        assertThat(jobs).extracting(LifecycleJob::status).containsExactly(JobStatus.PENDING, JobStatus.COMPLETED,
                JobStatus.COMPLETED, JobStatus.COMPLETED, JobStatus.COMPLETED, JobStatus.RUNNING);
        assertThat(jobs.getLast().percentComplete()).isEqualTo(34);
        assertThat(jobs.getLast().messageId()).isEqualTo("PR20");
    }

    @ParameterizedTest
    @CsvSource({"Completed,COMPLETED", "Reboot Completed,COMPLETED", "Completed with Errors,COMPLETED_WITH_ERRORS",
            "Failed,FAILED", "Reboot Failed,FAILED", "Scheduled,PENDING", "New,PENDING", "Downloading,RUNNING",
            "Running,RUNNING", "Success,COMPLETED", "Something else,UNKNOWN"})
    void jobStatusStrings(String raw, JobStatus expected) {
        assertThat(JobStatus.of(raw)).isEqualTo(expected);
    }

    @Test
    void jobIdFromAMethodThatStartedAJob() throws Exception {
        assertThat(IdracMapper.jobId(Responses.invoke("t", "CreateTargetedConfigJob",
                body("bios_service-invoke-create_targeted_config_job-ok.xml")))).contains("JID_442507917525");
    }
}
