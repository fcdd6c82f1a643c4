package io.lightsout.appliance.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReachabilityProberTest {

    private final ReachabilityProber prober = new ReachabilityProber();

    @Test
    void onlyACompletedHandshakeCountsAsReachable() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        int closedPort;
        try (ServerSocket open = new ServerSocket(0, 5, lo)) {
            var ok = prober.check(new ReachabilityProbe.TcpConnect(lo, open.getLocalPort(), Duration.ofSeconds(2)));
            assertThat(ok.reachable()).isTrue();
            assertThat(ok.detail()).isEqualTo("answered on tcp/" + open.getLocalPort() + " on 127.0.0.1");
            closedPort = open.getLocalPort();
        }
        var refused = prober.check(new ReachabilityProbe.TcpConnect(lo, closedPort, Duration.ofSeconds(2)));
        assertThat(refused.reachable()).isFalse();
        assertThat(refused.detail()).isEqualTo("connection refused on tcp/" + closedPort + " on 127.0.0.1");
    }

    @Test
    void icmpEchoToLoopbackIsAnswered() throws Exception {
        // tests run as root (bin/test), so the JDK sends a real ICMP echo here
        var echo = prober.check(new ReachabilityProbe.IcmpEcho(InetAddress.getByName("127.0.0.1"),
                Duration.ofSeconds(2)));
        assertThat(echo.reachable()).isTrue();
        assertThat(echo.detail()).isEqualTo("echo reply from 127.0.0.1");
    }
}
