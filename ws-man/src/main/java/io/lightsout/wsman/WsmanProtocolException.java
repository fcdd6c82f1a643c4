package io.lightsout.wsman;

/** The device answered, but not with a usable WS-Man response. */
public final class WsmanProtocolException extends WsmanException {

    /** What was wrong with the response. */
    public enum Kind {
        /** Not well-formed XML (even after the lenient pass, when enabled). */
        MALFORMED_XML,
        /** XML refused for safety: a DTD, entities, or beyond depth/element limits. */
        REFUSED_XML,
        /** Larger than the configured response size limit. */
        TOO_LARGE,
        /** A non-2xx status without a SOAP fault in the body. */
        HTTP_STATUS,
        /** Well-formed SOAP, but not the expected response element. */
        UNEXPECTED_CONTENT
    }

    private final Kind kind;
    private final int httpStatus;

    public WsmanProtocolException(String endpoint, Kind kind, int httpStatus, String message, Throwable cause) {
        super(endpoint, message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the response, 0 if none was read. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean transientFailure() {
        return kind == Kind.HTTP_STATUS && (httpStatus == 502 || httpStatus == 503 || httpStatus == 504);
    }
}
