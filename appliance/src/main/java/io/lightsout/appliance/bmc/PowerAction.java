package io.lightsout.appliance.bmc;

/** The power changes a driver can be asked for (CIM PowerState values in brackets, see docs/protocols). */
public enum PowerAction {
    /** Power on (2). */
    ON(false),
    /** Hard power off, no OS involvement (8 on AMT; iDRAC "off"). */
    OFF_HARD(true),
    /** Ask the OS to shut down (12, graceful). */
    OFF_GRACEFUL(true),
    /** Hard power cycle (5 on AMT, 9 on iDRAC). */
    CYCLE(true),
    /** Hard reset (10). */
    RESET(true);

    private final boolean destructive;

    PowerAction(boolean destructive) {
        this.destructive = destructive;
    }

    /** Whether the action can lose the running OS's work; such actions run at most once, even across restarts. */
    public boolean destructive() {
        return destructive;
    }
}
