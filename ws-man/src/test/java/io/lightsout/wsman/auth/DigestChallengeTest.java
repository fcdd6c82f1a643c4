package io.lightsout.wsman.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void parsesAmtStyleQuotedChallengeAmongOthers() {
        DigestChallenge c = DigestChallenge.find(List.of("Negotiate",
                "Digest realm=\"Digest:F3EB554784E729164447A89F60B641C5\", nonce=\"Kd4+AAAAAAAAAAAAAA==\","
                        + " stale=\"false\", qop=\"auth-int, auth\"")).orElseThrow();
        assertThat(c.realm()).isEqualTo("Digest:F3EB554784E729164447A89F60B641C5");
        assertThat(c.nonce()).isEqualTo("Kd4+AAAAAAAAAAAAAA==");
        assertThat(c.stale()).isFalse();
        assertThat(c.qop()).containsExactly("auth-int", "auth");
        assertThat(DigestChallenge.find(List.of("Digest realm=r, nonce=n, stale=TRUE")).orElseThrow().stale())
                .isTrue();
    }

    @Test
    void rfc2617ExampleResponse() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life" / GET /dir/index.html
        String ha1 = Authenticator.hash("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
        String ha2 = Authenticator.hash("MD5", "GET:/dir/index.html");
        String response = Authenticator.hash("MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:"
                + ha2);
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void basicIsRecognised() {
        assertThat(DigestChallenge.offersBasic(List.of("Basic realm=\"wsman\""))).isTrue();
        assertThat(DigestChallenge.offersBasic(List.of("Digest realm=\"x\", nonce=\"y\""))).isFalse();
    }
}
