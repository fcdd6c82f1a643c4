package io.lightsout.appliance.power.campaign;

/** How a target is woken. */
public enum WakeMethod {
    /** Power-on through the node's BMC. */
    BMC,
    /** A wake-on-LAN magic packet. */
    WOL
}
