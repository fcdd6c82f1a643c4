package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketCatchUpTest {
    private static final Instant T = Instant.parse("2026-11-24T01:00:00Z");
    private static final Duration CATCH_UP = Duration.ofMillis(50);

    @Test
    void aLateWakeUpIsMadeUpButAnIdleBucketRestartsAtNow() {
        TokenBucket b = new TokenBucket(100, 1); // 10 ms apart
        assertThat(b.reserveCatchingUp(T, CATCH_UP)).isEqualTo(T);
        assertThat(b.reserveCatchingUp(T, CATCH_UP)).isEqualTo(T.plusMillis(10));
        // the sender woke up 14 ms late for the 20 ms slot: it gets the 20 ms and 30 ms slots at once
        assertThat(b.reserveCatchingUp(T.plusMillis(34), CATCH_UP)).isEqualTo(T.plusMillis(20));
        assertThat(b.reserveCatchingUp(T.plusMillis(34), CATCH_UP)).isEqualTo(T.plusMillis(30));
        assertThat(b.reserveCatchingUp(T.plusMillis(34), CATCH_UP)).isEqualTo(T.plusMillis(40));
        // idle for longer than the catch-up: no burst, the schedule restarts now
        assertThat(b.reserveCatchingUp(T.plusSeconds(5), CATCH_UP)).isEqualTo(T.plusSeconds(5));
        assertThat(b.reserveCatchingUp(T.plusSeconds(5), CATCH_UP)).isEqualTo(T.plusSeconds(5).plusMillis(10));
    }
}
