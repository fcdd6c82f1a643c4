package io.lightsout.appliance.power;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one power request on one node: claim the node, read its state, let the {@link PowerPolicy} decide, send
 * the steps. Jobs call it once per target on a virtual thread.
 */
public final class PowerService {

    private final BmcExecutor executor;
    private final PowerPolicy policy;
    private final InFlightActions inFlight;
    private final Clock clock;

    public PowerService(BmcExecutor executor, PowerPolicy policy, InFlightActions inFlight, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PowerOutcome apply(BmcTarget target, PowerRequest request) throws InterruptedException {
        Optional<InFlightActions.Ticket> ticket = inFlight.tryBegin(target.nodeId(), request.describe());
        if (ticket.isEmpty()) {
            return new PowerOutcome.Refused(inFlight.current(target.nodeId())
                    .map(f -> "node " + f.nodeId() + " already has '" + f.action() + "' in flight since " + f.since())
                    .orElse("node " + target.nodeId() + " has another action in flight"), Optional.empty());
        }
        try (InFlightActions.Ticket held = ticket.get()) {
            PowerReading before = read(target);
            Optional<PowerReading> known = Optional.of(before);
            return switch (policy.decide(request, before, c -> executor.supports(target, c))) {
                case PowerPolicy.Decision.Refused r -> new PowerOutcome.Refused(r.reason(), known);
                case PowerPolicy.Decision.NothingToDo n -> new PowerOutcome.NothingToDo(n.reason(), known);
                case PowerPolicy.Decision.Proceed p -> run(target, p.steps(), known);
            };
        }
    }

    /** Reads the power state; a failed read is itself a reading (UNKNOWN or AUTH_FAILED), never a guess. */
    public PowerReading read(BmcTarget target) throws InterruptedException {
        return read(executor, target, clock);
    }

    /** {@link #read(BmcTarget)} for callers that hold an executor but no service (campaigns). */
    public static PowerReading read(BmcExecutor executor, BmcTarget target, Clock clock) throws InterruptedException {
        try {
            return executor.execute(target, new BmcCommand.GetPowerState());
        } catch (BmcException e) {
            PowerState state = e.reason() == BmcException.Reason.AUTH_FAILED ? PowerState.AUTH_FAILED
                    : PowerState.UNKNOWN;
            return new PowerReading(state, PowerReading.Source.BMC, e.getMessage(), clock.instant());
        }
    }

    private PowerOutcome run(BmcTarget target, List<BmcCommand<?>> steps, Optional<PowerReading> before)
            throws InterruptedException {
        List<Accepted> done = new ArrayList<>();
        for (BmcCommand<?> step : steps) {
            try {
                done.add((Accepted) executor.execute(target, step));
            } catch (BmcException e) {
                return new PowerOutcome.Failed(e.reason(), e.getMessage(), done.size(), before);
            }
        }
        return new PowerOutcome.Done(done, before);
    }
}
