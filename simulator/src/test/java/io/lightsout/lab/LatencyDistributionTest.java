package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The latency distributions, sampled directly (no timing involved). */
class LatencyDistributionTest {

    @Test
    void tailLatencyHasTheAskedMedianAndP99() {
        Fault.Delay d = FaultSpec.latency("200~800");
        assertThat(d).isEqualTo(new Fault.TailLatency(Duration.ofMillis(200), Duration.ofMillis(800)));
        long[] s = sample(d, 20_000);
        assertThat(s[s.length / 2]).isBetween(185L, 215L);
        assertThat(s[s.length * 99 / 100]).isBetween(700L, 900L);
        assertThat(s[s.length - 1]).isLessThanOrEqualTo(8000L);
        assertThat(s[0]).isPositive();
    }

    @Test
    void uniformLatencyCoversItsRange() {
        long[] s = sample(FaultSpec.latency("100-300"), 10_000);
        assertThat(s[0]).isBetween(100L, 105L);
        assertThat(s[s.length - 1]).isBetween(295L, 300L);
        assertThat(sample(FaultSpec.latency("50"), 100)).containsOnly(50L);
    }

    @Test
    void aBmcsOwnDistributionReplacesTheLabs() {
        try (Lab lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0).tls(false)
                .latency(Duration.ofMillis(7), Duration.ofMillis(7)).start()) {
            SimulatedBmc b = lab.bmcs().get(0);
            Fault.Delay labLatency = new Fault.Latency(Duration.ofMillis(7), Duration.ofMillis(7));
            assertThat(b.latencyMillis(labLatency)).isEqualTo(7);
            b.inject(new Fault.Latency(Duration.ofMillis(900), Duration.ofMillis(900)));
            assertThat(b.latencyMillis(labLatency)).isEqualTo(900);
        }
    }

    private static long[] sample(Fault.Delay d, int n) {
        SplittableRandom r = new SplittableRandom(3);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.sampleMillis(r.nextDouble(), r.nextDouble());
        }
        Arrays.sort(out);
        return out;
    }
}
