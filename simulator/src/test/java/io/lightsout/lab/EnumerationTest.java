package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnumerationTest {
    static final ManualClock CLOCK = new ManualClock();
    static final String SW = TestClient.DCIM + "DCIM_SoftwareIdentity";
    static Lab lab;
    static TestClient c;

    @BeforeAll
    static void start() {
        lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0).clock(CLOCK)
                .enumerationExpiry(Duration.ofSeconds(30)).start();
        c = new TestClient(lab.bmcs().get(0));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void plainEnumerateThenPullInPagesUntilEndOfSequence() throws Exception {
        int installed = lab.bmcs().get(0).firmware().size();
        TestClient.Resp e = c.enumerate(SW, false, 0);
        assertThat(e.status()).isEqualTo(200);
        assertThat(TestClient.count(e.body(), "DCIM_SoftwareIdentity")).isZero();
        String ctx = TestClient.text(e.body(), "EnumerationContext");
        assertThat(ctx).isNotBlank();

        TestClient.Resp p1 = c.pull(SW, ctx, 2);
        assertThat(p1.body()).contains("PullResponse").contains(":Items>").doesNotContain("EndOfSequence");
        assertThat(TestClient.count(p1.body(), "DCIM_SoftwareIdentity")).isEqualTo(2);
        String ctx2 = TestClient.text(p1.body(), "EnumerationContext");
        assertThat(ctx2).isNotBlank().isNotEqualTo(ctx);

        // an old context is used up: the client must always use the latest one
        TestClient.Resp stale = c.pull(SW, ctx, 2);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("wsen:InvalidEnumerationContext");

        TestClient.Resp p2 = c.pull(SW, ctx2, 100);
        assertThat(TestClient.count(p2.body(), "DCIM_SoftwareIdentity")).isEqualTo(installed - 2);
        assertThat(p2.body()).contains("EndOfSequence").doesNotContain("EnumerationContext");
    }

    @Test
    void optimizedEnumerateReturnsItemsWithEmptyContextWhenDone() throws Exception {
        TestClient.Resp e = c.enumerate(SW, true, 100);
        assertThat(e.body()).contains("<wsman:Items>").contains("<wsen:EnumerationContext/>")
                .contains("<wsman:EndOfSequence/>");
        assertThat(TestClient.count(e.body(), "DCIM_SoftwareIdentity"))
                .isEqualTo(lab.bmcs().get(0).firmware().size());
    }

    @Test
    void optimizedEnumerateWithFewerMaxElementsLeavesTheRestToPull() throws Exception {
        TestClient.Resp e = c.enumerate(SW, true, 1);
        assertThat(TestClient.count(e.body(), "DCIM_SoftwareIdentity")).isEqualTo(1);
        assertThat(e.body()).doesNotContain("EndOfSequence");
        String ctx = TestClient.text(e.body(), "EnumerationContext");
        TestClient.Resp p = c.pull(SW, ctx, 50);
        assertThat(p.body()).contains("EndOfSequence");
    }

    @Test
    void contextsExpire() throws Exception {
        TestClient.Resp e = c.enumerate(SW, false, 0);
        String ctx = TestClient.text(e.body(), "EnumerationContext");
        CLOCK.advance(Duration.ofSeconds(31));
        TestClient.Resp p = c.pull(SW, ctx, 1);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.body()).contains("<s:Fault>").contains("s:Sender").contains("wsen:InvalidEnumerationContext");
    }

    @Test
    void releaseEndsAContext() throws Exception {
        String ctx = TestClient.text(c.enumerate(SW, false, 0).body(), "EnumerationContext");
        TestClient.Resp r = c.post(TestClient.envelope(TestClient.ENUM + "/Release", SW, null,
                "<wsen:Release><wsen:EnumerationContext>" + ctx + "</wsen:EnumerationContext></wsen:Release>"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("ReleaseResponse");
        assertThat(c.pull(SW, ctx, 1).status()).isEqualTo(400);
    }

    @Test
    void filtersSelectInstances() throws Exception {
        String body = "<wsen:Enumerate><wsman:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">"
                + "select * from DCIM_SoftwareIdentity where FQDD=\"BIOS.Setup.1-1\"</wsman:Filter>"
                + "<wsman:OptimizeEnumeration/><wsman:MaxElements>50</wsman:MaxElements></wsen:Enumerate>";
        TestClient.Resp r = c.post(TestClient.envelope(TestClient.ENUM + "/Enumerate", SW, null, body));
        assertThat(TestClient.count(r.body(), "DCIM_SoftwareIdentity")).isEqualTo(1);
        assertThat(TestClient.text(r.body(), "VersionString")).isEqualTo(lab.bmcs().get(0).firmwareVersion("BIOS.Setup.1-1"));

        TestClient.Resp bad = c.post(TestClient.envelope(TestClient.ENUM + "/Enumerate", SW, null,
                "<wsen:Enumerate><wsman:Filter Dialect=\"urn:nope\">x</wsman:Filter></wsen:Enumerate>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("FilterDialectRequestedUnavailable");
    }

    @Test
    void unknownClassesAndActionsAreFaults() throws Exception {
        TestClient.Resp r = c.enumerate(TestClient.DCIM + "DCIM_NoSuchView", true, 5);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("wsa:DestinationUnreachable").contains("faultDetail/InvalidResourceURI");
        TestClient.Resp a = c.invoke(TestClient.DCIM + "DCIM_LCService", "NoSuchMethod", null, "");
        assertThat(a.body()).contains("wsa:ActionNotSupported");
        assertThat(a.body()).contains("<wsa:RelatesTo>uuid:11111111-2222-3333-4444-555555555555</wsa:RelatesTo>");
    }

    @Test
    void getSelectsAnInstanceBySelectors() throws Exception {
        TestClient.Resp r = c.post(TestClient.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                TestClient.DCIM + "DCIM_CPUView", TestClient.sel("InstanceID", "CPU.Socket.2"), null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(TestClient.text(r.body(), "FQDD")).isEqualTo("CPU.Socket.2");
        TestClient.Resp miss = c.post(TestClient.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                TestClient.DCIM + "DCIM_CPUView", TestClient.sel("InstanceID", "CPU.Socket.9"), null));
        assertThat(miss.status()).isEqualTo(400);
        assertThat(miss.body()).contains("wsman:InvalidSelectors");
    }

    @Test
    void answersLargerThanTheClientsMaxEnvelopeSizeAreEncodingLimitFaults() throws Exception {
        String req = TestClient.envelope(TestClient.ENUM + "/Enumerate", SW, null, "<wsen:Enumerate>"
                + "<wsman:OptimizeEnumeration/><wsman:MaxElements>50</wsman:MaxElements></wsen:Enumerate>");
        TestClient.Resp small = c.post(req.replace("</s:Header>",
                "<wsman:MaxEnvelopeSize s:mustUnderstand=\"true\">1500</wsman:MaxEnvelopeSize></s:Header>"));
        assertThat(small.status()).isEqualTo(400);
        assertThat(small.body()).contains("wsman:EncodingLimit").contains("faultDetail/MaxEnvelopeSize");
        TestClient.Resp big = c.post(req.replace("</s:Header>",
                "<wsman:MaxEnvelopeSize s:mustUnderstand=\"true\">153600</wsman:MaxEnvelopeSize></s:Header>"));
        assertThat(big.status()).isEqualTo(200);
    }

    @Test
    void theDmtfRootDcimUriFormIsAccepted() throws Exception {
        TestClient.Resp r = c.enumerate("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/root/dcim/DCIM_SystemView",
                true, 5);
        assertThat(r.status()).isEqualTo(200);
        assertThat(TestClient.text(r.body(), "ServiceTag")).isEqualTo(lab.bmcs().get(0).serviceTag());
    }
}
