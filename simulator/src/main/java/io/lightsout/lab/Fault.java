package io.lightsout.lab;

import java.time.Duration;

/**
 * A misbehaviour a simulated BMC can be told to show, per BMC ({@link SimulatedBmc#inject}) or fleet-wide
 * ({@link Lab.Builder#faults(String)}). Each request draws at most one fault: the first whose
 * {@link #probability()} hits, BMC faults before fleet faults. {@link Latency} is not drawn: it replaces the
 * lab's latency for the BMC (and so does {@link TailLatency}).
 */
public sealed interface Fault {

    /** A latency distribution; drawn for every request instead of the lab's own. */
    sealed interface Delay extends Fault permits Latency, TailLatency {
        /** A sample in milliseconds from two independent uniform values in [0, 1). */
        long sampleMillis(double u1, double u2);

        @Override
        default double probability() {
            return 1.0;
        }
    }

    /** Chance per request, 0..1. */
    double probability();

    /** Accept the request and never answer (the client's timeout must fire). */
    record Timeout(double probability) implements Fault {
    }

    /** Close the connection with a TCP reset instead of answering. */
    record ConnectionReset(double probability) implements Fault {
    }

    /** HTTP 500 with a SOAP fault (wsman:InternalError), as AMT and WinRM do. */
    record ServerError(double probability) implements Fault {
    }

    /** A 200 whose body is truncated, not well-formed XML. */
    record MalformedXml(double probability) implements Fault {
    }

    /** A 200 whose body carries raw control characters in text (iDRAC DriverVersion, JetPack#51). */
    record ControlCharacters(double probability) implements Fault {
    }

    /** A 200 whose body has a DOCTYPE with an external entity (file:///etc/passwd): the client must refuse it. */
    record XxePayload(double probability) implements Fault {
    }

    /** A 200 whose body has an entity-expansion ("billion laughs") DOCTYPE: the client must refuse it. */
    record EntityExpansion(double probability) implements Fault {
    }

    /** A 200 whose body is a valid envelope of {@code bytes} bytes (default 8 MiB). */
    record Oversized(double probability, int bytes) implements Fault {
    }

    /** Enumerate and Pull pages hold one item whatever MaxElements asks (some iDRACs, openwsman#14). */
    record OneItemPerPull(double probability) implements Fault {
    }

    /** Answer 401 even to the right credentials (a changed password). */
    record WrongPassword(double probability) implements Fault {
    }

    /** After answering, replace the BMC's certificate, so the next TLS connection sees a new one. */
    record CertificateChange(double probability) implements Fault {
    }

    /** Latency uniform between min and max. */
    record Latency(Duration min, Duration max) implements Delay {
        @Override
        public long sampleMillis(double u1, double u2) {
            long lo = min.toMillis();
            return lo + (long) (u1 * (max.toMillis() - lo + 1));
        }
    }

    /**
     * Log-normal latency with this median and 99th percentile: most answers near the median, a long tail (what
     * a fleet of busy BMCs behind WAN links looks like). Capped at 10 × p99.
     */
    record TailLatency(Duration median, Duration p99) implements Delay {
        @Override
        public long sampleMillis(double u1, double u2) {
            double m = Math.max(1, median.toMillis());
            double sigma = Math.log(Math.max(p99.toMillis(), m) / m) / 2.3263;
            // Box-Muller: one standard normal from two uniforms
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            return Math.min((long) (m * Math.exp(sigma * z)), 10 * p99.toMillis());
        }
    }
}
