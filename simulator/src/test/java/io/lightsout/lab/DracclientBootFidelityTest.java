package io.lightsout.lab;

import static io.lightsout.lab.DracclientFidelityTest.run;
import static io.lightsout.lab.DracclientFidelityTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.lab.idrac.BootMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fidelity check of the boot attributes: Debian's python3-dracclient reads the lab's BIOS and iDRAC attribute
 * classes with its own parsers and validation, sets OneTimeBootMode the way it validates it, and boots a UEFI host
 * into setup through {@code set_idrac_settings} + {@code commit_pending_idrac_changes}.
 */
class DracclientBootFidelityTest {

    private static final String SCRIPT = DracclientFidelityTest.PREAMBLE + """
            b = c.list_bios_settings()
            out("bootMode", b["BootMode"].current_value)
            out("uefiDevices", ";".join(b["OneTimeUefiBootSeqDev"].possible_values))
            out("uefiDevReadOnly", b["OneTimeUefiBootSeqDev"].read_only)
            try:
                c.set_bios_settings({"OneTimeBootMode": "OneTimeBootSeq"})
                out("legacyOnUefi", "accepted")
            except exceptions.DRACOperationFailed as e:
                out("legacyOnUefi", "refused")
            r = c.set_bios_settings({"OneTimeBootMode": "OneTimeUefiBootSeq"})
            out("biosCommit", r["is_commit_required"])
            out("pendingMode", c.list_bios_settings()["OneTimeBootMode"].pending_value)
            c.abandon_pending_bios_changes()
            i = c.list_idrac_settings(by_name=True)
            out("bootOnce", i["ServerBoot.1#BootOnce"].current_value)
            out("firstBoot0", i["ServerBoot.1#FirstBootDevice"].current_value)
            r = c.set_idrac_settings({"ServerBoot.1#BootOnce": "Enabled", "ServerBoot.1#FirstBootDevice": "BIOS"})
            out("idracCommit", r["is_commit_required"])
            out("job", c.commit_pending_idrac_changes())
            out("firstBoot1", c.list_idrac_settings(by_name=True)["ServerBoot.1#FirstBootDevice"].current_value)
            c.set_power_state("POWER_ON")
            for n in range(100):
                if c.get_power_state() == "POWER_ON":
                    break
                time.sleep(0.1)
            out("firstBoot2", c.list_idrac_settings(by_name=True)["ServerBoot.1#FirstBootDevice"].current_value)
            """;

    @Test
    void dracclientReadsTheBootAttributesAndBootsAUefiHostIntoSetup(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("boot.py");
        Files.writeString(script, SCRIPT);
        try (Lab lab = Lab.builder().idrac(1).amt(0).uefiEvery(1).base(TestClient.randomBase()).idracPort(0)
                .powerDelay(Duration.ofMillis(300)).start()) {
            SimulatedBmc bmc = lab.bmcs().get(0);
            assertThat(bmc.bootMode()).isEqualTo(BootMode.UEFI);
            String out = run(List.of("/usr/bin/python3", script.toString(), bmc.address(),
                    String.valueOf(bmc.port()), bmc.username(), bmc.password()), dir);
            assertThat(value(out, "bootMode")).isEqualTo("Uefi");
            assertThat(value(out, "uefiDevices")).startsWith("NIC.PxeDevice.1-1;");
            assertThat(value(out, "uefiDevReadOnly")).isEqualTo("True");
            assertThat(value(out, "legacyOnUefi")).isEqualTo("refused");
            assertThat(value(out, "biosCommit")).isEqualTo("True");
            assertThat(value(out, "pendingMode")).isEqualTo("OneTimeUefiBootSeq");
            assertThat(value(out, "bootOnce")).isEqualTo("Enabled");
            assertThat(value(out, "firstBoot0")).isEqualTo("Normal");
            assertThat(value(out, "idracCommit")).isEqualTo("True");
            assertThat(value(out, "job")).startsWith("JID_");
            assertThat(value(out, "firstBoot1")).isEqualTo("BIOS");
            assertThat(value(out, "firstBoot2")).isEqualTo("Normal");
            assertThat(bmc.lastBootSource()).isEqualTo("BIOS");
        }
    }
}
