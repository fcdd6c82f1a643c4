package io.lightsout.appliance.power.wol;

import io.lightsout.appliance.power.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces magic packets with one token bucket per destination subnet and one for everything, so a campaign cannot
 * flood a remote site's WAN link. A packet takes its subnet's slot first and then the first global slot after it.
 */
public final class WolPacer {

    /** Rates in packets per second and the burst each bucket allows. */
    public record Rates(double globalPerSecond, double perSubnetPerSecond, int burst) {
        public static final Rates DEFAULT = new Rates(1000, 200, 10);

        public Rates {
            TokenBucket.check(globalPerSecond, burst);
            TokenBucket.check(perSubnetPerSecond, burst);
        }
    }

    private final Rates rates;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenBucket global;
    private final Map<String, TokenBucket> subnets = new ConcurrentHashMap<>();

    public WolPacer(Rates rates, Clock clock, Sleeper sleeper) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.global = new TokenBucket(rates.globalPerSecond(), rates.burst());
    }

    /** Blocks until a packet for {@code subnetKey} may be sent. */
    public void await(String subnetKey) throws InterruptedException {
        Instant sendAt = reserve(subnetKey);
        sleeper.sleep(Duration.between(clock.instant(), sendAt));
    }

    Instant reserve(String subnetKey) {
        TokenBucket subnet = subnets.computeIfAbsent(subnetKey,
                k -> new TokenBucket(rates.perSubnetPerSecond(), rates.burst()));
        return global.reserve(subnet.reserve(clock.instant()));
    }
}
