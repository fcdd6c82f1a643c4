package io.lightsout.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.xml.SecureXml;
import io.lightsout.wsman.xml.XmlElement;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    private static XmlElement body(String golden) throws Exception {
        return Responses.body("test", SecureXml.parse(Golden.bytes(golden)));
    }

    @Test
    void enumerateThenPullsWithItemsInEitherNamespace() throws Exception {
        Responses.Page first = Responses.page("t", body("idrac/responses/wsman-enum_context-1.xml"));
        assertThat(first.items()).hasSize(1);
        assertThat(first.items().getFirst().instance().get("InstanceID")).contains("1");
        assertThat(first.context()).contains("enum-context-uuid");
        assertThat(first.endOfSequence()).isFalse();
        Responses.Page last = Responses.page("t", body("idrac/responses/wsman-enum_context-4.xml"));
        assertThat(last.items().getFirst().instance().className()).isEqualTo("BazResource");
        assertThat(last.endOfSequence()).isTrue();
        assertThat(last.context()).isEmpty();
    }

    @Test
    void emptyFinalContextWithEndOfSequence() throws Exception {
        Responses.Page p = Responses.page("t", body("idrac/responses/lifecycle_job-enum-ok.xml"));
        assertThat(p.items()).hasSize(6);
        assertThat(p.context()).isEmpty();
        assertThat(p.endOfSequence()).isTrue();
    }

    @Test
    void nilIsAnEmptyValueListAndRepeatedElementsAreArrays() throws Exception {
        CimInstance nic = Responses.page("t", body("idrac/responses/nic_view-enum-ok.xml")).items().getFirst()
                .instance();
        assertThat(nic.properties().get("WWN")).isEmpty();
        assertThat(nic.get("WWN")).isEmpty();
        assertThat(nic.get("FCoEWWNN")).contains("");
        CimInstance apms = Responses.instance("t", body("amt/responses/cim/associatedpower/managementservice/get.xml"));
        assertThat(apms.values("AvailableRequestedPowerStates")).containsExactly("10", "8", "5", "11", "4", "7",
                "14", "12");
    }

    @Test
    void invokeOutputCarriesReturnValueMessageAndJobReference() throws Exception {
        InvokeResult ok = Responses.invoke("t", "CreateTargetedConfigJob",
                body("idrac/responses/bios_service-invoke-create_targeted_config_job-ok.xml"));
        assertThat(ok.returnValue()).hasValue(4096);
        assertThat(ok.succeeded()).isTrue();
        EndpointReference job = ok.job().orElseThrow();
        assertThat(job.resourceUri()).endsWith("DCIM_LifecycleJob");
        assertThat(job.selectors().text("InstanceID")).contains("JID_442507917525");
        InvokeResult err = Responses.invoke("t", "CreateConfigJob",
                body("idrac/responses/lc_service-invoke-create_config_job-error.xml"));
        assertThat(err.succeeded()).isFalse();
        assertThat(err.messageId()).contains("LC007");
        assertThat(err.message()).hasValueSatisfying(m -> assertThat(m).startsWith("Configuration job already"));
    }

    @Test
    void embeddedReferencePropertiesAreReadable() throws Exception {
        CimInstance apms = Responses.instance("t", body("amt/responses/cim/associatedpower/managementservice/get.xml"));
        EndpointReference user = Responses.referenceIn(apms.element("UserOfService").orElseThrow()).orElseThrow();
        assertThat(user.resourceUri()).endsWith("CIM_ComputerSystem");
        assertThat(user.selectors().text("Name")).contains("ManagedSystem");
    }
}
