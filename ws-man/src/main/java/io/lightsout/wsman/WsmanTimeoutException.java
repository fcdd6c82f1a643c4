package io.lightsout.wsman;

import java.time.Duration;

/** A call exceeded its connect or response timeout. */
public final class WsmanTimeoutException extends WsmanException {

    /** Which timeout expired. */
    public enum Phase { CONNECT, RESPONSE }

    private final Phase phase;
    private final Duration timeout;

    public WsmanTimeoutException(String endpoint, Phase phase, Duration timeout, Throwable cause) {
        super(endpoint, (phase == Phase.CONNECT ? "no connection within " : "no response within ")
                + timeout.toMillis() + " ms", cause);
        this.phase = phase;
        this.timeout = timeout;
    }

    public Phase phase() {
        return phase;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean transientFailure() {
        return phase == Phase.CONNECT;
    }
}
