package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain-HTTP listener over a raw socket: the Location header is never steered by what a client sends. */
class HttpsRedirectTest {
    private static TestAppliance fromHost;
    private static TestAppliance named;

    @BeforeAll
    static void start() {
        fromHost = TestAppliance.start(Clock.systemUTC(), Map.of());
        named = TestAppliance.start(Clock.systemUTC(), Map.of("http.public-name", "lightsout.example.net"));
    }

    @AfterAll
    static void stop() {
        if (fromHost != null) {
            fromHost.close();
        }
        if (named != null) {
            named.close();
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and reads the head. */
    private static String send(TestAppliance app, String head) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", app.appliance().httpPort()), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end);
        }
    }

    private static String location(String response) {
        for (String line : response.split("\r\n")) {
            if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                return line.substring(9).strip();
            }
        }
        return null;
    }

    private static String status(String response) {
        return response.substring(0, Math.min(12, response.length()));
    }

    @Test
    void aValidHostIsKeptAndThePortIsAlwaysTheHttpsPort() throws IOException {
        int https = fromHost.appliance().httpsPort();
        String r = send(fromHost, "GET /portal/x?a=1&b=%20 HTTP/1.1\r\nHost: 127.0.0.1:8080");
        assertThat(status(r)).isEqualTo("HTTP/1.1 308");
        assertThat(location(r)).isEqualTo("https://127.0.0.1:" + https + "/portal/x?a=1&b=%20");
        assertThat(location(send(fromHost, "GET / HTTP/1.1\r\nHost: [::1]:80")))
                .isEqualTo("https://[::1]:" + https + "/");
        assertThat(location(send(fromHost, "GET / HTTP/1.1\r\nHost: bmc-mgr.dc1.example.")))
                .isEqualTo("https://bmc-mgr.dc1.example.:" + https + "/");
    }

    @Test
    void aHostileOrMissingHostIsRefusedWith400() throws IOException {
        for (String host : new String[] {"Host: evil.example/x", "Host: evil.example@127.0.0.1",
                "Host: 127.0.0.1:99999", "Host: 127.0.0.1:80x", "Host: [::1", "Host: [evil]:80", "Host: a..b",
                "Host: -evil.example", "Host: ex_ample", "Host: " + "a".repeat(300), "Host: 127.0.0.1\r\nHost: evil",
                "Host: a\tb", "Host: "}) {
            String r = send(fromHost, "GET /x HTTP/1.1\r\n" + host);
            assertThat(status(r)).as(host).endsWith(" 400");
            assertThat(location(r)).as(host).isNull();
        }
        assertThat(status(send(fromHost, "GET /x HTTP/1.0"))).endsWith(" 400");
    }

    @Test
    void theRequestCannotInjectIntoTheLocationHeader() throws IOException {
        int https = fromHost.appliance().httpsPort();
        String r = send(fromHost, "GET /a%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nHost: 127.0.0.1");
        assertThat(r).doesNotContainIgnoringCase("\r\nSet-Cookie");
        assertThat(location(r)).isEqualTo("https://127.0.0.1:" + https + "/a%0d%0aSet-Cookie:%20x=1");
        assertThat(status(send(fromHost, "GET http://evil.example/steal HTTP/1.1\r\nHost: 127.0.0.1")))
                .endsWith(" 400");
        assertThat(location(send(fromHost, "GET http://127.0.0.1/steal HTTP/1.1\r\nHost: 127.0.0.1")))
                .isEqualTo("https://127.0.0.1:" + https + "/steal");
    }

    @Test
    void aConfiguredPublicNameWinsOverAnyHost() throws IOException {
        int https = named.appliance().httpsPort();
        for (String host : new String[] {"Host: evil.example", "Host: 127.0.0.1:8080", "Host: evil_host"}) {
            String r = send(named, "GET /jobs?x=1 HTTP/1.1\r\n" + host);
            assertThat(status(r)).as(host).isEqualTo("HTTP/1.1 308");
            assertThat(location(r)).isEqualTo("https://lightsout.example.net:" + https + "/jobs?x=1");
        }
    }
}
