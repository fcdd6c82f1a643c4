package io.lightsout.appliance.bmc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Runs {@link ReachabilityProbe}s. Thread-safe; each probe is bounded by its own timeout. */
public class ReachabilityProber {

    /** A probe's answer: reachable or not, and what was seen (for reports). */
    public record Outcome(boolean reachable, String detail) {
    }

    public Outcome check(ReachabilityProbe probe) throws InterruptedException {
        return switch (probe) {
            case ReachabilityProbe.TcpConnect tcp -> tcp(tcp);
            case ReachabilityProbe.IcmpEcho icmp -> icmp(icmp);
        };
    }

    private static Outcome tcp(ReachabilityProbe.TcpConnect probe) throws InterruptedException {
        String where = "tcp/" + probe.port() + " on " + probe.host().getHostAddress();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(probe.host(), probe.port()), (int) probe.timeout().toMillis());
            return new Outcome(true, "answered on " + where);
        } catch (SocketTimeoutException e) {
            return new Outcome(false, "no answer on " + where + " within " + probe.timeout());
        } catch (ConnectException e) {
            // A refusal proves some TCP stack answered, but not that the service we verify with is up.
            return new Outcome(false, "connection refused on " + where);
        } catch (IOException e) {
            checkInterrupt();
            return new Outcome(false, "no answer on " + where + ": " + e.getMessage());
        }
    }

    private static Outcome icmp(ReachabilityProbe.IcmpEcho probe) throws InterruptedException {
        String where = probe.host().getHostAddress();
        try {
            // As root the JDK sends a real ICMP echo; otherwise it falls back to TCP echo (port 7).
            boolean ok = probe.host().isReachable((int) probe.timeout().toMillis());
            return new Outcome(ok, ok ? "echo reply from " + where : "no echo reply from " + where + " within "
                    + probe.timeout());
        } catch (IOException e) {
            checkInterrupt();
            return new Outcome(false, "echo to " + where + " failed: " + e.getMessage());
        }
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("probe interrupted");
        }
    }
}
