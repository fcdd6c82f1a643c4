package io.lightsout.appliance.bmc;

import io.lightsout.appliance.power.wol.WakeRequest;
import io.lightsout.appliance.power.wol.WolSender;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * The driver for nodes without a BMC: power-on is a magic packet, power state is the OS reachability probe
 * (ON when it answers, otherwise UNKNOWN with what was seen: no answer is not proof of OFF). Nothing else is
 * possible without a BMC.
 */
public final class WolOnlyDriver implements BmcDriver {

    private final WolSender sender;
    private final ReachabilityProber prober;
    private final Clock clock;

    public WolOnlyDriver(WolSender sender, ReachabilityProber prober, Clock clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NodeType type() {
        return NodeType.WOL_ONLY;
    }

    @Override
    public boolean supports(BmcCommand<?> command) {
        return switch (command) {
            case BmcCommand.GetPowerState g -> true;
            case BmcCommand.ChangePower c -> c.action() == PowerAction.ON;
            case BmcCommand.SetBootOnce b -> false;
            case BmcCommand.GetInventory i -> false;
        };
    }

    @Override
    public <R> R execute(BmcTarget target, BmcCommand<R> command) throws BmcException, InterruptedException {
        BmcTarget.WolEndpoint wol = target.wol().orElseThrow(() -> new BmcException(
                BmcException.Reason.UNSUPPORTED, "node " + target.nodeId() + " has no MAC for wake-on-LAN"));
        Object result = switch (command) {
            case BmcCommand.GetPowerState g -> read(wol);
            case BmcCommand.ChangePower c when c.action() == PowerAction.ON -> wake(wol);
            case BmcCommand.ChangePower c -> throw unsupported(c);
            case BmcCommand.SetBootOnce b -> throw unsupported(b);
            case BmcCommand.GetInventory i -> throw unsupported(i);
        };
        return command.resultType().cast(result);
    }

    private PowerReading read(BmcTarget.WolEndpoint wol) throws InterruptedException {
        ReachabilityProber.Outcome outcome = prober.check(wol.probe());
        return new PowerReading(outcome.reachable() ? PowerState.ON : PowerState.UNKNOWN,
                PowerReading.Source.PROBE, outcome.detail(), clock.instant());
    }

    private Accepted wake(BmcTarget.WolEndpoint wol) throws BmcException, InterruptedException {
        try {
            sender.send(new WakeRequest(wol.mac(), wol.secureOn(), wol.destination()));
        } catch (IOException e) {
            throw new BmcException(BmcException.Reason.UNREACHABLE, e.getMessage(), null, e);
        }
        return Accepted.of("magic packet for " + wol.mac() + " sent to "
                + wol.destination().sendTo().getHostAddress());
    }

    private static BmcException unsupported(BmcCommand<?> command) {
        return new BmcException(BmcException.Reason.UNSUPPORTED, "a node without a BMC cannot do " + command);
    }
}
