package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.FakeDriver;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.PowerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PowerServiceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T22:00:00Z"));
    private final FakeDriver idrac = new FakeDriver(NodeType.IDRAC, clock);
    private final PowerService service = new PowerService(
            new BmcExecutor(new DriverRegistry(List.of(idrac)), CallLimits.DEFAULT), new PowerPolicy(),
            new InFlightActions(clock), clock);

    private static BmcTarget node(String id) {
        return new BmcTarget(id, NodeType.IDRAC, "dc1", Optional.of("10.0.0." + id.length()), Optional.empty());
    }

    @Test
    void readsFirstThenSendsTheStepsInOrder() throws Exception {
        idrac.state("n1", PowerState.ON);
        PowerOutcome outcome = service.apply(node("n1"), new PowerRequest(PowerOperation.CYCLE,
                Optional.of(BootDevice.PXE)));
        assertThat(outcome).isInstanceOf(PowerOutcome.Done.class);
        assertThat(idrac.calls()).extracting(FakeDriver.Call::command).containsExactly(
                new BmcCommand.GetPowerState(), new BmcCommand.SetBootOnce(BootDevice.PXE),
                new BmcCommand.ChangePower(PowerAction.CYCLE));
    }

    @Test
    void anUnreadableNodeIsNeverCycledAndTheReasonSaysWhy() throws Exception {
        idrac.state("n1", PowerState.ON).fail("n1", BmcException.Reason.UNREACHABLE, 1);
        PowerOutcome outcome = service.apply(node("n1"), PowerRequest.of(PowerOperation.CYCLE));
        assertThat(outcome).isInstanceOfSatisfying(PowerOutcome.Refused.class, r -> {
            assertThat(r.reason()).contains("unknown").contains("injected UNREACHABLE");
            assertThat(r.before()).hasValueSatisfying(b -> assertThat(b.state()).isEqualTo(PowerState.UNKNOWN));
        });
        assertThat(idrac.count("n1", new BmcCommand.ChangePower(PowerAction.CYCLE))).isZero();
    }

    @Test
    void rejectedCredentialsReadAsAuthFailedAndNothingIsSent() throws Exception {
        idrac.fail("n1", BmcException.Reason.AUTH_FAILED, 1);
        PowerOutcome outcome = service.apply(node("n1"), PowerRequest.of(PowerOperation.ON));
        assertThat(outcome.before()).hasValueSatisfying(b -> assertThat(b.state()).isEqualTo(PowerState.AUTH_FAILED));
        assertThat(outcome).isInstanceOf(PowerOutcome.Refused.class);
        assertThat(idrac.calls()).hasSize(1);
    }

    @Test
    void aSecondRequestWhileOneIsInFlightIsRefusedNotQueued() throws Exception {
        idrac.state("n1", PowerState.ON);
        CountDownLatch gate = new CountDownLatch(1);
        idrac.gate(gate);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<PowerOutcome> first = pool.submit(() -> service.apply(node("n1"),
                    PowerRequest.of(PowerOperation.CYCLE)));
            await().atMost(Duration.ofSeconds(5)).until(() -> idrac.calls().size() == 1);

            PowerOutcome second = service.apply(node("n1"), PowerRequest.of(PowerOperation.RESET));
            assertThat(second).isInstanceOfSatisfying(PowerOutcome.Refused.class, r -> assertThat(r.reason())
                    .isEqualTo("node n1 already has 'power cycle' in flight since 2026-11-23T22:00:00Z"));

            gate.countDown();
            assertThat(first.get()).isInstanceOf(PowerOutcome.Done.class);
        }
        assertThat(idrac.count("n1", new BmcCommand.ChangePower(PowerAction.RESET))).isZero();
        // the node is free again once the first action finished
        assertThat(service.apply(node("n1"), PowerRequest.of(PowerOperation.RESET)))
                .isInstanceOf(PowerOutcome.Done.class);
    }

    @Test
    void aFailedStepIsReportedWithHowFarItGot() throws Exception {
        idrac.state("n1", PowerState.OFF).fail("n1", c -> c instanceof BmcCommand.ChangePower,
                BmcException.Reason.BMC_ERROR, 1);
        PowerOutcome outcome = service.apply(node("n1"), new PowerRequest(PowerOperation.ON,
                Optional.of(BootDevice.PXE)));
        assertThat(outcome).isEqualTo(new PowerOutcome.Failed(BmcException.Reason.BMC_ERROR, "injected BMC_ERROR", 1,
                outcome.before()));
        assertThat(idrac.stateOf("n1")).isEqualTo(PowerState.OFF);
    }
}
