package io.lightsout.wsman.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.Responses;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.xml.SecureXml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AmtMapperTest {

    @ParameterizedTest
    @CsvSource({"2,ON", "3,SLEEP", "4,SLEEP", "7,HIBERNATE", "6,OFF", "8,OFF", "12,OFF", "13,OFF", "5,UNKNOWN",
            "10,UNKNOWN", "1,UNKNOWN"})
    void powerStateValues(int value, PowerState expected) {
        CimInstance i = new CimInstance("x", "CIM_AssociatedPowerManagementService",
                Map.of("PowerState", List.of(Integer.toString(value))), null);
        assertThat(AmtMapper.powerState(i).state()).isEqualTo(expected);
        assertThat(AmtMapper.powerState(i).rawValue()).hasValue(value);
    }

    @Test
    void missingPowerStateIsUnknownWithoutAValue() {
        CimInstance i = new CimInstance("x", "CIM_AssociatedPowerManagementService", Map.of(), null);
        assertThat(AmtMapper.powerState(i).state()).isEqualTo(PowerState.UNKNOWN);
        assertThat(AmtMapper.powerState(i).rawValue()).isEmpty();
    }

    @Test
    void enumeratedPowerServiceFromThePullResponse() throws Exception {
        CimInstance apms = Responses.page("t", Responses.body("t", SecureXml.parse(Golden.bytes(
                "amt/responses/cim/associatedpower/managementservice/pull.xml")))).items().getFirst().instance();
        assertThat(AmtMapper.powerState(apms).state()).isEqualTo(PowerState.ON);
    }

    @Test
    void bootSettingsForKeepEveryOtherProperty() throws Exception {
        CimInstance current = Responses.instance("t", Responses.body("t", SecureXml.parse(Golden.bytes(
                "amt/responses/amt/boot/settingdata/get.xml"))));
        CimInstance bios = AmtMapper.bootSettingsFor(current, BootTarget.BIOS_SETUP);
        assertThat(bios.get("BIOSSetup")).contains("true");
        assertThat(bios.get("UseIDER")).contains("false");
        assertThat(bios.values("BIOSLastStatus")).containsExactly("2", "0");
        assertThat(bios.properties().keySet()).containsAll(current.properties().keySet());
    }

    private static List<CimInstance> pulled(String path) throws Exception {
        return Responses.page("t", Responses.body("t", SecureXml.parse(Golden.bytes("amt/responses/" + path))))
                .items().stream().map(i -> i.instance()).toList();
    }

    @Test
    void systemIdentityFromTheRecordedChassisAndBios() throws Exception {
        Hardware.SystemIdentity s = AmtMapper.system(pulled("cim/chassis/pull.xml"),
                pulled("cim/bios/element/pull.xml"));
        assertThat(s).isEqualTo(new Hardware.SystemIdentity("Intel(R) Client Systems", "NUC9V7QNX", "JRQN0243007J",
                "QNCFLX70.0054.2020.0810.2227"));
    }

    @Test
    void cpusJoinProcessorAndChipByTag() throws Exception {
        assertThat(AmtMapper.cpus(pulled("cim/physical/processor/pull.xml"), pulled("cim/chip/pull.xml")))
                .containsExactly(new Hardware.Cpu("CPU 0", "Intel(R) Core(TM) i7-9850H CPU @ 2.60GHz",
                        "Intel(R) Corporation", 8300, 2400));
        assertThat(AmtMapper.cpus(pulled("cim/physical/processor/pull.xml"), List.of()))
                .singleElement().satisfies(c -> assertThat(c.model()).isEmpty());
    }

    @Test
    void memoryModulesAndTotalFromTheRecordedModules() throws Exception {
        List<Hardware.MemoryModule> m = AmtMapper.memory(pulled("cim/physical/memory/pull.xml"));
        assertThat(m).extracting(Hardware.MemoryModule::bank).containsExactly("BANK 0", "BANK 2");
        assertThat(m.getFirst()).isEqualTo(new Hardware.MemoryModule("BANK 0", 16384, 2400, "859B",
                "CT16G4SFD824A.M16FE", "E0E8D670"));
        assertThat(new Hardware(AmtMapper.system(List.of(), List.of()), List.of(), m, List.of()).memoryMib())
                .isEqualTo(32768);
    }

    @Test
    void disksFromTheRecordedMediaAccessDevices() throws Exception {
        List<Hardware.Disk> d = AmtMapper.disks(pulled("cim/mediaaccess/pull.xml"));
        assertThat(d).extracting(Hardware.Disk::deviceId).containsExactly("MEDIA DEV 0", "MEDIA DEV 1");
        assertThat(d).extracting(Hardware.Disk::sizeGb).containsExactly(960L, 500L);
    }

    @Test
    void emptyClassesGiveBlankIdentityNotAFailure() {
        assertThat(AmtMapper.system(List.of(), List.of()))
                .isEqualTo(new Hardware.SystemIdentity("", "", "", ""));
    }

    @Test
    void macsAreUpperCaseWithColonsAndTheZeroMacIsNotAMac() throws Exception {
        List<EthernetPort> ports = pulled("amt/ethernetport/pull.xml").stream().map(AmtMapper::ethernetPort).toList();
        assertThat(ports.getFirst().mac()).isEqualTo("00:BE:43:D8:22:A4");
        assertThat(ports.getFirst().hasMac()).isTrue();
        CimInstance zero = new CimInstance("x", "AMT_EthernetPortSettings",
                Map.of("MACAddress", List.of("00-00-00-00-00-00")), null);
        assertThat(AmtMapper.ethernetPort(zero).hasMac()).isFalse();
    }
}
