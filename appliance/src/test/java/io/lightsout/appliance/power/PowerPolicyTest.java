package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.appliance.power.PowerPolicy.Decision;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PowerPolicyTest {

    private final PowerPolicy policy = new PowerPolicy();

    private static PowerReading reading(PowerState s) {
        return new PowerReading(s, PowerReading.Source.BMC, "read: timed out after 60s", Instant.EPOCH);
    }

    private Decision decide(PowerOperation op, PowerState s) {
        return policy.decide(PowerRequest.of(op), reading(s), c -> true);
    }

    @ParameterizedTest
    @EnumSource(PowerOperation.class)
    void nothingIsSentWhenTheBmcRejectedOurCredentials(PowerOperation op) {
        assertThat(decide(op, PowerState.AUTH_FAILED)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).contains("credentials"));
    }

    @ParameterizedTest
    @EnumSource(value = PowerOperation.class, names = {"CYCLE", "RESET", "OFF", "GRACEFUL_SHUTDOWN"})
    void nothingDestructiveIsSentToANodeWhoseStateIsUnknown(PowerOperation op) {
        assertThat(decide(op, PowerState.UNKNOWN)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).contains("unknown").contains("timed out after 60s")
                        .contains("no " + op.label() + " is sent"));
    }

    @Test
    void powerOnIsTriedOnAnUnknownNodeBecauseItCannotHurt() {
        assertThat(decide(PowerOperation.ON, PowerState.UNKNOWN)).isEqualTo(
                new Decision.Proceed(java.util.List.of(new BmcCommand.ChangePower(PowerAction.ON))));
    }

    @Test
    void aSatisfiedRequestSendsNothing() {
        assertThat(decide(PowerOperation.ON, PowerState.ON)).isEqualTo(new Decision.NothingToDo("already on"));
        assertThat(decide(PowerOperation.OFF, PowerState.OFF)).isEqualTo(new Decision.NothingToDo("already off"));
        assertThat(decide(PowerOperation.GRACEFUL_SHUTDOWN, PowerState.OFF)).isInstanceOf(Decision.NothingToDo.class);
    }

    @Test
    void cycleAndResetNeedARunningNode() {
        assertThat(decide(PowerOperation.CYCLE, PowerState.OFF)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("node is off: power cycle needs a running node; use power on"));
        assertThat(decide(PowerOperation.RESET, PowerState.STANDBY)).isInstanceOf(Decision.Refused.class);
        assertThat(decide(PowerOperation.CYCLE, PowerState.ON)).isEqualTo(
                new Decision.Proceed(java.util.List.of(new BmcCommand.ChangePower(PowerAction.CYCLE))));
    }

    @Test
    void bootOnceToPxeComesBeforeThePowerStep() {
        PowerRequest pxeThenOn = new PowerRequest(PowerOperation.ON, Optional.of(BootDevice.PXE));
        assertThat(policy.decide(pxeThenOn, reading(PowerState.OFF), c -> true)).isEqualTo(new Decision.Proceed(
                java.util.List.of(new BmcCommand.SetBootOnce(BootDevice.PXE),
                        new BmcCommand.ChangePower(PowerAction.ON))));
        PowerRequest pxeThenCycle = new PowerRequest(PowerOperation.CYCLE, Optional.of(BootDevice.PXE));
        assertThat(policy.decide(pxeThenCycle, reading(PowerState.ON), c -> true)).isEqualTo(new Decision.Proceed(
                java.util.List.of(new BmcCommand.SetBootOnce(BootDevice.PXE),
                        new BmcCommand.ChangePower(PowerAction.CYCLE))));
        assertThat(policy.decide(pxeThenOn, reading(PowerState.ON), c -> true))
                .isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.reason()).contains("use cycle"));
        assertThat(policy.decide(new PowerRequest(PowerOperation.OFF, Optional.of(BootDevice.PXE)),
                reading(PowerState.ON), c -> true)).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void aStepTheDriverCannotDoIsRefusedByName() {
        PowerRequest pxeThenOn = new PowerRequest(PowerOperation.ON, Optional.of(BootDevice.PXE));
        assertThat(policy.decide(pxeThenOn, reading(PowerState.OFF), c -> !(c instanceof BmcCommand.SetBootOnce)))
                .isEqualTo(new Decision.Refused("this node's driver cannot do a one-time boot to PXE"));
    }
}
