package io.lightsout.wsman.profile;

/**
 * A requested power change, by its CIM {@code PowerState} value (CIM_PowerManagementService.RequestPowerStateChange,
 * DSP1027). Which ones a device accepts is profile-specific.
 */
public enum PowerAction {
    ON(2),
    SLEEP(4),
    CYCLE_SOFT(5),
    HIBERNATE(7),
    OFF_SOFT(8),
    CYCLE_HARD(9),
    RESET(10),
    NMI(11),
    OFF_GRACEFUL(12),
    RESET_GRACEFUL(14);

    private final int cimValue;

    PowerAction(int cimValue) {
        this.cimValue = cimValue;
    }

    /** The value sent as {@code PowerState}. */
    public int cimValue() {
        return cimValue;
    }
}
