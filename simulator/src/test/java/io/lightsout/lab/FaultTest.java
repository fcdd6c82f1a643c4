package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.lab.wsman.SoapParser;
import io.lightsout.lab.wsman.WsmanFault;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every fault kind, injected per BMC at run time, seen by a client over real sockets. */
class FaultTest {
    static Lab lab;
    static SimulatedBmc bmc;
    static TestClient c;
    static final String SV = TestClient.DCIM + "DCIM_SystemView";

    @BeforeAll
    static void start() {
        lab = Lab.builder().idrac(2).amt(0).base(TestClient.randomBase()).idracPort(0).start();
        bmc = lab.bmcs().get(0);
        c = new TestClient(bmc);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @AfterEach
    void clear() {
        bmc.clearFaults();
    }

    TestClient.Resp call() throws Exception {
        return call(Duration.ofSeconds(20));
    }

    TestClient.Resp call(Duration timeout) throws Exception {
        return c.post(TestClient.envelope(TestClient.ENUM + "/Enumerate", SV, null,
                "<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>5</wsman:MaxElements></wsen:Enumerate>")
                .getBytes(StandardCharsets.UTF_8), timeout);
    }

    @Test
    void timeoutNeverAnswers() throws Exception {
        assertThat(call().status()).isEqualTo(200);
        bmc.inject(new Fault.Timeout(1));
        assertThatThrownBy(() -> call(Duration.ofSeconds(2))).isInstanceOf(HttpTimeoutException.class);
        bmc.clearFaults();
        // the lab is unharmed and the other BMCs never saw the fault
        assertThat(new TestClient(lab.bmcs().get(1)).enumerate(SV, true, 5).status()).isEqualTo(200);
    }

    @Test
    void resetBreaksTheConnection() {
        bmc.inject(new Fault.ConnectionReset(1));
        assertThatThrownBy(this::call).isInstanceOf(IOException.class);
    }

    @Test
    void serverErrorIs500WithASoapFault() throws Exception {
        bmc.inject(new Fault.ServerError(1));
        TestClient.Resp r = call();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("s:Receiver").contains("wsman:InternalError");
        SoapParser.parseTree(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedXmlIsNotWellFormed() throws Exception {
        bmc.inject(new Fault.MalformedXml(1));
        TestClient.Resp r = call();
        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(() -> SoapParser.parseTree(r.body().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WsmanFault.class);
    }

    @Test
    void controlCharactersBreakStrictParsersButStripCleanly() throws Exception {
        bmc.inject(new Fault.ControlCharacters(1));
        TestClient.Resp r = call();
        assertThat(r.body()).contains("\u0001");
        assertThatThrownBy(() -> SoapParser.parseTree(r.body().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WsmanFault.class);
        String stripped = r.body().replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
        assertThat(SoapParser.parseTree(stripped.getBytes(StandardCharsets.UTF_8)).name()).isEqualTo("Envelope");
    }

    @Test
    void xxeAndEntityBombPayloadsAreServedForTheClientToRefuse() throws Exception {
        bmc.inject(new Fault.XxePayload(1));
        TestClient.Resp x = call();
        assertThat(x.body()).contains("<!DOCTYPE").contains("SYSTEM \"file:///etc/passwd\"").contains("&xxe;");
        assertThatThrownBy(() -> SoapParser.parseTree(x.body().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WsmanFault.class);
        bmc.clearFaults();
        bmc.inject(new Fault.EntityExpansion(1));
        TestClient.Resp b = call();
        assertThat(b.body()).contains("<!ENTITY l10").contains("&l10;");
        assertThat(b.body().length()).isLessThan(4096);
    }

    @Test
    void oversizedIsAValidEnvelopeOfTheAskedSize() throws Exception {
        bmc.inject(new Fault.Oversized(1, 3 << 20));
        TestClient.Resp r = call();
        assertThat(r.body().length()).isBetween((3 << 20) - 200, 3 << 20);
        assertThat(r.body()).endsWith("</s:Envelope>");
    }

    @Test
    void wrongPasswordRefusesTheRightPassword() throws Exception {
        bmc.inject(new Fault.WrongPassword(1));
        assertThat(call().status()).isEqualTo(401);
        bmc.clearFaults();
        assertThat(call().status()).isEqualTo(200);
    }

    @Test
    void certificateChangeIsSeenByTheNextConnection() throws Exception {
        String before = bmc.certificateSha256();
        assertThat(presentedSha256(bmc)).isEqualTo(before);
        bmc.inject(new Fault.CertificateChange(1));
        assertThat(call().status()).isEqualTo(200);
        String after = bmc.certificateSha256();
        assertThat(after).isNotEqualTo(before).matches("[0-9a-f]{64}");
        assertThat(presentedSha256(bmc)).isEqualTo(after);
        bmc.clearFaults();
        bmc.rotateCertificate();
        assertThat(presentedSha256(bmc)).isNotEqualTo(after);
    }

    @Test
    void oneItemPerPullIgnoresMaxElements() throws Exception {
        bmc.inject(new Fault.OneItemPerPull(1));
        String sw = TestClient.DCIM + "DCIM_SoftwareIdentity";
        TestClient.Resp e = c.enumerate(sw, true, 50);
        assertThat(TestClient.count(e.body(), "DCIM_SoftwareIdentity")).isEqualTo(1);
        int pages = 1;
        String ctx = TestClient.text(e.body(), "EnumerationContext");
        while (ctx != null) {
            TestClient.Resp p = c.pull(sw, ctx, 50);
            assertThat(TestClient.count(p.body(), "DCIM_SoftwareIdentity")).isEqualTo(1);
            pages++;
            ctx = p.body().contains("EndOfSequence") ? null : TestClient.text(p.body(), "EnumerationContext");
        }
        assertThat(pages).isEqualTo(bmc.firmware().size());
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        bmc.inject(new Fault.Latency(Duration.ofMillis(300), Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        assertThat(call().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void probabilisticFaultsHitSomeRequestsOnly() throws Exception {
        bmc.inject(new Fault.ServerError(0.5));
        int errors = 0;
        for (int i = 0; i < 40; i++) {
            if (call().status() == 500) {
                errors++;
            }
        }
        assertThat(errors).isBetween(5, 35);
    }

    static String presentedSha256(SimulatedBmc b) throws Exception {
        try (SSLSocket s = (SSLSocket) TestClient.trustAll().getSocketFactory().createSocket(b.address(), b.port())) {
            s.startHandshake();
            byte[] der = s.getSession().getPeerCertificates()[0].getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        }
    }
}
