package io.lightsout.wsman;

/**
 * Every failure of a WS-Man call, typed so that callers map it once: a SOAP fault from the device, an
 * authentication failure, a timeout, a connection failure, a TLS trust failure, or a response that breaks the
 * protocol. Messages name the endpoint and the cause and never carry a credential.
 */
public abstract sealed class WsmanException extends RuntimeException
        permits WsmanFaultException, WsmanAuthException, WsmanTimeoutException, WsmanConnectionException,
        WsmanTlsException, WsmanProtocolException {

    private final String endpoint;

    protected WsmanException(String endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    /** The endpoint URL the call went to (no credentials in it). */
    public String endpoint() {
        return endpoint;
    }

    /** Whether repeating the same idempotent request may succeed (connection failures, 503, connect timeouts). */
    public boolean transientFailure() {
        return false;
    }
}
