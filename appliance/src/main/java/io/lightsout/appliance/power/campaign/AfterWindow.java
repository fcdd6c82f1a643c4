package io.lightsout.appliance.power.campaign;

/** What happens to woken nodes when the window closes. */
public enum AfterWindow {
    /** Leave them running. */
    LEAVE_ON,
    /**
     * Gracefully shut down the nodes this campaign woke (never those that were already on), through their BMC;
     * nodes without one are reported as not powered off. At most once per node, even across restarts.
     */
    POWER_OFF_WOKEN
}
