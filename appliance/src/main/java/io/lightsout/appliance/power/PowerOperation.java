package io.lightsout.appliance.power;

import io.lightsout.appliance.bmc.PowerAction;

/** What an operator asks for on a node. */
public enum PowerOperation {
    ON("power on", PowerAction.ON),
    OFF("power off (hard)", PowerAction.OFF_HARD),
    GRACEFUL_SHUTDOWN("graceful shutdown", PowerAction.OFF_GRACEFUL),
    CYCLE("power cycle", PowerAction.CYCLE),
    RESET("reset", PowerAction.RESET);

    private final String label;
    private final PowerAction action;

    PowerOperation(String label, PowerAction action) {
        this.label = label;
        this.action = action;
    }

    public String label() {
        return label;
    }

    /** The driver-level action this operation ends with. */
    public PowerAction action() {
        return action;
    }

    /** Whether the operation starts the node, so that a one-time boot override can apply. */
    public boolean starts() {
        return this == ON || this == CYCLE || this == RESET;
    }
}
