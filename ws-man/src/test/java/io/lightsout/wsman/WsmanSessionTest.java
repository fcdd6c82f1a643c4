package io.lightsout.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.testing.FakeBmc;
import io.lightsout.wsman.testing.FakeBmc.Reply;
import io.lightsout.wsman.testing.Soap;
import io.lightsout.wsman.testing.TestAuth;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsmanSessionTest {

    private static final Credentials CREDS = new Credentials("admin", "s3cret!");
    private static final String CS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";
    private static final String OK = Soap.instance("CIM_ComputerSystem",
            "<p:Name>ManagedSystem</p:Name><p:EnabledState>2</p:EnabledState>");

    private final WsmanClient client = WsmanClient.create();
    private final List<FakeBmc> servers = new ArrayList<>();

    @AfterEach
    void close() {
        servers.forEach(FakeBmc::close);
        client.close();
    }

    private FakeBmc serve(FakeBmc.Handler h) throws Exception {
        FakeBmc b = FakeBmc.http(h);
        servers.add(b);
        return b;
    }

    private WsmanSession session(FakeBmc b, AuthScheme scheme, Credentials c) {
        return client.session(WsmanEndpoint.builder(b.url(), c).auth(scheme).responseTimeout(Duration.ofSeconds(5))
                .retryBackoff(Duration.ofMillis(10)).build());
    }

    @Test
    void basicGetSendsCredentialsAndReadsTheInstance() throws Exception {
        FakeBmc b = serve(TestAuth.basic("admin", "s3cret!", req -> Reply.xml(200, OK)));
        CimInstance cs = session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.of("Name", "ManagedSystem"));
        assertThat(cs.get("EnabledState")).contains("2");
        assertThat(b.requests()).hasSize(1);
        assertThat(b.requests().getFirst().contentType()).startsWith("application/soap+xml");
        assertThat(b.requests().getFirst().body()).contains(Namespaces.ACTION_GET, "<wsman:Selector Name=\"Name\">"
                + "ManagedSystem</wsman:Selector>", "uuid:", "<wsman:OperationTimeout>PT4.000S");
    }

    @Test
    void wrongBasicPasswordIsAnAuthFailureWithoutRetry() throws Exception {
        FakeBmc b = serve(TestAuth.basic("admin", "other", req -> Reply.xml(200, OK)));
        assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY))
                .isInstanceOf(WsmanAuthException.class).hasMessageNotContaining("s3cret");
        assertThat(b.requests()).hasSize(1);
    }

    @Test
    void digestAnswersTheChallengeOnceThenReusesTheNonce() throws Exception {
        TestAuth.Digest digest = new TestAuth.Digest("admin", "s3cret!", req -> Reply.xml(200, OK));
        FakeBmc b = serve(digest);
        WsmanSession s = session(b, AuthScheme.DIGEST, CREDS);
        s.get(CS, SelectorSet.EMPTY);
        s.get(CS, SelectorSet.EMPTY);
        s.get(CS, SelectorSet.EMPTY);
        assertThat(b.requests()).hasSize(4);
        assertThat(digest.challenges).hasValue(1);
        assertThat(b.requests().get(3).authorization()).contains("nc=00000003", "qop=auth", "uri=\"/wsman\"");
    }

    @Test
    void staleNonceIsRetriedExactlyOnce() throws Exception {
        TestAuth.Digest digest = new TestAuth.Digest("admin", "s3cret!", req -> Reply.xml(200, OK));
        FakeBmc b = serve(digest);
        WsmanSession s = session(b, AuthScheme.DIGEST, CREDS);
        s.get(CS, SelectorSet.EMPTY);
        digest.staleOnce();
        assertThat(s.get(CS, SelectorSet.EMPTY).get("EnabledState")).contains("2");
        assertThat(b.requests()).hasSize(4);
    }

    @Test
    void wrongDigestPasswordFailsAfterOneChallengeAndNeverLoops() throws Exception {
        FakeBmc b = serve(new TestAuth.Digest("admin", "other", req -> Reply.xml(200, OK)));
        WsmanSession s = session(b, AuthScheme.DIGEST, CREDS);
        assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOf(WsmanAuthException.class)
                .hasMessageContaining("401").hasMessageNotContaining("s3cret");
        assertThat(b.requests()).hasSize(2);
    }

    @Test
    void forbiddenIsAnAuthFailure() throws Exception {
        FakeBmc b = serve(req -> new Reply(403, java.util.Map.of(), new byte[0]));
        assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY))
                .isInstanceOfSatisfying(WsmanAuthException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
        assertThat(b.requests()).hasSize(1);
    }

    @Test
    void autoPicksDigestFromTheChallenge() throws Exception {
        FakeBmc b = serve(new TestAuth.Digest("admin", "s3cret!", req -> Reply.xml(200, OK)));
        WsmanSession s = session(b, AuthScheme.AUTO, CREDS);
        s.get(CS, SelectorSet.EMPTY);
        s.get(CS, SelectorSet.EMPTY);
        assertThat(b.requests()).hasSize(3);
    }

    @Test
    void concurrentDigestCallsFromManyVirtualThreadsShareOneNonce() throws Exception {
        TestAuth.Digest digest = new TestAuth.Digest("admin", "s3cret!", req -> Reply.xml(200, OK));
        FakeBmc b = serve(digest);
        WsmanSession s = session(b, AuthScheme.DIGEST, CREDS);
        s.get(CS, SelectorSet.EMPTY);
        int n = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CimInstance>> results = new ArrayList<>();
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                results.add(vt.submit(() -> {
                    start.await();
                    return s.get(CS, SelectorSet.EMPTY);
                }));
            }
            start.countDown();
            for (Future<CimInstance> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS).get("EnabledState")).contains("2");
            }
        }
        // every request was accepted on the first try: no (nonce, nc) was ever reused
        assertThat(b.requests()).hasSize(n + 2);
        assertThat(digest.challenges).hasValue(1);
    }

    @Test
    void faultsAreParsedFromAnyStatus() throws Exception {
        for (int status : new int[] {400, 500, 200}) {
            FakeBmc b = serve(req -> Reply.xml(status, Soap.fault("wsman:InvalidSelectors", "bad key",
                    "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InsufficientSelectors")));
            assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY))
                    .isInstanceOfSatisfying(WsmanFaultException.class, f -> {
                        assertThat(f.httpStatus()).isEqualTo(status);
                        assertThat(f.code()).isEqualTo("s:Sender");
                        assertThat(f.subcode()).isEqualTo("wsman:InvalidSelectors");
                        assertThat(f.subcodeName()).isEqualTo("InvalidSelectors");
                        assertThat(f.reason()).isEqualTo("bad key");
                        assertThat(f.detail()).endsWith("faultDetail/InsufficientSelectors");
                    });
        }
    }

    @Test
    void non2xxWithoutFaultIsAnHttpStatusError() throws Exception {
        FakeBmc b = serve(req -> new Reply(500, java.util.Map.of(), "<html>oops</html>".getBytes()));
        assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).invoke(CS, "RequestStateChange",
                SelectorSet.EMPTY, List.of())).isInstanceOfSatisfying(WsmanProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(WsmanProtocolException.Kind.HTTP_STATUS));
        assertThat(b.requests()).hasSize(1);
    }

    @Test
    void silentBmcTimesOut() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeBmc b = serve(req -> {
            never.await();
            return Reply.xml(200, OK);
        });
        WsmanSession s = client.session(WsmanEndpoint.builder(b.url(), CREDS).auth(AuthScheme.BASIC)
                .responseTimeout(Duration.ofMillis(300)).build());
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOfSatisfying(WsmanTimeoutException.class,
                e -> assertThat(e.phase()).isEqualTo(WsmanTimeoutException.Phase.RESPONSE));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(b.requests()).hasSize(1);
        never.countDown();
    }

    @Test
    void connectionResetIsRetriedForIdempotentCallsOnly() throws Exception {
        FakeBmc b = serve(req -> {
            throw new FakeBmc.Abort();
        });
        WsmanSession s = session(b, AuthScheme.BASIC, CREDS);
        assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOf(WsmanConnectionException.class);
        assertThat(b.requests()).hasSize(2);
        assertThatThrownBy(() -> s.invoke(CS, "RequestStateChange", SelectorSet.EMPTY, List.of()))
                .isInstanceOf(WsmanConnectionException.class);
        assertThat(b.requests()).hasSize(3);
    }

    @Test
    void refusedConnectionIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        WsmanSession s = client.session(WsmanEndpoint.builder(URI.create("http://127.0.0.1:" + port + "/wsman"),
                CREDS).maxRetries(0).build());
        assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOf(WsmanConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void malformedXmlIsAProtocolError() throws Exception {
        FakeBmc b = serve(req -> Reply.xml(200, "<s:Envelope><unclosed>"));
        assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY))
                .isInstanceOfSatisfying(WsmanProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(WsmanProtocolException.Kind.MALFORMED_XML));
    }

    @Test
    void controlCharactersPassOnTheLenientPathOnly() throws Exception {
        String dirty = Soap.instance("CIM_ComputerSystem", "<p:DriverVersion>7.1\u0001\u0007</p:DriverVersion>");
        FakeBmc b = serve(req -> Reply.xml(200, dirty));
        CimInstance i = session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY);
        assertThat(i.get("DriverVersion")).contains("7.1");
        WsmanSession strict = client.session(WsmanEndpoint.builder(b.url(), CREDS).auth(AuthScheme.BASIC)
                .lenientXml(false).build());
        assertThatThrownBy(() -> strict.get(CS, SelectorSet.EMPTY)).isInstanceOf(WsmanProtocolException.class);
    }

    @Test
    void entityPayloadsAreRefused() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><s:Envelope "
                + "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><x>&lol2;</x></s:Body></s:Envelope>";
        FakeBmc b = serve(req -> Reply.xml(200, laughs));
        assertThatThrownBy(() -> session(b, AuthScheme.BASIC, CREDS).get(CS, SelectorSet.EMPTY))
                .isInstanceOfSatisfying(WsmanProtocolException.class,
                        e -> assertThat(e.kind()).isIn(WsmanProtocolException.Kind.REFUSED_XML));
    }

    @Test
    void oversizedResponsesAreRefused() throws Exception {
        String big = Soap.instance("CIM_ComputerSystem", "<p:Blob>" + "x".repeat(300_000) + "</p:Blob>");
        FakeBmc b = serve(req -> Reply.xml(200, big));
        WsmanSession s = client.session(WsmanEndpoint.builder(b.url(), CREDS).auth(AuthScheme.BASIC)
                .maxResponseBytes(100_000).build());
        assertThatThrownBy(() -> s.get(CS, SelectorSet.EMPTY)).isInstanceOfSatisfying(WsmanProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(WsmanProtocolException.Kind.TOO_LARGE));
    }
}
