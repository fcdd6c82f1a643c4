package io.lightsout.appliance.power;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides what to send for a power request given the state just read and what the node's driver supports. Pure:
 * no I/O, no clock. Rules: nothing is sent to a BMC that rejected our credentials; nothing destructive is sent to
 * a node whose state is UNKNOWN; cycle and reset need a node that is on; a request already satisfied sends nothing.
 */
public final class PowerPolicy {

    /** The verdict. */
    public sealed interface Decision {
        /** Send these commands, in order. */
        record Proceed(List<BmcCommand<?>> steps) implements Decision {
            public Proceed {
                steps = List.copyOf(steps);
            }
        }

        /** The node is already where the request would take it. */
        record NothingToDo(String reason) implements Decision {
        }

        /** Not safe or not possible; the reason is for the operator. */
        record Refused(String reason) implements Decision {
        }
    }

    public Decision decide(PowerRequest request, PowerReading current, Predicate<BmcCommand<?>> supported) {
        PowerOperation op = request.operation();
        PowerState state = current.state();
        if (state == PowerState.AUTH_FAILED) {
            return new Decision.Refused("the BMC rejected the appliance's credentials; fix them before any power"
                    + " action (retrying would lock the BMC account)");
        }
        if (request.bootOnce().isPresent() && !op.starts()) {
            return new Decision.Refused("a one-time boot override needs an operation that starts the node"
                    + " (on, cycle or reset), not " + op.label());
        }
        if (state == PowerState.UNKNOWN && op.action().destructive()) {
            return new Decision.Refused("power state is unknown (" + current.detail() + "); no " + op.label()
                    + " is sent to a node whose state could not be read");
        }
        Decision byState = byState(request, state);
        if (byState != null) {
            return byState;
        }
        List<BmcCommand<?>> steps = new ArrayList<>();
        request.bootOnce().ifPresent(d -> steps.add(new BmcCommand.SetBootOnce(d)));
        steps.add(new BmcCommand.ChangePower(op.action()));
        for (BmcCommand<?> step : steps) {
            if (!supported.test(step)) {
                return new Decision.Refused("this node's driver cannot do " + describe(step));
            }
        }
        return new Decision.Proceed(steps);
    }

    private static Decision byState(PowerRequest request, PowerState state) {
        return switch (request.operation()) {
            case ON -> state != PowerState.ON ? null : request.bootOnce().isEmpty()
                    ? new Decision.NothingToDo("already on")
                    : new Decision.Refused("node is on: a one-time boot applies at the next start; use cycle or"
                            + " reset with the boot option");
            case OFF, GRACEFUL_SHUTDOWN -> state == PowerState.OFF ? new Decision.NothingToDo("already off") : null;
            case CYCLE, RESET -> state == PowerState.ON ? null : new Decision.Refused("node is "
                    + state.name().toLowerCase(java.util.Locale.ROOT) + ": " + request.operation().label()
                    + " needs a running node; use power on");
        };
    }

    private static String describe(BmcCommand<?> step) {
        return switch (step) {
            case BmcCommand.SetBootOnce b -> "a one-time boot to " + b.device();
            case BmcCommand.ChangePower c -> c.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            case BmcCommand.GetPowerState g -> "power state";
            case BmcCommand.GetInventory i -> "inventory";
        };
    }
}
