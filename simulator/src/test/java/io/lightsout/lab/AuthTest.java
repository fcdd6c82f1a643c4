package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    static final ManualClock CLOCK = new ManualClock();
    static Lab lab;
    static final String GET_GENERAL = TestClient.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
            TestClient.AMT + "AMT_GeneralSettings", null, null);

    @BeforeAll
    static void start() {
        lab = Lab.builder().idrac(1).amt(1).base(TestClient.randomBase()).idracPort(0).amtPort(0).clock(CLOCK)
                .nonceLifetime(Duration.ofMinutes(5)).start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void idracWantsBasicWithTheRightPassword() throws Exception {
        TestClient c = new TestClient(lab.bmcs().get(0));
        c.password = "wrong";
        TestClient.Resp r = c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 5);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().get("www-authenticate")).startsWith("Basic ");
        assertThat(c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 5).headers()).containsKey("content-length");
        assertThat(r.body()).doesNotContain(lab.bmcs().get(0).password());
        c.password = lab.bmcs().get(0).password();
        assertThat(c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 5).status()).isEqualTo(200);
    }

    @Test
    void amtChallengesLikeAmtAndAcceptsDigest() throws Exception {
        SimulatedBmc amt = lab.bmcs().get(1);
        TestClient c = new TestClient(amt);
        TestClient.Resp first = c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertThat(first.status()).isEqualTo(401);
        String ch = first.headers().get("www-authenticate");
        assertThat(ch).startsWith("Digest ").contains("realm=\"" + amt.realm() + "\"")
                .contains("qop=\"auth-int, auth\"").contains("stale=\"false\"");
        assertThat(amt.realm()).matches("Digest:[0-9A-F]{32}");
        c.challenge(ch);
        TestClient.Resp ok = c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().get("transfer-encoding")).isEqualTo("chunked");
        assertThat(ok.headers()).doesNotContainKey("content-length");
        // the nonce is reused with a growing nc, as clients do
        assertThat(c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).status())
                .isEqualTo(200);
    }

    @Test
    void amtRefusesAWrongPasswordWithoutStale() throws Exception {
        TestClient c = new TestClient(lab.bmcs().get(1));
        c.password = "not-the-password";
        TestClient.Resp r = c.post(GET_GENERAL);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().get("www-authenticate")).contains("stale=\"false\"");
    }

    @Test
    void expiredNonceIsStaleAndAFreshOneWorks() throws Exception {
        TestClient c = new TestClient(lab.bmcs().get(1));
        assertThat(c.post(GET_GENERAL).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(6));
        TestClient.Resp stale = c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.headers().get("www-authenticate")).contains("stale=\"true\"");
        c.challenge(stale.headers().get("www-authenticate"));
        assertThat(c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).status())
                .isEqualTo(200);
    }

    @Test
    void authIntCoversTheBody() throws Exception {
        SimulatedBmc amt = lab.bmcs().get(1);
        TestClient c = new TestClient(amt);
        TestClient.Resp first = c.send(GET_GENERAL.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"")
                .matcher(first.headers().get("www-authenticate"));
        assertThat(m.find()).isTrue();
        String nonce = m.group(1);
        byte[] body = GET_GENERAL.getBytes(StandardCharsets.UTF_8);
        String ha1 = TestClient.md5(amt.username() + ":" + amt.realm() + ":" + amt.password());
        String ha2 = TestClient.md5("POST:/wsman:" + TestClient.md5(GET_GENERAL));
        String resp = TestClient.md5(ha1 + ":" + nonce + ":00000001:abc:auth-int:" + ha2);
        String header = "Digest username=\"" + amt.username() + "\", realm=\"" + amt.realm() + "\", nonce=\""
                + nonce + "\", uri=\"/wsman\", qop=auth-int, nc=00000001, cnonce=\"abc\", response=\"" + resp + "\"";
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(amt.url()))
                .header("Authorization", header).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(c.http.send(req.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        // the same response value with a different body must fail: auth-int hashes the body
        var tampered = java.net.http.HttpRequest.newBuilder(java.net.URI.create(amt.url()))
                .header("Authorization", header).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        GET_GENERAL.replace("AMT_GeneralSettings", "AMT_BootSettingData")));
        assertThat(c.http.send(tampered.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }
}
