package io.lightsout.appliance.bmc;

/** What manages a node out of band; the {@link DriverRegistry} key. */
public enum NodeType {
    /** Dell iDRAC (DCIM profiles over WS-Man). */
    IDRAC,
    /** Intel AMT (CIM/AMT/IPS profiles over WS-Man). */
    AMT,
    /** DMTF DASH (CIM profiles over WS-Man). */
    DASH,
    /** No BMC: woken with wake-on-LAN, its state read by an OS reachability probe. */
    WOL_ONLY;

    /** The name users read and write (API, CSV, CLI): {@code WOL} for {@link #WOL_ONLY}, else the constant's name. */
    public String label() {
        return this == WOL_ONLY ? "WOL" : name();
    }

    /** Whether a BMC answers for this node, so that power is read and changed through it. */
    public boolean hasBmc() {
        return this != WOL_ONLY;
    }
}
