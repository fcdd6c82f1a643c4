package io.lightsout.wsman.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.SelectorSet;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.WsmanTlsException;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.Soap;
import io.lightsout.wsman.testing.Tls;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTrustTest {

    private static final Credentials CREDS = new Credentials("root", "calvin");
    private static final String CS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";
    private static final FakeBmc.Handler OK = req -> FakeBmc.Reply.xml(200,
            Soap.instance("CIM_ComputerSystem", "<p:EnabledState>2</p:EnabledState>"));

    @TempDir
    static Path dir;
    static Tls.Identity first;
    static Tls.Identity second;

    @BeforeAll
    static void identities() throws Exception {
        first = Tls.selfSigned(dir, "bmc-a");
        second = Tls.selfSigned(dir, "bmc-b");
    }

    private static WsmanSession session(WsmanClient c, FakeBmc b, TrustPolicy p) {
        return c.session(WsmanEndpoint.builder(b.url(), CREDS).auth(AuthScheme.BASIC).trust(p).maxRetries(0).build());
    }

    @Test
    void pinsOnFirstUseThenRejectsAChangedCertificateUntilReTrusted() throws Exception {
        List<String> pins = new CopyOnWriteArrayList<>();
        try (WsmanClient client = WsmanClient.create(); FakeBmc a = FakeBmc.https(first.context(), OK)) {
            WsmanSession s = session(client, a, new TrustPolicy.PinOnFirstUse(pins::add));
            assertThat(s.get(CS, SelectorSet.EMPTY).get("EnabledState")).contains("2");
            assertThat(pins).containsExactly(TrustRegistry.sha256(first.certificate()));

            // the BMC comes back on the same address and port with another certificate
            int port = a.url().getPort();
            a.close();
            try (FakeBmc b = FakeBmc.httpsOn(second.context(), port, OK)) {
                WsmanSession again = client.session(WsmanEndpoint.builder(b.url(), CREDS).auth(AuthScheme.BASIC)
                        .trust(new TrustPolicy.Pinned(pins.getFirst())).maxRetries(0).build());
                assertThatThrownBy(() -> again.get(CS, SelectorSet.EMPTY))
                        .isInstanceOfSatisfying(WsmanTlsException.class, e -> {
                            assertThat(e.kind()).isEqualTo(WsmanTlsException.Kind.CERTIFICATE_CHANGED);
                            assertThat(e.presentedSha256()).contains(TrustRegistry.sha256(second.certificate()));
                            assertThat(e.getMessage()).contains("changed", "re-trust");
                        });
                WsmanSession reTrusted = session(client, b,
                        new TrustPolicy.Pinned(TrustRegistry.sha256(second.certificate())));
                assertThat(reTrusted.get(CS, SelectorSet.EMPTY).get("EnabledState")).contains("2");
            }
            assertThat(pins).hasSize(1);
        }
    }

    @Test
    void aPinItsOwnerRefusesFailsTheHandshakeAndLeavesTheEndpointFirstUse() throws Exception {
        List<String> pins = new CopyOnWriteArrayList<>();
        try (WsmanClient client = WsmanClient.create(); FakeBmc a = FakeBmc.https(first.context(), OK)) {
            WsmanSession refused = session(client, a, new TrustPolicy.PinOnFirstUse(sha -> {
                throw new java.security.cert.CertificateException("the store holds another pin");
            }));
            assertThatThrownBy(() -> refused.get(CS, SelectorSet.EMPTY)).isInstanceOf(WsmanTlsException.class)
                    .hasMessageContaining("the store holds another pin");
            assertThat(a.requests()).isEmpty();
            // nothing was pinned: the next first use pins (and is not measured against a pin that was refused)
            WsmanSession accepted = session(client, a, new TrustPolicy.PinOnFirstUse(pins::add));
            assertThat(accepted.get(CS, SelectorSet.EMPTY).get("EnabledState")).contains("2");
            assertThat(pins).containsExactly(TrustRegistry.sha256(first.certificate()));
        }
    }

    @Test
    void caTrustAcceptsItsCaAndRejectsOthers() throws Exception {
        try (WsmanClient client = WsmanClient.create(); WsmanClient other = WsmanClient.create();
             FakeBmc a = FakeBmc.https(first.context(), OK)) {
            WsmanSession trusted = session(client, a, new TrustPolicy.CaTrust(List.of(first.certificate())));
            assertThat(trusted.get(CS, SelectorSet.EMPTY).get("EnabledState")).contains("2");
            // a policy applies to new connections (a kept-alive one already carries a certificate it accepted)
            WsmanSession wrongCa = session(other, a, new TrustPolicy.CaTrust(List.of(second.certificate())));
            assertThatThrownBy(() -> wrongCa.get(CS, SelectorSet.EMPTY)).isInstanceOfSatisfying(
                    WsmanTlsException.class, e -> assertThat(e.kind()).isEqualTo(WsmanTlsException.Kind.UNTRUSTED));
        }
    }

    @Test
    void aPinnedEndpointNeverAcceptsAnotherCertificateEvenOnAFreshClient() throws Exception {
        try (WsmanClient client = WsmanClient.create(); FakeBmc a = FakeBmc.https(first.context(), OK)) {
            WsmanSession s = session(client, a, new TrustPolicy.Pinned(TrustRegistry.sha256(second.certificate())));
            assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOfSatisfying(WsmanTlsException.class,
                    e -> assertThat(e.kind()).isEqualTo(WsmanTlsException.Kind.CERTIFICATE_CHANGED));
            assertThat(a.requests()).isEmpty();
        }
    }

    @Test
    void fingerprintsMustBeSha256Hex() {
        assertThatThrownBy(() -> new TrustPolicy.Pinned("abc")).isInstanceOf(IllegalArgumentException.class);
        String colons = "AB:".repeat(31) + "AB";
        assertThat(new TrustPolicy.Pinned(colons).sha256()).isEqualTo("ab".repeat(32));
    }
}
