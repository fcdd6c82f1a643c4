package io.lightsout.lab;

import java.time.Duration;

/**
 * A misbehaviour a simulated BMC can be told to show, per BMC ({@link SimulatedBmc#inject}) or fleet-wide
 * ({@link Lab.Builder#faults(String)}). Each request draws at most one fault: the first whose
 * {@link #probability()} hits, BMC faults before fleet faults. {@link Latency} is not drawn: it replaces the
 * lab's latency for the BMC.
 */
public sealed interface Fault {

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

    /** Answer 401 even to the right credentials (a changed password). */
    record WrongPassword(double probability) implements Fault {
    }

    /** After answering, replace the BMC's certificate, so the next TLS connection sees a new one. */
    record CertificateChange(double probability) implements Fault {
    }

    /** This BMC's latency: uniform between min and max for every request. */
    record Latency(Duration min, Duration max) implements Fault {
        @Override
        public double probability() {
            return 1.0;
        }
    }
}
