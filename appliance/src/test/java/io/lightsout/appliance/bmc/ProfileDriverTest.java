package io.lightsout.appliance.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileDriverTest {

    /** An AMT-like profile: no graceful off, PXE and disk only, no inventory; records what it was asked. */
    static final class RecordingProfile implements PowerProfile {
        final List<String> asked = new ArrayList<>();

        @Override
        public Set<PowerAction> powerActions() {
            return Set.of(PowerAction.ON, PowerAction.OFF_HARD, PowerAction.CYCLE, PowerAction.RESET);
        }

        @Override
        public Set<BootDevice> bootDevices() {
            return Set.of(BootDevice.PXE, BootDevice.DISK);
        }

        @Override
        public boolean hasInventory() {
            return false;
        }

        @Override
        public PowerReading readPower(BmcTarget target) {
            asked.add("read");
            return new PowerReading(PowerState.UNKNOWN, PowerReading.Source.BMC, "PowerState 1 (Other)", Instant.EPOCH);
        }

        @Override
        public Accepted changePower(BmcTarget target, PowerAction action) {
            asked.add("change " + action);
            return Accepted.of("ReturnValue 0");
        }

        @Override
        public Accepted setBootOnce(BmcTarget target, BootDevice device) {
            asked.add("boot " + device);
            return Accepted.of("ok");
        }

        @Override
        public Inventory inventory(BmcTarget target) {
            return new Inventory(Map.of());
        }
    }

    private final RecordingProfile profile = new RecordingProfile();
    private final BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(
            new ProfileDriver(NodeType.AMT, profile))), CallLimits.DEFAULT);
    private final BmcTarget amt = new BmcTarget("a1", NodeType.AMT, "s", Optional.of("10.0.0.9:16993"),
            Optional.empty());

    @Test
    void commandsReachTheProfileAndUnsupportedOnesDoNot() throws Exception {
        assertThat(executor.execute(amt, new BmcCommand.GetPowerState()).detail()).isEqualTo("PowerState 1 (Other)");
        executor.execute(amt, new BmcCommand.SetBootOnce(BootDevice.PXE));
        executor.execute(amt, new BmcCommand.ChangePower(PowerAction.CYCLE));
        for (BmcCommand<?> no : List.of(new BmcCommand.ChangePower(PowerAction.OFF_GRACEFUL),
                new BmcCommand.SetBootOnce(BootDevice.ISO), new BmcCommand.GetInventory())) {
            assertThatThrownBy(() -> executor.execute(amt, no)).isInstanceOfSatisfying(BmcException.class,
                    e -> assertThat(e.reason()).isEqualTo(BmcException.Reason.UNSUPPORTED));
        }
        assertThat(profile.asked).containsExactly("read", "boot PXE", "change CYCLE");
    }

    @Test
    void onlyNodeTypesWithABmcTakeAProfile() {
        assertThatThrownBy(() -> new ProfileDriver(NodeType.WOL_ONLY, profile)).hasMessageContaining("WOL_ONLY");
    }
}
