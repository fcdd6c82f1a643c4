package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.lab.wsman.SoapParser;
import io.lightsout.lab.wsman.XmlElement;
import io.lightsout.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fidelity check for the simulated AMT: the request envelopes Intel's own library
 * ({@code @device-management-toolkit/wsman-messages}, in ../shared/wsman-golden/amt/requests) are POSTed with
 * Digest auth and must be understood and answered like a real AMT (recorded responses in amt/responses).
 */
class AmtGoldenRequestsTest {
    static final Path GOLDEN = Path.of(System.getProperty("lightsout.repo", ".."), "..", "shared", "wsman-golden",
            "amt");

    ManualClock clock;
    Lab lab;
    SimulatedBmc amt;
    TestClient c;

    @BeforeEach
    void start() {
        clock = new ManualClock();
        lab = Lab.builder().idrac(0).amt(1).base(TestClient.randomBase()).amtPort(0).clock(clock)
                .powerDelay(Duration.ofSeconds(4)).start();
        amt = lab.bmcs().get(0);
        c = new TestClient(amt);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    TestClient.Resp golden(String name) throws Exception {
        byte[] body = Files.readAllBytes(GOLDEN.resolve("requests").resolve(name + ".xml"));
        TestClient.Resp r = c.post(body, Duration.ofSeconds(10));
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(200);
        // AMT form: RelatesTo echoes the library's MessageID 0, replies carry uuid:00000000-8086-8086-8086-...
        assertThat(r.body()).contains(":RelatesTo>0</");
        assertThat(r.body()).containsPattern(":MessageID>uuid:00000000-8086-8086-8086-[0-9A-F]{12}</");
        return r;
    }

    @Test
    void powerRequestsFromTheLibraryDriveThePowerState() throws Exception {
        assertThat(TestClient.text(golden("cim_associatedpowermanagementservice_get").body(), "PowerState"))
                .isEqualTo("8");
        assertThat(returnValue(golden("cim_powermanagementservice_requestpowerstatechange_2_poweron"))).isEqualTo("0");
        clock.advance(Duration.ofSeconds(4));
        assertThat(amt.powerState()).isEqualTo(PowerState.ON);
        assertThat(returnValue(golden("cim_powermanagementservice_requestpowerstatechange_10_masterbusreset")))
                .isEqualTo("0");
        clock.advance(Duration.ofSeconds(1));
        assertThat(amt.boots()).isEqualTo(2);
        assertThat(returnValue(golden("cim_powermanagementservice_requestpowerstatechange_5_powercycle_offsoft")))
                .isEqualTo("0");
        clock.advance(Duration.ofSeconds(5));
        assertThat(amt.boots()).isEqualTo(3);
        assertThat(returnValue(golden("cim_powermanagementservice_requestpowerstatechange_8_poweroff_soft")))
                .isEqualTo("0");
        clock.advance(Duration.ofSeconds(1));
        assertThat(amt.powerState()).isEqualTo(PowerState.OFF);
        // power off when off is refused, state unchanged
        assertThat(returnValue(golden("cim_powermanagementservice_requestpowerstatechange_8_poweroff_soft")))
                .isEqualTo("2");
    }

    @Test
    void pxeBootOverrideSequenceIsHonouredByTheNextBoot() throws Exception {
        TestClient.Resp get = golden("amt_bootsettingdata_get");
        assertThat(TestClient.text(get.body(), "InstanceID")).isEqualTo("Intel(r) AMT:BootSettingData 0");
        TestClient.Resp put = golden("amt_bootsettingdata_put");
        assertThat(put.body()).contains("transfer/PutResponse").contains("AMT_BootSettingData>");
        assertThat(returnValue(golden("cim_bootservice_setbootconfigrole"))).isEqualTo("0");
        assertThat(returnValue(golden("cim_bootconfigsetting_changebootorder_pxe"))).isEqualTo("0");
        assertThat(amt.bootOverride()).isEqualTo("PXE");
        golden("cim_powermanagementservice_requestpowerstatechange_2_poweron");
        clock.advance(Duration.ofSeconds(4));
        assertThat(amt.lastBootSource()).isEqualTo("PXE");
        assertThat(amt.bootOverride()).isNull();
    }

    @Test
    void enumerationsFromTheLibraryPullWithTheLabsContext() throws Exception {
        TestClient.Resp e = golden("cim_softwareidentity_enumerate");
        String ctx = TestClient.text(e.body(), "EnumerationContext");
        assertThat(ctx).isNotBlank();
        String pull = Files.readString(GOLDEN.resolve("requests/cim_softwareidentity_pull.xml"))
                .replace("E2020000-0000-0000-0000-000000000000", ctx);
        TestClient.Resp p = c.post(pull);
        assertThat(p.body()).contains("EndOfSequence");
        assertThat(p.body()).contains("<h:InstanceID>AMT</h:InstanceID><h:IsEntity>true</h:IsEntity><h:VersionString>"
                + amt.firmwareVersion("AMT") + "</h:VersionString>");
        assertPropertiesAreReal(p.body(), "responses/cim/software/identity/pull.xml", "CIM_SoftwareIdentity");

        TestClient.Resp eth = golden("amt_ethernetportsettings_enumerate");
        String pullEth = pull.replace(ctx, TestClient.text(eth.body(), "EnumerationContext"))
                .replace("CIM_SoftwareIdentity", "AMT_EthernetPortSettings")
                .replace("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/AMT_", "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_");
        TestClient.Resp pe = c.post(pullEth);
        assertThat(pe.status()).as(pe.body()).isEqualTo(200);
        assertThat(TestClient.text(pe.body(), "MACAddress")).isEqualTo(amt.mac().toLowerCase().replace(':', '-'));
        assertPropertiesAreReal(pe.body(), "responses/amt/ethernetport/pull.xml", "AMT_EthernetPortSettings");

        TestClient.Resp apm = golden("cim_associatedpowermanagementservice_enumerate");
        assertThat(TestClient.text(apm.body(), "EnumerationContext")).isNotBlank();
    }

    @Test
    void getsAnswerWithTheRealDevicesPropertyNames() throws Exception {
        TestClient.Resp g = golden("amt_generalsettings_get");
        assertThat(TestClient.text(g.body(), "DigestRealm")).isEqualTo(amt.realm());
        assertPropertiesAreReal(g.body(), "responses/amt/general/get.xml", "AMT_GeneralSettings");
        assertPropertiesAreReal(golden("amt_bootsettingdata_get").body(), "responses/amt/boot/settingdata/get.xml",
                "AMT_BootSettingData");
        assertPropertiesAreReal(golden("cim_associatedpowermanagementservice_get").body(),
                "responses/cim/associatedpower/managementservice/get.xml", "CIM_AssociatedPowerManagementService");
    }

    /**
     * curl's own HTTP Digest (a second, independent implementation) posts the library's envelopes. (Python
     * requests' HTTPDigestAuth cannot be used: it sends no Authorization at all for AMT's
     * {@code qop="auth-int, auth"}, because it splits on "," without trimming; see docs/lab.md.)
     */
    @Test
    void curlDigestAuthIsAccepted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(Path.of("/usr/bin/curl")).as("curl (bin/test-packages)").exists();
        String[] names = {"amt_generalsettings_get", "cim_bootconfigsetting_changebootorder_pxe",
            "cim_powermanagementservice_requestpowerstatechange_2_poweron"};
        for (String n : names) {
            String out = DracclientFidelityTest.run(java.util.List.of("/usr/bin/curl", "-sk", "--digest", "-u",
                    amt.username() + ":" + amt.password(), "-H", "Content-Type: application/soap+xml;charset=UTF-8",
                    "--data-binary", "@" + GOLDEN.resolve("requests").resolve(n + ".xml"), "-w", "\nstatus=%{http_code}",
                    amt.url()), dir);
            assertThat(out).as(n).contains("status=200").contains(":RelatesTo>0</");
            if (!n.endsWith("_get")) {
                assertThat(out).as(n).contains("ReturnValue>0</");
            }
        }
        String wrong = DracclientFidelityTest.run(java.util.List.of("/usr/bin/curl", "-sk", "--digest", "-u",
                amt.username() + ":wrong", "--data-binary", "x", "-w", "\nstatus=%{http_code}", amt.url()), dir);
        assertThat(wrong).contains("status=401");
        clock.advance(Duration.ofSeconds(4));
        assertThat(amt.powerState()).isEqualTo(PowerState.ON);
        assertThat(amt.lastBootSource()).isEqualTo("HDD");
    }

    private static String returnValue(TestClient.Resp r) {
        return TestClient.text(r.body(), "ReturnValue");
    }

    /** Every property the lab sends for {@code cls} also appears in the recorded device response. */
    private static void assertPropertiesAreReal(String labBody, String recorded, String cls) throws Exception {
        Set<String> real = properties(Files.readAllBytes(GOLDEN.resolve(recorded)), cls);
        Set<String> ours = properties(labBody.getBytes(StandardCharsets.UTF_8), cls);
        assertThat(ours).isNotEmpty();
        assertThat(real).as("recorded " + recorded).containsAll(ours);
    }

    private static Set<String> properties(byte[] xml, String cls) {
        Set<String> out = new LinkedHashSet<>();
        collect(SoapParser.parseTree(xml), cls, out);
        return out;
    }

    private static void collect(XmlElement e, String cls, Set<String> out) {
        if (e.name().equals(cls)) {
            e.children().forEach(ch -> out.add(ch.name()));
            return;
        }
        e.children().forEach(ch -> collect(ch, cls, out));
    }
}
