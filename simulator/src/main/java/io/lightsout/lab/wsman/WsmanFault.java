package io.lightsout.lab.wsman;

/**
 * A WS-Management fault the lab answers with (DSP0226 annex, SOAP 1.2 Fault). {@code subcode} is a QName
 * written with the prefix of its namespace ({@code wsman:}, {@code wsa:}, {@code wsen:}, {@code wxf:}).
 */
public final class WsmanFault extends RuntimeException {
    private final int httpStatus;
    private final boolean sender;
    private final String subcodeNs;
    private final String subcode;
    private final String detail;

    public WsmanFault(int httpStatus, boolean sender, String subcodeNs, String subcode, String reason, String detail) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
        this.sender = sender;
        this.subcodeNs = subcodeNs;
        this.subcode = subcode;
        this.detail = detail;
    }

    public static WsmanFault destinationUnreachable(String resourceUri) {
        return new WsmanFault(400, true, Ns.WSA, "DestinationUnreachable",
                "No route can be determined to reach the destination role defined by the WS-Addressing To "
                        + "(resource " + resourceUri + ")", "InvalidResourceURI");
    }

    public static WsmanFault actionNotSupported(String action) {
        return new WsmanFault(400, true, Ns.WSA, "ActionNotSupported",
                "The action is not supported by the service: " + action, "ActionMismatch");
    }

    public static WsmanFault invalidSelectors(String why) {
        return new WsmanFault(400, true, Ns.WSMAN, "InvalidSelectors",
                "The Selectors for the resource were not valid: " + why, "InvalidValue");
    }

    public static WsmanFault invalidEnumerationContext() {
        return new WsmanFault(400, true, Ns.WSEN, "InvalidEnumerationContext",
                "The supplied enumeration context is invalid (unknown, released or expired).", null);
    }

    public static WsmanFault invalidParameter(String why) {
        return new WsmanFault(400, true, Ns.WSMAN, "InvalidParameter", why, "InvalidValue");
    }

    public static WsmanFault schemaValidation(String why) {
        return new WsmanFault(400, true, Ns.WSMAN, "SchemaValidationError", why, null);
    }

    public static WsmanFault filterDialect(String dialect) {
        return new WsmanFault(400, true, Ns.WSEN, "FilterDialectRequestedUnavailable",
                "The requested filtering dialect is not supported: " + dialect, null);
    }

    public static WsmanFault cannotProcessFilter(String why) {
        return new WsmanFault(400, true, Ns.WSEN, "CannotProcessFilter", why, null);
    }

    public static WsmanFault invalidRepresentation(String why) {
        return new WsmanFault(400, true, Ns.WXF, "InvalidRepresentation", why, "InvalidValues");
    }

    public static WsmanFault internalError(String why) {
        return new WsmanFault(500, false, Ns.WSMAN, "InternalError", why, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean sender() {
        return sender;
    }

    public String subcodeNs() {
        return subcodeNs;
    }

    public String subcode() {
        return subcode;
    }

    public String reason() {
        return getMessage();
    }

    /** Fault detail name under {@link Ns#FAULT_DETAIL}, or null. */
    public String detail() {
        return detail;
    }
}
