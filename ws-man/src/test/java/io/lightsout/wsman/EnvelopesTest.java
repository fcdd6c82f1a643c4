package io.lightsout.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.xml.SecureXml;
import io.lightsout.wsman.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

    private static final Envelopes.Addressing A = new Envelopes.Addressing("https://10.0.0.5/wsman",
            "uuid:6a0d1b5e-0000-4000-8000-000000000001", Duration.ofMillis(59_500), 512_000, "en-US");

    private static XmlElement parse(Request r) throws Exception {
        return SecureXml.parse(Envelopes.envelope(r, A).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersCarryAddressingLimitsAndMustUnderstand() throws Exception {
        XmlElement h = parse(Envelopes.get("http://x/CIM_Fan", SelectorSet.of("DeviceID", "Fan 1")))
                .child(Namespaces.SOAP, "Header").orElseThrow();
        assertThat(h.childText(Namespaces.WSA, "To")).contains("https://10.0.0.5/wsman");
        assertThat(h.childText(Namespaces.WSMAN, "ResourceURI")).contains("http://x/CIM_Fan");
        assertThat(h.childText(Namespaces.WSA, "Action")).contains(Namespaces.ACTION_GET);
        assertThat(h.childText(Namespaces.WSA, "MessageID")).hasValueSatisfying(id -> assertThat(id).startsWith("uuid:"));
        assertThat(h.child(Namespaces.WSA, "ReplyTo").flatMap(r -> r.childText(Namespaces.WSA, "Address")))
                .contains(Namespaces.ANONYMOUS);
        assertThat(h.childText(Namespaces.WSMAN, "MaxEnvelopeSize")).contains("512000");
        assertThat(h.childText(Namespaces.WSMAN, "OperationTimeout")).contains("PT59.500S");
        assertThat(h.child(Namespaces.WSMAN, "Locale").flatMap(l -> l.attribute("http://www.w3.org/XML/1998/namespace",
                "lang"))).contains("en-US");
        for (String name : List.of("To", "Action", "MessageID")) {
            assertThat(h.child(Namespaces.WSA, name).flatMap(e -> e.attribute(Namespaces.SOAP, "mustUnderstand")))
                    .as(name).contains("true");
        }
        assertThat(h.child(Namespaces.WSMAN, "MaxEnvelopeSize")
                .flatMap(e -> e.attribute(Namespaces.SOAP, "mustUnderstand"))).contains("true");
        XmlElement sel = h.child(Namespaces.WSMAN, "SelectorSet").orElseThrow().children().getFirst();
        assertThat(sel.attribute("", "Name")).contains("DeviceID");
        assertThat(sel.trimmedText()).isEqualTo("Fan 1");
    }

    @Test
    void identifyHasNoAddressingHeaders() throws Exception {
        XmlElement env = parse(Envelopes.identify());
        assertThat(env.child(Namespaces.SOAP, "Header").orElseThrow().children()).isEmpty();
        assertThat(env.child(Namespaces.SOAP, "Body").orElseThrow().child(Namespaces.WSMID, "Identify")).isPresent();
    }

    @Test
    void invokeWritesScalarsArraysReferencesAndEprSelectors() throws Exception {
        EndpointReference job = EndpointReference.of("http://x/DCIM_LifecycleJob", SelectorSet.of("InstanceID", "JID_1"));
        Request r = Envelopes.invoke("http://x/DCIM_JobService", "SetupJobQueue",
                SelectorSet.EMPTY.with("Owner", Value.ref(job)),
                List.of(Parameter.text("JobArray", "JID_1", "RID_2"), Parameter.text("Note", "a<b & \"c\""),
                        Parameter.ref("Target", job)));
        assertThat(r.action()).isEqualTo("http://x/DCIM_JobService/SetupJobQueue");
        assertThat(r.idempotent()).isFalse();
        XmlElement env = parse(r);
        XmlElement input = env.child(Namespaces.SOAP, "Body").orElseThrow().children().getFirst();
        assertThat(input.is("http://x/DCIM_JobService", "SetupJobQueue_INPUT")).isTrue();
        assertThat(input.children("http://x/DCIM_JobService", "JobArray")).extracting(XmlElement::trimmedText)
                .containsExactly("JID_1", "RID_2");
        assertThat(input.childText("http://x/DCIM_JobService", "Note")).contains("a<b & \"c\"");
        EndpointReference target = Responses.referenceIn(input.childNamed("Target").orElseThrow()).orElseThrow();
        assertThat(target).isEqualTo(job);
        XmlElement selector = env.child(Namespaces.SOAP, "Header").orElseThrow().child(Namespaces.WSMAN, "SelectorSet")
                .orElseThrow().children().getFirst();
        assertThat(Responses.reference(selector.child(Namespaces.WSA, "EndpointReference").orElseThrow()))
                .isEqualTo(job);
    }

    @Test
    void putWritesTheWholeInstanceWithNil() throws Exception {
        CimInstance i = new CimInstance("x", "AMT_X", new java.util.LinkedHashMap<>(java.util.Map.of(
                "A", List.of("1", "2"), "B", List.of())), null);
        XmlElement body = parse(Envelopes.put("http://x/AMT_X", SelectorSet.EMPTY, i))
                .child(Namespaces.SOAP, "Body").orElseThrow().children().getFirst();
        assertThat(body.is("http://x/AMT_X", "AMT_X")).isTrue();
        assertThat(body.children("http://x/AMT_X", "A")).hasSize(2);
        assertThat(body.child("http://x/AMT_X", "B").orElseThrow().isNil()).isTrue();
    }

    @Test
    void namesThatWouldBreakTheXmlAreRejected() {
        assertThatThrownBy(() -> Envelopes.invoke("http://x/C", "Bad><x", SelectorSet.EMPTY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelopes.invoke("http://x/C", "M", SelectorSet.EMPTY,
                List.of(Parameter.text("a b", "1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelopes.envelope(Envelopes.get("http://x/C", SelectorSet.of("k", "\u0001")), A))
                .isInstanceOf(IllegalArgumentException.class);
        CimInstance bad = new CimInstance("x", "C", java.util.Map.of("a><b", List.of("1")), null);
        assertThatThrownBy(() -> Envelopes.put("http://x/C", SelectorSet.EMPTY, bad))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classNamesExpandToTheirVendorsUri() {
        assertThat(Namespaces.resourceUri("DCIM_CPUView")).isEqualTo(Namespaces.DCIM_PREFIX + "DCIM_CPUView");
        assertThat(Namespaces.resourceUri("CIM_Fan")).isEqualTo(Namespaces.CIM_PREFIX + "CIM_Fan");
        assertThat(Namespaces.resourceUri("AMT_GeneralSettings")).isEqualTo(Namespaces.AMT_PREFIX + "AMT_GeneralSettings");
        assertThat(Namespaces.resourceUri("IPS_OptInService")).isEqualTo(Namespaces.IPS_PREFIX + "IPS_OptInService");
        assertThat(Namespaces.resourceUri("http://a/b")).isEqualTo("http://a/b");
        assertThatThrownBy(() -> Namespaces.resourceUri("Fan")).isInstanceOf(IllegalArgumentException.class);
    }
}
