package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.power.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WolPacerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void bucketLetsTheBurstThroughThenOnePerInterval() {
        TokenBucket bucket = new TokenBucket(10, 3);
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slots.add(bucket.reserve(T0));
        }
        assertThat(slots).containsExactly(T0, T0, T0, T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(300));
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 2);
        bucket.reserve(T0);
        bucket.reserve(T0);
        Instant later = T0.plusSeconds(60);
        assertThat(bucket.reserve(later)).isEqualTo(later);
        assertThat(bucket.reserve(later)).isEqualTo(later);
        assertThat(bucket.reserve(later)).isEqualTo(later.plusMillis(100));
    }

    @Test
    void badRatesAreRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new TokenBucket(5, 0)).hasMessageContaining("burst");
    }

    @Test
    void eachSubnetHasItsOwnPaceAndAllShareTheGlobalOne() throws InterruptedException {
        ManualClock clock = new ManualClock(T0);
        WolPacer pacer = new WolPacer(new WolPacer.Rates(20, 5, 1), clock, clock.sleeper());

        // one subnet alone: 5/s -> 200 ms apart
        for (int i = 0; i < 3; i++) {
            pacer.await("10.1.0.0/24");
        }
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(400));

        // two subnets interleaved are limited by the global 20/s -> 50 ms apart, not by 5/s each
        Instant start = clock.instant().plusSeconds(10);
        clock.set(start);
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slots.add(pacer.reserve("10.2." + i + ".0/24"));
        }
        assertThat(slots).containsExactly(start, start.plusMillis(50), start.plusMillis(100), start.plusMillis(150));
    }

    @Test
    void theSleeperIsAskedToWaitExactlyUntilTheSlot() throws InterruptedException {
        ManualClock clock = new ManualClock(T0);
        WolPacer pacer = new WolPacer(new WolPacer.Rates(1000, 4, 2), clock, clock.sleeper());
        for (int i = 0; i < 4; i++) {
            pacer.await("s");
        }
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }
}
