package io.lightsout.wsman.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.Envelopes;
import io.lightsout.wsman.Request;
import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.testing.RequestShape;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Our AMT requests match those Intel's toolkit generates (amt/requests), call for call. */
class AmtGoldenRequestsTest {

    private static final Map<String, Request> OURS = new LinkedHashMap<>();

    static {
        for (int v : new int[] {2, 8, 10, 5}) {
            String suffix = switch (v) {
                case 2 -> "2_poweron";
                case 8 -> "8_poweroff_soft";
                case 10 -> "10_masterbusreset";
                default -> "5_powercycle_offsoft";
            };
            OURS.put("cim_powermanagementservice_requestpowerstatechange_" + suffix, AmtRequests.requestPowerStateChange(v));
        }
        OURS.put("cim_associatedpowermanagementservice_get", AmtRequests.powerState());
        OURS.put("cim_associatedpowermanagementservice_enumerate", AmtRequests.enumerate(AmtRequests.ASSOCIATED_POWER));
        OURS.put("amt_generalsettings_get", AmtRequests.generalSettings());
        OURS.put("amt_bootsettingdata_get", AmtRequests.bootSettingData());
        OURS.put("amt_bootsettingdata_put", AmtRequests.putBootSettingData(putFixture()));
        OURS.put("cim_bootservice_setbootconfigrole", AmtRequests.setBootConfigRole(1));
        OURS.put("cim_bootconfigsetting_changebootorder_pxe", AmtRequests.changeBootOrder(BootTarget.PXE.bootSource()));
        OURS.put("cim_softwareidentity_enumerate", AmtRequests.enumerate(AmtRequests.SOFTWARE_IDENTITY));
        OURS.put("cim_softwareidentity_pull", AmtRequests.pull(AmtRequests.SOFTWARE_IDENTITY,
                "E2020000-0000-0000-0000-000000000000"));
        OURS.put("amt_ethernetportsettings_enumerate", AmtRequests.enumerate(AmtRequests.ETHERNET_PORT));
    }

    /** The toolkit's own unit-test object for BootSettingData.Put (see wsman-golden/README.md). */
    private static CimInstance putFixture() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("BIOSLastStatus", List.of("2", "0"));
        for (String f : List.of("BIOSPause", "BIOSSetup")) {
            p.put(f, List.of("false"));
        }
        p.put("BootMediaIndex", List.of("0"));
        p.put("ConfigurationDataReset", List.of("false"));
        p.put("ElementName", List.of("Intel(r) AMT Boot Configuration Settings"));
        p.put("EnforceSecureBoot", List.of("false"));
        p.put("FirmwareVerbosity", List.of("0"));
        p.put("ForcedProgressEvents", List.of("false"));
        p.put("IDERBootDevice", List.of("0"));
        p.put("InstanceID", List.of("Intel(r) AMT:BootSettingData 0"));
        for (String f : List.of("LockKeyboard", "LockPowerButton", "LockResetButton", "LockSleepButton")) {
            p.put(f, List.of("false"));
        }
        p.put("OptionsCleared", List.of("true"));
        p.put("OwningEntity", List.of("Intel(r) AMT"));
        for (String f : List.of("ReflashBIOS", "SecureErase", "UseIDER", "UseSOL", "UseSafeMode", "UserPasswordBypass")) {
            p.put(f, List.of("false"));
        }
        p.put("UEFIBootNumberOfParams", List.of("1"));
        p.put("UEFIBootParametersArray", List.of("1"));
        return new CimInstance(AmtRequests.BOOT_SETTING_DATA, "AMT_BootSettingData", p, null);
    }

    static String ours(Request r) {
        return Envelopes.envelope(r, new Envelopes.Addressing("/wsman", "uuid:1", Duration.ofSeconds(60), 512_000,
                "en-US"));
    }

    @Test
    void everyGeneratedRequestHasAnIdenticalCallOfOurs() throws Exception {
        List<String> files;
        try (Stream<java.nio.file.Path> s = Files.list(Golden.root().resolve("amt/requests"))) {
            files = s.map(p -> p.getFileName().toString().replace(".xml", "")).sorted().toList();
        }
        assertThat(OURS.keySet()).containsExactlyInAnyOrderElementsOf(files);
        for (String f : files) {
            RequestShape theirs = RequestShape.of(Golden.text("amt/requests/" + f + ".xml"));
            assertThat(RequestShape.of(ours(OURS.get(f)))).as(f).isEqualTo(theirs);
        }
    }

    @Test
    void theShapeComparisonNoticesADifferentValue() {
        RequestShape theirs = RequestShape.of(Golden.text(
                "amt/requests/cim_powermanagementservice_requestpowerstatechange_2_poweron.xml"));
        assertThat(RequestShape.of(ours(AmtRequests.requestPowerStateChange(8)))).isNotEqualTo(theirs);
    }
}
