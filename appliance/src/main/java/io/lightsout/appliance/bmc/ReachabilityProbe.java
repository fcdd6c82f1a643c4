package io.lightsout.appliance.bmc;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How to tell that a BMC-less node's OS is up. Only a positive answer counts: a refused or timed-out probe leaves
 * the node's state UNKNOWN, never OFF (a firewall or a stopped service looks the same as a switched-off box).
 */
public sealed interface ReachabilityProbe {

    InetAddress host();

    Duration timeout();

    /** A completed TCP handshake to a port the OS serves (445 SMB, 22 SSH, 3389 RDP...). */
    record TcpConnect(InetAddress host, int port, Duration timeout) implements ReachabilityProbe {
        public TcpConnect {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("probe port must be 1..65535, was " + port);
            }
            checkTimeout(timeout);
        }
    }

    /** An ICMP echo reply (needs the appliance to be allowed raw ICMP and the node's firewall to answer). */
    record IcmpEcho(InetAddress host, Duration timeout) implements ReachabilityProbe {
        public IcmpEcho {
            Objects.requireNonNull(host, "host");
            checkTimeout(timeout);
        }
    }

    private static void checkTimeout(Duration timeout) {
        if (timeout == null || !timeout.isPositive() || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("probe timeout must be in (0, 60s], was " + timeout);
        }
    }
}
