package io.lightsout.wsman.profile;

/** A machine's power state as read from its BMC. Nothing is ever inferred: unreadable is {@link #UNKNOWN}. */
public enum PowerState {
    ON,
    OFF,
    SLEEP,
    HIBERNATE,
    /** The BMC answered with a value we do not map, or could not be read (timeout, fault, network). */
    UNKNOWN,
    /** The BMC refused the credentials. */
    AUTH_FAILED
}
