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
}
