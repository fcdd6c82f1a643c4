package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once on one BMC: state changes stay consistent. */
class ConcurrencyTest {

    @Test
    void exactlyOneOfManyConcurrentPowerOnsIsAccepted() throws Exception {
        try (Lab lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0)
                .powerDelay(Duration.ofSeconds(30)).start();
             ExecutorService pool = Executors.newFixedThreadPool(16)) {
            SimulatedBmc bmc = lab.bmcs().get(0);
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> TestClient.text(new TestClient(bmc).invoke(TestClient.DCIM + "DCIM_ComputerSystem",
                        "RequestStateChange", null, "<p:RequestedState>2</p:RequestedState>").body(), "ReturnValue"));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).hasSize(32);
            assertThat(results.stream().filter("0"::equals).count()).isEqualTo(1);
            assertThat(results.stream().filter("2"::equals).count()).isEqualTo(31);
            assertThat(bmc.powerTransitioning()).isTrue();
            assertThat(bmc.requestCount()).isEqualTo(32);
        }
    }
}
