package io.lightsout.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanProtocolException;
import io.lightsout.wsman.tls.TrustRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The socket transport against a hand-written HTTP/1.1 peer: chunked bodies, stale kept-alive connections. */
class HttpTransportTest {

    /** Serves each connection with {@code script}: request number on that connection → raw response, or null to close. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket server;
        final List<String> log = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        RawServer(Function<Integer, String> script) throws Exception {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                int conn = 0;
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        int id = ++conn;
                        Thread.ofVirtual().start(() -> serve(s, id, script));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s, int conn, Function<Integer, String> script) {
            try (s) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                for (int n = 1; ; n++) {
                    int length = 0;
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    while (!(line = in.readLine()).isEmpty()) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    char[] skip = new char[length];
                    for (int got = 0; got < length; ) {
                        got += in.read(skip, got, length - got);
                    }
                    log.add("conn" + conn + "#" + n);
                    String reply = script.apply(n);
                    if (reply == null) {
                        return;
                    }
                    out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (Exception e) {
                // peer went away
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/wsman");
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static RawResponse post(HttpTransport t, URI url, long max) {
        return post(t, url, max, true);
    }

    private static RawResponse post(HttpTransport t, URI url, long max, boolean idempotent) {
        return t.post(url, url.toString(), Map.of("Content-Type", "application/soap+xml"), "<x/>".getBytes(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), max, idempotent);
    }

    @Test
    void chunkedBodiesAreReassembled() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n";
        try (RawServer s = new RawServer(n -> chunked); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            assertThat(new String(post(t, s.url(), 1000).body())).isEqualTo("hello world");
            assertThat(new String(post(t, s.url(), 1000).body())).isEqualTo("hello world");
            assertThat(s.log).containsExactly("conn1#1", "conn1#2");
            assertThatThrownBy(() -> post(t, s.url(), 8)).isInstanceOfSatisfying(WsmanProtocolException.class,
                    e -> assertThat(e.kind()).isEqualTo(WsmanProtocolException.Kind.TOO_LARGE));
        }
    }

    @Test
    void aKeptAliveConnectionTheBmcClosedIsReplacedTransparently() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        // each connection answers one request, then closes without saying so
        try (RawServer s = new RawServer(n -> n == 1 ? ok : null); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            assertThat(post(t, s.url(), 100).status()).isEqualTo(200);
            assertThat(post(t, s.url(), 100).status()).isEqualTo(200);
            assertThat(s.log).containsExactly("conn1#1", "conn1#2", "conn2#1");
        }
    }

    @Test
    void aNonIdempotentRequestIsNeverSentTwice() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        // the BMC reads the second request on the kept-alive connection, then drops it without answering
        try (RawServer s = new RawServer(n -> n == 1 ? ok : null); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            assertThat(post(t, s.url(), 100).status()).isEqualTo(200);
            assertThatThrownBy(() -> post(t, s.url(), 100, false)).isInstanceOf(WsmanException.class);
            // the power change went out on the connection that had just answered, and was not sent again
            assertThat(s.log).containsExactly("conn1#1", "conn1#2");
        }
        try (RawServer s = new RawServer(n -> null); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            assertThatThrownBy(() -> post(t, s.url(), 100, false)).isInstanceOf(WsmanException.class);
            assertThat(s.log).containsExactly("conn1#1");
        }
    }

    @Test
    void aNonIdempotentRequestTakesOnlyAConnectionThatJustAnswered() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        try (RawServer s = new RawServer(n -> ok); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            post(t, s.url(), 100);
            post(t, s.url(), 100, false);
            assertThat(s.log).containsExactly("conn1#1", "conn1#2");
            Thread.sleep(HttpTransport.FRESH_REUSE.toMillis() + 200);
            // idle for longer than FRESH_REUSE: a new connection for the power change ...
            post(t, s.url(), 100, false);
            // ... which is kept alive in turn
            post(t, s.url(), 100);
            assertThat(s.log).containsExactly("conn1#1", "conn1#2", "conn2#1", "conn2#2");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        String close = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n"
                + "WWW-Authenticate: Negotiate\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        try (RawServer s = new RawServer(n -> close); HttpTransport t = new HttpTransport(new TrustRegistry())) {
            RawResponse r = post(t, s.url(), 100);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.wwwAuthenticate()).hasSize(2);
            post(t, s.url(), 100);
            assertThat(s.log).containsExactly("conn1#1", "conn2#1");
        }
    }
}
