package io.lightsout.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.FakeBmc.Reply;
import io.lightsout.wsman.testing.Golden;
import io.lightsout.wsman.testing.Soap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnumerationTest {

    private static final String FOO = "http://FooResource";

    @Test
    void pullsOneItemAtATimeUntilEndOfSequence() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (WsmanClient client = WsmanClient.create();
             FakeBmc b = FakeBmc.http(req -> Reply.xml(200,
                     Golden.text("idrac/responses/wsman-enum_context-" + n.incrementAndGet() + ".xml")))) {
            WsmanSession s = client.session(WsmanEndpoint.builder(b.url(), new Credentials("u", "p"))
                    .auth(AuthScheme.BASIC).build());
            List<EnumeratedItem> items = s.enumerate(FOO, EnumerateOptions.defaults());
            assertThat(items).extracting(i -> i.instance().get("InstanceID").orElseThrow())
                    .containsExactly("1", "2", "3", "4", "5");
            assertThat(b.requests()).hasSize(4);
            assertThat(b.requests().get(0).body()).contains("<wsman:OptimizeEnumeration/>",
                    "<wsman:MaxElements>100</wsman:MaxElements>");
            assertThat(b.requests().get(1).body()).contains(Namespaces.ACTION_PULL,
                    "<wsen:EnumerationContext>enum-context-uuid</wsen:EnumerationContext>");
        }
    }

    @Test
    void stoppingEarlyReleasesTheContext() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (WsmanClient client = WsmanClient.create();
             FakeBmc b = FakeBmc.http(req -> req.body().contains("/Release<")
                     ? Reply.xml(200, Soap.envelope(""))
                     : Reply.xml(200, Golden.text("idrac/responses/wsman-enum_context-" + n.incrementAndGet()
                     + ".xml")))) {
            WsmanSession s = client.session(WsmanEndpoint.builder(b.url(), new Credentials("u", "p"))
                    .auth(AuthScheme.BASIC).build());
            List<EnumeratedItem> items = s.enumerate(FOO, EnumerateOptions.defaults().withLimit(2));
            assertThat(items).hasSize(2);
            assertThat(b.requests()).hasSize(3);
            assertThat(b.requests().get(2).body()).contains(Namespaces.ACTION_RELEASE, "enum-context-uuid");
        }
    }

    @Test
    void objectAndEprItemsCarryBoth() throws Exception {
        String item = "<wsman:Item><p:CIM_X xmlns:p=\"http://x/CIM_X\"><p:InstanceID>7</p:InstanceID></p:CIM_X>"
                + "<wsa:EndpointReference><wsa:Address>" + Namespaces.ANONYMOUS + "</wsa:Address>"
                + "<wsa:ReferenceParameters><wsman:ResourceURI>http://x/CIM_X</wsman:ResourceURI><wsman:SelectorSet>"
                + "<wsman:Selector Name=\"InstanceID\">7</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters>"
                + "</wsa:EndpointReference></wsman:Item>";
        String resp = Soap.envelope("<wsen:EnumerateResponse><wsen:EnumerationContext/><wsman:Items>" + item
                + "</wsman:Items><wsman:EndOfSequence/></wsen:EnumerateResponse>");
        try (WsmanClient client = WsmanClient.create(); FakeBmc b = FakeBmc.http(req -> Reply.xml(200, resp))) {
            WsmanSession s = client.session(WsmanEndpoint.builder(b.url(), new Credentials("u", "p"))
                    .auth(AuthScheme.BASIC).build());
            EnumeratedItem i = s.enumerate("http://x/CIM_X", EnumerateOptions.defaults()
                    .withMode(EnumerateOptions.Mode.OBJECT_AND_EPR)
                    .withFilter(new EnumerateOptions.Filter(EnumerateOptions.Filter.WQL,
                            "select * from CIM_X where InstanceID=\"7\""))).getFirst();
            assertThat(i.instance().get("InstanceID")).contains("7");
            assertThat(i.reference().selectors().text("InstanceID")).contains("7");
            assertThat(b.requests().getFirst().body()).contains(
                    "<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>",
                    "InstanceID=&quot;7&quot;</wsman:Filter>");
        }
    }
}
