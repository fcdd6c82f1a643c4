package io.lightsout.wsman;

import java.util.Optional;

/**
 * A SOAP 1.2 fault returned by the device (with any HTTP status: AMT answers faults with 400 or 500).
 */
public final class WsmanFaultException extends WsmanException {

    private final int httpStatus;
    private final String code;
    private final String subcode;
    private final String reason;
    private final String detail;

    public WsmanFaultException(String endpoint, int httpStatus, String code, String subcode, String reason,
                               String detail) {
        super(endpoint, "WS-Man fault " + (subcode.isEmpty() ? code : subcode)
                + (reason.isEmpty() ? "" : ": " + reason) + (detail.isEmpty() ? "" : " (" + detail + ")"), null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.reason = reason;
        this.detail = detail;
    }

    /** The HTTP status the fault came with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code env:Code/env:Value} as the device wrote the QName, e.g. {@code s:Sender}. */
    public String code() {
        return code;
    }

    /** {@code env:Subcode/env:Value} as written, e.g. {@code wsman:InvalidSelectors}; {@code ""} if none. */
    public String subcode() {
        return subcode;
    }

    /** The local part of the subcode (or code), e.g. {@code InvalidSelectors}. */
    public String subcodeName() {
        String s = subcode.isEmpty() ? code : subcode;
        return s.substring(s.lastIndexOf(':') + 1);
    }

    /** {@code env:Reason/env:Text}. */
    public String reason() {
        return reason;
    }

    /** {@code wsman:FaultDetail} URI or the flattened detail text, {@code ""} if none. */
    public String detail() {
        return detail;
    }

    /** The detail, if any. */
    public Optional<String> detailIfAny() {
        return detail.isEmpty() ? Optional.empty() : Optional.of(detail);
    }

    @Override
    public boolean transientFailure() {
        return httpStatus == 503;
    }
}
