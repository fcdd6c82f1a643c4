package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.PowerProfile;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.profile.MethodFailedException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What the iDRAC and AMT power profiles share: sessions per call, the state mapping and the error mapping. */
abstract class WsmanPowerProfile implements PowerProfile {
    private final WsmanClient client;
    private final BmcEndpoints endpoints;
    private final Clock clock;

    WsmanPowerProfile(WsmanClient client, BmcEndpoints endpoints, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Set<PowerAction> powerActions() {
        return EnumSet.allOf(PowerAction.class);
    }

    @Override
    public boolean hasInventory() {
        return true;
    }

    @Override
    public final PowerReading readPower(BmcTarget target) throws InterruptedException {
        return reading(target, this::read);
    }

    @Override
    public final Accepted changePower(BmcTarget target, PowerAction action) throws BmcException, InterruptedException {
        io.lightsout.wsman.profile.PowerAction cim = cim(action);
        return call(target, s -> {
            try {
                request(s, cim);
            } catch (MethodFailedException e) {
                return alreadyThere(action, e).orElseThrow(() -> e);
            }
            return Accepted.of("RequestPowerStateChange " + cim.cimValue() + " accepted");
        });
    }

    /**
     * When the device refused {@code action} because the host is already where it would take it (a vendor code
     * that says so), what to report instead of an error; empty for every other failure.
     */
    Optional<Accepted> alreadyThere(PowerAction action, MethodFailedException refused) {
        return Optional.empty();
    }

    /** The device's power reading (never throws: failures are UNKNOWN or AUTH_FAILED). */
    abstract io.lightsout.wsman.profile.PowerReading read(WsmanSession session);

    /** The CIM PowerState value this vendor uses for {@code action}. */
    abstract io.lightsout.wsman.profile.PowerAction cim(PowerAction action);

    /** Sends RequestPowerStateChange with {@code cim}. */
    abstract void request(WsmanSession session, io.lightsout.wsman.profile.PowerAction cim);

    /** Adds a fact the device reported; devices leave some properties out. */
    static void put(java.util.Map<String, String> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value);
        }
    }

    /** One call on a session; WS-Man failures become {@link BmcException}s. */
    @FunctionalInterface
    interface Call<T> {
        T run(WsmanSession session);
    }

    <T> T call(BmcTarget target, Call<T> call) throws BmcException, InterruptedException {
        // a fresh session each call: it re-applies the node's current trust policy (a re-trusted pin takes effect)
        WsmanSession session = client.session(endpoints.endpoint(target));
        try {
            return call.run(session);
        } catch (WsmanException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during " + e.getMessage());
            }
            throw WsmanErrors.map(e);
        } catch (MethodFailedException e) {
            throw WsmanErrors.map(e);
        }
    }

    /** Maps the profile's reading; a failure to open a session (no credentials, say) is itself a reading. */
    private PowerReading reading(BmcTarget target, Call<io.lightsout.wsman.profile.PowerReading> read)
            throws InterruptedException {
        io.lightsout.wsman.profile.PowerReading r;
        try {
            r = call(target, read);
        } catch (BmcException e) {
            return new PowerReading(e.reason() == BmcException.Reason.AUTH_FAILED ? PowerState.AUTH_FAILED
                    : PowerState.UNKNOWN, PowerReading.Source.BMC, e.getMessage(), clock.instant());
        }
        PowerState state = switch (r.state()) {
            case ON -> PowerState.ON;
            case OFF -> PowerState.OFF;
            case SLEEP, HIBERNATE -> PowerState.STANDBY;
            case UNKNOWN -> PowerState.UNKNOWN;
            case AUTH_FAILED -> PowerState.AUTH_FAILED;
        };
        return new PowerReading(state, PowerReading.Source.BMC, r.detail(), clock.instant());
    }
}
