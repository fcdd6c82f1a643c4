package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one target of one campaign run stands; persisted after every transition.
 * <pre>
 * PENDING --power-on accepted--> SENT(n) --state reads ON--> VERIFIED
 *    |  \--reads ON before anything was sent--> ALREADY_ON
 *    \-- auth failed / unsupported / deadline --> FAILED(reason)      SENT(n) --deadline--> FAILED
 * </pre>
 * A PENDING target may have failed attempts (the BMC did not answer); {@link #attempts()} counts every power-on
 * tried, accepted or not. Terminal states are never left, which is what makes a resumed run safe.
 *
 * @param nodeId        the node
 * @param status        see above
 * @param method        the wake method used, once one was chosen
 * @param attempts      power-ons tried
 * @param lastAttemptAt when the last one was tried
 * @param lastError     why the last attempt or read failed, if it did
 * @param failure       the final reason, for FAILED
 * @param detail        what was last seen, for people (never a secret)
 * @param doneAt        when the target reached its terminal state
 * @param powerOff      the after-window power-off, for nodes this campaign woke
 */
public record TargetState(String nodeId, TargetStatus status, Optional<WakeMethod> method, int attempts,
                          Optional<Instant> lastAttemptAt, Optional<BmcException.Reason> lastError,
                          Optional<FailureReason> failure, String detail, Optional<Instant> doneAt,
                          PowerOff powerOff) {

    /** Progress of the after-window power-off; REQUESTED is persisted before the command is sent. */
    public enum PowerOff { NONE, REQUESTED, DONE, FAILED, NOT_POSSIBLE }

    public TargetState {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(powerOff, "powerOff");
        if ((status == TargetStatus.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failure reason goes with FAILED and only with it");
        }
    }

    public static TargetState pending(String nodeId) {
        return new TargetState(nodeId, TargetStatus.PENDING, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), "not started", Optional.empty(), PowerOff.NONE);
    }

    public boolean terminal() {
        return status.terminal();
    }

    TargetState sent(WakeMethod how, Instant at, String what) {
        return new TargetState(nodeId, TargetStatus.SENT, Optional.of(how), attempts + 1, Optional.of(at),
                Optional.empty(), Optional.empty(), what, Optional.empty(), powerOff);
    }

    /** An attempt the BMC did not accept; the target keeps its status (PENDING or SENT). */
    TargetState attemptFailed(WakeMethod how, Instant at, BmcException.Reason error, String what) {
        return new TargetState(nodeId, status, Optional.of(how), attempts + 1, Optional.of(at), Optional.of(error),
                Optional.empty(), what, Optional.empty(), powerOff);
    }

    TargetState verified(Instant at, String what) {
        return finish(TargetStatus.VERIFIED, Optional.empty(), at, what);
    }

    TargetState alreadyOn(Instant at, String what) {
        return finish(TargetStatus.ALREADY_ON, Optional.empty(), at, what);
    }

    public TargetState failed(FailureReason reason, Instant at, String what) {
        return finish(TargetStatus.FAILED, Optional.of(reason), at, what);
    }

    /**
     * The after-window power-off's progress; {@link #detail} stays the verification evidence (the progress is in
     * {@link #powerOff}).
     */
    TargetState withPowerOff(PowerOff next) {
        return withPowerOff(next, detail);
    }

    /** A failed after-window power-off: its error follows the verification evidence in {@link #detail}. */
    TargetState powerOffFailed(String error) {
        return withPowerOff(PowerOff.FAILED, detail + "; power-off failed: " + error);
    }

    private TargetState withPowerOff(PowerOff next, String what) {
        return new TargetState(nodeId, status, method, attempts, lastAttemptAt, lastError, failure, what, doneAt,
                next);
    }

    private TargetState finish(TargetStatus to, Optional<FailureReason> reason, Instant at, String what) {
        return new TargetState(nodeId, to, method, attempts, lastAttemptAt, lastError, reason, what,
                Optional.of(at), powerOff);
    }
}
