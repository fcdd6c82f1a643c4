package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcTarget;
import java.util.Optional;

/** How a campaign picks the wake method per node. */
public enum MethodRule {
    /** Configuration Manager's rule: BMC power-on when the node has a BMC, else wake-on-LAN. */
    AUTO,
    /** BMC power-on only; nodes without a BMC fail as not supported. */
    FORCE_BMC,
    /** Wake-on-LAN only, also for nodes with a BMC (their state is still read through the BMC). */
    FORCE_WOL;

    /** The method for {@code target}, or empty when this rule cannot wake it (the reason is then known). */
    public Optional<WakeMethod> resolve(BmcTarget target) {
        boolean bmc = target.type().hasBmc();
        boolean wol = target.wol().isPresent();
        return switch (this) {
            case AUTO -> bmc ? Optional.of(WakeMethod.BMC) : wol ? Optional.of(WakeMethod.WOL) : Optional.empty();
            case FORCE_BMC -> bmc ? Optional.of(WakeMethod.BMC) : Optional.empty();
            case FORCE_WOL -> wol ? Optional.of(WakeMethod.WOL) : Optional.empty();
        };
    }

    /** Why {@link #resolve} found no method. */
    public String whyNot(BmcTarget target) {
        return switch (this) {
            case AUTO, FORCE_WOL -> "node has no BMC and no MAC address for wake-on-LAN";
            case FORCE_BMC -> "campaign forces BMC power-on and the node has no BMC";
        };
    }
}
