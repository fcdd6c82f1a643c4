package io.lightsout.appliance.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class BmcExecutorTest {

    private static final BmcCommand.GetPowerState READ = new BmcCommand.GetPowerState();

    private static BmcTarget node(String id, String bmc, String site) {
        return new BmcTarget(id, NodeType.IDRAC, site, Optional.of(bmc), Optional.empty());
    }

    @Test
    void aMissingDriverIsNamedWithTheOnesThatExist() {
        DriverRegistry registry = new DriverRegistry(List.of(new FakeDriver(NodeType.IDRAC, Clock.systemUTC())));
        assertThatThrownBy(() -> registry.driverFor(NodeType.AMT))
                .isInstanceOf(BmcException.class).hasMessage("no driver for node type AMT (drivers: [IDRAC])");
        assertThatThrownBy(() -> new DriverRegistry(List.of(new FakeDriver(NodeType.AMT, Clock.systemUTC()),
                new FakeDriver(NodeType.AMT, Clock.systemUTC())))).hasMessageContaining("two drivers for AMT");
    }

    @Test
    void unsupportedCommandsNeverReachTheDriver() {
        FakeDriver driver = new FakeDriver(NodeType.IDRAC, Clock.systemUTC());
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(driver)), CallLimits.DEFAULT);
        assertThatThrownBy(() -> executor.execute(node("n1", "10.0.0.1", "s"), new BmcCommand.GetInventory()))
                .isInstanceOfSatisfying(BmcException.class,
                        e -> assertThat(e.reason()).isEqualTo(BmcException.Reason.UNSUPPORTED));
        assertThat(driver.calls()).isEmpty();
    }

    @Test
    void atMostTwoCallsAreInFlightPerBmcAndTheSiteAndGlobalLimitsHold() throws Exception {
        assertThat(maxInFlight(new CallLimits(2, 100, 100, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                i -> node("n" + i, "10.0.0.1", "site"), 2)).isEqualTo(2);
        assertThat(maxInFlight(new CallLimits(2, 3, 100, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                i -> node("n" + i, "10.0.0." + i, "site"), 3)).isEqualTo(3);
        assertThat(maxInFlight(new CallLimits(2, 4, 5, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                i -> node("n" + i, "10.0.0." + i, "site" + i), 5)).isEqualTo(5);
    }

    @Test
    void probesOfBmcLessNodesDoNotTakeTheSitesBmcSlots() throws Exception {
        assertThat(maxInFlight(new CallLimits(2, 1, 100, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                i -> new BmcTarget("pc" + i, NodeType.WOL_ONLY, "branch", Optional.empty(), Optional.empty()), 12))
                .isEqualTo(12);
    }

    private int maxInFlight(CallLimits limits, java.util.function.IntFunction<BmcTarget> targets, int admitted)
            throws Exception {
        FakeDriver driver = new FakeDriver(targets.apply(0).type(), Clock.systemUTC());
        CountDownLatch gate = new CountDownLatch(1);
        driver.gate(gate);
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(driver)), limits);
        List<Future<PowerReading>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                BmcTarget t = targets.apply(i);
                futures.add(pool.submit(() -> executor.execute(t, READ)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> driver.calls().size() >= admitted);
            Thread.sleep(200); // give any over-admitted call the chance to show up
            assertThat(driver.calls()).hasSize(admitted);
            gate.countDown();
            for (Future<PowerReading> f : futures) {
                assertThat(f.get().state()).isEqualTo(PowerState.OFF);
            }
        }
        assertThat(driver.calls()).hasSize(12);
        return driver.maxInFlight();
    }

    @Test
    void aFullBmcAnswersBusyAfterTheQueueTimeout() throws Exception {
        FakeDriver driver = new FakeDriver(NodeType.IDRAC, Clock.systemUTC());
        CountDownLatch gate = new CountDownLatch(1);
        driver.gate(gate);
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(driver)),
                new CallLimits(2, 10, 10, Duration.ofSeconds(30), Duration.ofMillis(50)));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> executor.execute(node("a", "10.0.0.1", "s"), READ));
            pool.submit(() -> executor.execute(node("b", "10.0.0.1", "s"), READ));
            await().atMost(Duration.ofSeconds(5)).until(() -> driver.calls().size() == 2);
            assertThatThrownBy(() -> executor.execute(node("c", "10.0.0.1", "s"), READ))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BmcException.Reason.BUSY);
                        assertThat(e.getMessage()).contains("this BMC");
                    });
            gate.countDown();
        }
    }

    @Test
    void aCallPastItsTimeoutFailsAndItsSlotIsFreedOnlyWhenTheDriverReturns() throws Exception {
        FakeDriver driver = new FakeDriver(NodeType.IDRAC, Clock.systemUTC());
        CountDownLatch gate = new CountDownLatch(1);
        driver.gate(gate);
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(driver)),
                new CallLimits(1, 10, 10, Duration.ofMillis(100), Duration.ofMillis(100)));
        BmcTarget t = node("a", "10.0.0.1", "s");

        assertThatThrownBy(() -> executor.execute(t, READ)).isInstanceOfSatisfying(BmcException.class,
                e -> assertThat(e.reason()).isEqualTo(BmcException.Reason.TIMEOUT));
        // the fake honours interruption (latch await), so the timed-out call ends and frees the BMC's slot
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            driver.gate(null);
            assertThat(executor.execute(t, READ).state()).isEqualTo(PowerState.OFF);
        });
        gate.countDown();
    }

    @Test
    void driverErrorsKeepTheirReasonAndProtocolCode() {
        FakeDriver driver = new FakeDriver(NodeType.IDRAC, Clock.systemUTC()).fail("a",
                BmcException.Reason.AUTH_FAILED, 1);
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(driver)), CallLimits.DEFAULT);
        assertThatThrownBy(() -> executor.execute(node("a", "10.0.0.1", "s"), READ))
                .isInstanceOfSatisfying(BmcException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BmcException.Reason.AUTH_FAILED);
                    assertThat(e.protocolCode()).contains("TEST-1");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aDriverBugBecomesAReferenceNotItsMessage() {
        FakeDriver fake = new FakeDriver(NodeType.IDRAC, Clock.systemUTC());
        BmcDriver buggy = new BmcDriver() {
            @Override
            public NodeType type() {
                return NodeType.IDRAC;
            }

            @Override
            public boolean supports(BmcCommand<?> command) {
                return fake.supports(command);
            }

            @Override
            public <R> R execute(BmcTarget target, BmcCommand<R> command) {
                throw new IllegalStateException("cannot open /var/lib/lightsout/vault.p12 (password=x)");
            }
        };
        BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(buggy)), CallLimits.DEFAULT);
        assertThatThrownBy(() -> executor.execute(node("a", "10.0.0.1", "s"), READ))
                .isInstanceOfSatisfying(BmcException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BmcException.Reason.BMC_ERROR);
                    assertThat(e.getMessage()).matches("driver failed: internal error, see the appliance log for "
                            + "reference E-[0-9a-f]{8}").doesNotContain("vault", "password");
                });
    }

    @Test
    void limitsAreValidatedWithTheirKeyNames() {
        assertThatThrownBy(() -> new CallLimits(3, 1, 1, Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("bmc.limit.per-bmc");
        assertThatThrownBy(() -> new CallLimits(2, 10, 5, Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("per-site <= global");
        assertThatThrownBy(() -> new CallLimits(2, 1, 1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("bmc.call-timeout");
    }
}
