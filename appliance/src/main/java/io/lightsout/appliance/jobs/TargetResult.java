package io.lightsout.appliance.jobs;

/**
 * How one target of a job ended.
 *
 * @param succeeded true when the action took effect (or was already in effect)
 * @param status    short machine-friendly outcome, e.g. {@code powered-on}, {@code already-on}, {@code ok}
 * @param reason    for a failure, why, in words an operator can act on; null on success
 */
public record TargetResult(boolean succeeded, String status, String reason) {
    public static TargetResult ok(String status) {
        return new TargetResult(true, status, null);
    }

    public static TargetResult failed(String status, String reason) {
        return new TargetResult(false, status, reason);
    }
}
