package io.lightsout.wsman;

/** The TCP connection could not be made, or broke before a response arrived (refused, reset, closed). */
public final class WsmanConnectionException extends WsmanException {

    public WsmanConnectionException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
