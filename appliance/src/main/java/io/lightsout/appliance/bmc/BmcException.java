package io.lightsout.appliance.bmc;

import java.util.Objects;
import java.util.Optional;

/**
 * A command did not complete. The {@link Reason} is what callers branch on (and what reports and the API map
 * once); {@link #protocolCode()} keeps the protocol's own code (a WS-Man fault subcode, an iDRAC message id).
 * Messages never contain credentials.
 */
public final class BmcException extends Exception {

    /** Why a command failed. */
    public enum Reason {
        /** The BMC rejected the credentials. Not retried: repeated failures lock BMC accounts. */
        AUTH_FAILED,
        /** No answer: connection refused or reset, no route, DNS failure, nothing listening. Retryable. */
        UNREACHABLE,
        /** The call did not finish within its timeout. Retryable for idempotent commands only. */
        TIMEOUT,
        /**
         * The BMC presented another TLS certificate than the one pinned on first use. Nothing is sent until an
         * admin re-trusts the node; not retried.
         */
        CERTIFICATE_CHANGED,
        /** The BMC answered with a fault or an error return value. */
        BMC_ERROR,
        /** The node's driver does not support this command (or there is no driver for its type). */
        UNSUPPORTED,
        /** The per-BMC, per-site or global call limit stayed full for the whole queue timeout. */
        BUSY
    }

    private final Reason reason;
    private final String protocolCode;

    public BmcException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public BmcException(Reason reason, String message, String protocolCode, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.protocolCode = protocolCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The protocol's own error code, when the BMC gave one. */
    public Optional<String> protocolCode() {
        return Optional.ofNullable(protocolCode);
    }

    /** Whether trying the same command again later may succeed. */
    public boolean retryable() {
        return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT || reason == Reason.BUSY;
    }
}
