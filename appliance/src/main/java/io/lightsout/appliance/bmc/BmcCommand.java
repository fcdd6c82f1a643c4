package io.lightsout.appliance.bmc;

import java.util.Objects;

/**
 * What can be asked of a BMC: a sealed set, so every driver's {@code switch} over it is exhaustive and a new
 * command shows every place it touches at compile time. Each command names the type of its result.
 *
 * @param <R> the result type
 */
public sealed interface BmcCommand<R> {

    /** The class of the result, used by drivers to return a typed result from one exhaustive switch. */
    Class<R> resultType();

    /** Reads the current power state. Idempotent, never changes anything. */
    record GetPowerState() implements BmcCommand<PowerReading> {
        @Override
        public Class<PowerReading> resultType() {
            return PowerReading.class;
        }
    }

    /** Changes power. Destructive actions ({@link PowerAction#destructive()}) run at most once. */
    record ChangePower(PowerAction action) implements BmcCommand<Accepted> {
        public ChangePower {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public Class<Accepted> resultType() {
            return Accepted.class;
        }
    }

    /** Sets a one-time boot override that applies at the next boot only. */
    record SetBootOnce(BootDevice device) implements BmcCommand<Accepted> {
        public SetBootOnce {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public Class<Accepted> resultType() {
            return Accepted.class;
        }
    }

    /** Reads hardware and firmware facts. Idempotent. */
    record GetInventory() implements BmcCommand<Inventory> {
        @Override
        public Class<Inventory> resultType() {
            return Inventory.class;
        }
    }
}
