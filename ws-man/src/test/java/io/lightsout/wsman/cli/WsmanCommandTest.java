package io.lightsout.wsman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.Replay;
import io.lightsout.wsman.testing.RequestShape;
import io.lightsout.wsman.testing.Soap;
import io.lightsout.wsman.testing.TestAuth;
import io.lightsout.wsman.testing.Tls;
import io.lightsout.wsman.tls.TrustRegistry;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WsmanCommandTest {

    private static final String R = "idrac/responses/";
    private static final String APMS = "amt/responses/cim/associatedpower/managementservice/";
    private FakeBmc bmc;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        bmc = FakeBmc.http(TestAuth.basic("root", "calvin", new Replay()
                .on("Enumerate", "DCIM_NICView", R + "nic_view-enum-ok.xml")
                .on("RequestStateChange", "DCIM_ComputerSystem", R + "computer_system-invoke-request_state_change-ok.xml")
                .on("CreateConfigJob", "DCIM_LCService", R + "lc_service-invoke-create_config_job-error.xml")
                .on("CreateTargetedConfigJob", "DCIM_BIOSService",
                        R + "bios_service-invoke-create_targeted_config_job-ok.xml")
                .on("Enumerate", "CIM_AssociatedPowerManagementService", APMS + "enumerate.xml")
                .on("Pull", "CIM_AssociatedPowerManagementService", APMS + "pull.xml")
                .onXml("Get", "CIM_Fan", Soap.fault("wsman:InvalidSelectors", "The selectors are not valid", ""))
                .onXml("Get", "DCIM_SystemView", Soap.instance("DCIM_SystemView",
                        "<p:ServiceTag>A1B2C3D</p:ServiceTag><p:Model>PowerEdge R630</p:Model>"))));
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    private int run(String password, String... args) {
        WsmanCommand cmd = new WsmanCommand();
        cmd.stdin = new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8));
        return new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private String[] args(String sub, String... more) {
        String[] base = {sub, "--url", bmc.url().toString(), "--user", "root", "--password-stdin"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void everySubcommandHasHelpWithoutItsRequiredOptions() {
        for (String sub : new String[] {"identify", "get", "enumerate", "invoke"}) {
            assertThat(run("", sub, "--help")).as(sub).isZero();
            assertThat(out.toString()).contains("Usage: wsman " + sub, "--url");
        }
    }

    @Test
    void enumerateAsJsonWithNilAsNull() {
        assertThat(run("calvin", args("enumerate", "--resource", "DCIM_NICView", "--json"))).isZero();
        String json = out.toString();
        assertThat(json).startsWith("[").contains("\"FQDD\": \"NIC.Embedded.1-1-1\"", "\"WWN\": null",
                "\"FCoEWWNN\": \"\"");
        assertThat(json.split("\"InstanceID\"")).hasSize(5);
        assertThat(RequestShape.of(bmc.requests().getLast().body()).resourceUri())
                .isEqualTo(Namespaces.DCIM_PREFIX + "DCIM_NICView");
    }

    @Test
    void enumerateAsXmlIsOneWellFormedDocument() throws Exception {
        assertThat(run("calvin", args("enumerate", "--resource", "DCIM_NICView"))).isZero();
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(out.toString()))).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(Namespaces.WSEN);
        assertThat(root.getLocalName()).isEqualTo("Items");
        org.w3c.dom.NodeList nics = root.getElementsByTagNameNS(Namespaces.DCIM_PREFIX + "DCIM_NICView",
                "DCIM_NICView");
        assertThat(nics.getLength()).isEqualTo(4);
        assertThat(((org.w3c.dom.Element) nics.item(0)).getElementsByTagNameNS("*", "FQDD").item(0)
                .getTextContent()).isEqualTo("NIC.Embedded.1-1-1");
    }

    @Test
    void referencePropertiesAreObjectsInJson() {
        assertThat(run("calvin", args("enumerate", "-r", "CIM_AssociatedPowerManagementService", "--json")))
                .isZero();
        assertThat(out.toString()).contains("\"PowerState\": \"2\"",
                "\"AvailableRequestedPowerStates\": [\"10\", \"8\", \"5\", \"11\", \"4\", \"7\", \"14\", \"12\"]",
                "\"UserOfService\": {\"Address\": \"" + Namespaces.ANONYMOUS + "\", \"ResourceURI\": \""
                        + Namespaces.CIM_PREFIX + "CIM_ComputerSystem\", \"SelectorSet\": {\"CreationClassName\": "
                        + "\"CIM_ComputerSystem\", \"Name\": \"ManagedSystem\"}}",
                "\"ServiceProvided\": {\"Address\"", "\"Name\": \"Intel(r) AMT Power Management Service\"");
        out.getBuffer().setLength(0);
        assertThat(run("calvin", args("invoke", "-r", "DCIM_BIOSService", "--method", "CreateTargetedConfigJob",
                "--json"))).isZero();
        assertThat(out.toString()).containsPattern("\"Job\": \\{\"Address\": \"[^\"]+\", \"ResourceURI\": \""
                + java.util.regex.Pattern.quote(Namespaces.DCIM_PREFIX) + "DCIM_LifecycleJob\", \"SelectorSet\": "
                + "\\{\"InstanceID\": \"JID_\\d+\", \"__cimnamespace\": \"root/dcim\"}}");
    }

    @Test
    void getAsXmlAndAsJson() {
        assertThat(run("calvin", args("get", "-r", "DCIM_SystemView", "--selector", "InstanceID=System.Embedded.1")))
                .isZero();
        assertThat(out.toString()).contains("<DCIM_SystemView xmlns=\"" + Namespaces.CIM_PREFIX + "DCIM_SystemView\">",
                "<ServiceTag>A1B2C3D</ServiceTag>");
        assertThat(bmc.requests().getLast().body()).contains("System.Embedded.1");
    }

    @Test
    void invokePrintsOutputParameters() {
        assertThat(run("calvin", args("invoke", "-r", "DCIM_ComputerSystem", "--method", "RequestStateChange",
                "--selector", "Name=srv:system", "--param", "RequestedState=2", "--json"))).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"ReturnValue\": \"0\"}");
        assertThat(RequestShape.of(bmc.requests().getLast().body()).body()).contains("RequestedState[2]");
    }

    @Test
    void aMethodErrorExitsNonZeroWithTheDevicesMessage() {
        assertThat(run("calvin", args("invoke", "-r", "DCIM_LCService", "--method", "CreateConfigJob"))).isEqualTo(1);
        assertThat(err.toString()).contains("ReturnValue 2", "LC007", "Configuration job already created");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFaultExitsNonZero() {
        assertThat(run("calvin", args("get", "-r", "CIM_Fan"))).isEqualTo(1);
        assertThat(err.toString()).contains("InvalidSelectors", "The selectors are not valid");
    }

    @Test
    void wrongPasswordIsOneLineWithoutThePassword() {
        assertThat(run("hunter2", args("get", "-r", "CIM_Fan"))).isEqualTo(1);
        assertThat(err.toString()).contains("401").doesNotContain("hunter2");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("calvin", args("get", "-r", "Fan"))).isEqualTo(2);
        assertThat(err.toString()).contains("class name");
        assertThat(bmc.requests()).isEmpty();
    }

    @Test
    void insecurePinFirstPrintsThePin(@TempDir Path dir) throws Exception {
        Tls.Identity id = Tls.selfSigned(dir, "bmc-cli");
        try (FakeBmc tls = FakeBmc.https(id.context(), TestAuth.basic("root", "calvin", new Replay()
                .onXml("Get", "DCIM_SystemView", Soap.instance("DCIM_SystemView", "<p:Model>R630</p:Model>"))))) {
            WsmanCommand cmd = new WsmanCommand();
            cmd.stdin = new ByteArrayInputStream("calvin\n".getBytes(StandardCharsets.UTF_8));
            int rc = new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("get",
                    "--url", tls.url().toString(), "--user", "root", "--password-stdin", "--insecure-pin-first",
                    "-r", "DCIM_SystemView", "--json");
            assertThat(rc).isZero();
            assertThat(err.toString()).contains("SHA-256 " + TrustRegistry.sha256(id.certificate()));
            assertThat(out.toString()).contains("\"Model\": \"R630\"");
        }
    }
}
