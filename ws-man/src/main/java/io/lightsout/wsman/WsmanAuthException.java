package io.lightsout.wsman;

/** The device refused the credentials (HTTP 401 after the one permitted challenge round, or 403). */
public final class WsmanAuthException extends WsmanException {

    private final int httpStatus;

    public WsmanAuthException(String endpoint, int httpStatus, String message) {
        super(endpoint, message, null);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
