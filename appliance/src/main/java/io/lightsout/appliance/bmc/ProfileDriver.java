package io.lightsout.appliance.bmc;

import java.util.Objects;

/** A {@link BmcDriver} for BMC types whose operations come from a {@link PowerProfile} (iDRAC, AMT, DASH). */
public final class ProfileDriver implements BmcDriver {

    private final NodeType type;
    private final PowerProfile profile;

    public ProfileDriver(NodeType type, PowerProfile profile) {
        if (!type.hasBmc()) {
            throw new IllegalArgumentException("a profile driver is for node types with a BMC, not " + type);
        }
        this.type = type;
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public NodeType type() {
        return type;
    }

    @Override
    public boolean supports(BmcCommand<?> command) {
        return switch (command) {
            case BmcCommand.GetPowerState g -> true;
            case BmcCommand.ChangePower c -> profile.powerActions().contains(c.action());
            case BmcCommand.SetBootOnce b -> profile.bootDevices().contains(b.device());
            case BmcCommand.GetInventory i -> profile.hasInventory();
        };
    }

    @Override
    public <R> R execute(BmcTarget target, BmcCommand<R> command) throws BmcException, InterruptedException {
        Object result = switch (command) {
            case BmcCommand.GetPowerState g -> profile.readPower(target);
            case BmcCommand.ChangePower c -> profile.changePower(target, c.action());
            case BmcCommand.SetBootOnce b -> profile.setBootOnce(target, b.device());
            case BmcCommand.GetInventory i -> profile.inventory(target);
        };
        return command.resultType().cast(result);
    }
}
