package io.lightsout.appliance.power.campaign;

/** Status of one campaign target; see {@link TargetState}. */
public enum TargetStatus {
    PENDING(false), SENT(false), VERIFIED(true), ALREADY_ON(true), FAILED(true);

    private final boolean terminal;

    TargetStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
