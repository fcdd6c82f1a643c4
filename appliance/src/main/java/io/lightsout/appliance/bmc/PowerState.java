package io.lightsout.appliance.bmc;

/**
 * A node's power as last read. {@link #UNKNOWN} and {@link #AUTH_FAILED} are real answers: the appliance never
 * turns them into ON or OFF, and the power policy refuses destructive actions on them.
 */
public enum PowerState {
    ON,
    OFF,
    /** Sleeping or hibernating (S3/S4), as BMCs report it. */
    STANDBY,
    /** No trustworthy answer: BMC unreachable, timed out, answered something unmapped, or an OS probe failed. */
    UNKNOWN,
    /** The BMC refused our credentials; nothing else should be tried until they are fixed (account lockout). */
    AUTH_FAILED
}
