package io.lightsout.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.xdr.Nfs3;
import io.lightsout.testkit.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection caps and the activity counters, on ephemeral ports without a portmapper (no root needed). */
class ShareLimitsAndStatsTest {
    @TempDir
    Path dir;

    private NfsShare share(Clock clock, int perClient) throws IOException {
        NfsShare s = NfsShare.builder().bind(InetAddress.getLoopbackAddress()).ports(-1, 0, 0)
                .export(new Export("/e", dir, ClientAcl.parse("127.0.0.0/8"))).clock(clock)
                .connectionLimits(perClient, 100).build();
        s.start();
        return s;
    }

    @Test
    void connectionsOverThePerClientCapAreClosed() throws Exception {
        try (NfsShare s = share(Clock.systemUTC(), 2)) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    open.add(connect(s));
                }
                try (Socket third = connect(s)) {
                    third.setSoTimeout(5000);
                    assertThat(third.getInputStream().read()).as("closed by the server").isEqualTo(-1);
                }
                try (RawRpc ok = new RawRpc(s.nfsAddress())) {
                    // the two first connections still count: this one is refused too
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> ok.call(Nfs3.PROGRAM, 3, Nfs3.PROC_NULL, new RawRpc.Args()))
                            .isInstanceOf(IOException.class);
                }
                for (Socket socket : open) {
                    socket.setSoTimeout(200);
                    try {
                        assertThat(socket.getInputStream().read()).isNotEqualTo(-1);
                    } catch (SocketTimeoutException stillOpen) {
                        // open and idle: as expected
                    }
                }
            } finally {
                for (Socket socket : open) {
                    socket.close();
                }
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                try (RawRpc again = new RawRpc(s.nfsAddress())) {
                    again.call(Nfs3.PROGRAM, 3, Nfs3.PROC_NULL, new RawRpc.Args());
                }
            });
        }
    }

    @Test
    void countsOperationsPerSecondBytesAndMounts() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "0123456789");
        ManualClock clock = new ManualClock();
        try (NfsShare s = share(clock, 8); RawRpc mount = new RawRpc(s.mountdAddress());
                RawRpc nfs = new RawRpc(s.nfsAddress())) {
            var r = mount.call(100005, 3, 1, new RawRpc.Args().opaque("/e".getBytes()));
            assertThat(r.readInt()).isZero();
            byte[] root = RawRpc.opaque(r);
            var l = nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_LOOKUP, new RawRpc.Args().opaque(root).opaque("f.txt".getBytes()));
            assertThat(l.readInt()).isZero();
            byte[] fh = RawRpc.opaque(l);
            for (int i = 0; i < 20; i++) {
                nfs.call(Nfs3.PROGRAM, 3, Nfs3.PROC_READ, new RawRpc.Args().opaque(fh).l(0).i(100)).readInt();
            }
            assertThat(s.stats().opsPerSecond()).as("the current second is not complete yet").isZero();
            clock.advance(1000);
            ShareStats stats = s.stats();
            assertThat(stats.opsPerSecond()).isEqualTo(22 / 10.0);
            assertThat(stats.operations()).isEqualTo(22);
            assertThat(stats.bytesRead()).isEqualTo(200);
            assertThat(stats.activeClients()).containsExactly(InetAddress.getLoopbackAddress());
            assertThat(stats.recentMounts()).singleElement().satisfies(m -> {
                assertThat(m.path()).isEqualTo("/e");
                assertThat(m.granted()).isTrue();
                assertThat(m.at()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
            });
            clock.advance(11_000);
            assertThat(s.stats().opsPerSecond()).as("older than the ten-second window").isZero();
        }
    }

    private static Socket connect(NfsShare s) throws IOException {
        Socket socket = new Socket();
        socket.connect(s.nfsAddress(), 5000);
        return socket;
    }
}
