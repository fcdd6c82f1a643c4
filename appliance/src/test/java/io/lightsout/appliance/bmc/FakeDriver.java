package io.lightsout.appliance.bmc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver of our own SPI for policy, executor and campaign tests: nodes with a scripted power state that react
 * to commands on a (manual) clock, with failures to inject and a record of every call.
 */
public final class FakeDriver implements BmcDriver {

    /** One recorded call. */
    public record Call(String nodeId, BmcCommand<?> command, Instant at) {
    }

    private static final class Node {
        volatile PowerState state = PowerState.OFF;
        volatile Duration bootDelay = Duration.ZERO;
        volatile boolean neverBoots;
        volatile Instant bootsAt;
        volatile BmcException.Reason failure;
        volatile int failuresLeft;
        volatile java.util.function.Predicate<BmcCommand<?>> failWhen = c -> true;
    }

    private final NodeType type;
    private final Clock clock;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile java.util.function.Predicate<BmcCommand<?>> gated = c -> true;
    private volatile boolean supportsBoot = true;

    public FakeDriver(NodeType type, Clock clock) {
        this.type = type;
        this.clock = clock;
    }

    public FakeDriver state(String nodeId, PowerState state) {
        node(nodeId).state = state;
        return this;
    }

    /** After a power-on the node reads ON once {@code delay} has passed on the clock. */
    public FakeDriver bootDelay(String nodeId, Duration delay) {
        node(nodeId).bootDelay = delay;
        return this;
    }

    public FakeDriver neverBoots(String nodeId) {
        node(nodeId).neverBoots = true;
        return this;
    }

    /** The next {@code times} calls for the node fail with {@code reason} (Integer.MAX_VALUE: always). */
    public FakeDriver fail(String nodeId, BmcException.Reason reason, int times) {
        Node n = node(nodeId);
        n.failure = reason;
        n.failuresLeft = times;
        return this;
    }

    /** Like {@link #fail} but only for commands matching {@code which}. */
    public FakeDriver fail(String nodeId, java.util.function.Predicate<BmcCommand<?>> which,
                           BmcException.Reason reason, int times) {
        fail(nodeId, reason, times);
        node(nodeId).failWhen = which;
        return this;
    }

    public FakeDriver withoutBootOverride() {
        supportsBoot = false;
        return this;
    }

    /** Every call waits on this latch before doing anything (to hold calls in flight). */
    public void gate(CountDownLatch latch) {
        gate(latch, c -> true);
    }

    /** Every call of the commands {@code which} matches waits on this latch before doing anything. */
    public void gate(CountDownLatch latch, java.util.function.Predicate<BmcCommand<?>> which) {
        this.gated = which;
        this.gate = latch;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public long count(String nodeId, BmcCommand<?> command) {
        return calls().stream().filter(c -> c.nodeId().equals(nodeId) && c.command().equals(command)).count();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public PowerState stateOf(String nodeId) {
        return current(node(nodeId));
    }

    @Override
    public NodeType type() {
        return type;
    }

    @Override
    public boolean supports(BmcCommand<?> command) {
        return switch (command) {
            case BmcCommand.GetPowerState g -> true;
            case BmcCommand.ChangePower c -> type.hasBmc() || c.action() == PowerAction.ON;
            case BmcCommand.SetBootOnce b -> supportsBoot && type.hasBmc();
            case BmcCommand.GetInventory i -> false;
        };
    }

    @Override
    public <R> R execute(BmcTarget target, BmcCommand<R> command) throws BmcException, InterruptedException {
        calls.add(new Call(target.nodeId(), command, clock.instant()));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch latch = gate;
            if (latch != null && gated.test(command)) {
                latch.await();
            }
            Node node = node(target.nodeId());
            if (node.failure != null && node.failuresLeft > 0 && node.failWhen.test(command)) {
                node.failuresLeft--;
                throw new BmcException(node.failure, "injected " + node.failure, "TEST-1", null);
            }
            Object result = switch (command) {
                case BmcCommand.GetPowerState g -> new PowerReading(current(node), PowerReading.Source.BMC,
                        "fake", clock.instant());
                case BmcCommand.ChangePower c -> change(node, c.action());
                case BmcCommand.SetBootOnce b -> Accepted.of("boot once " + b.device());
                case BmcCommand.GetInventory i -> throw new BmcException(BmcException.Reason.UNSUPPORTED, "no");
            };
            return command.resultType().cast(result);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Accepted change(Node node, PowerAction action) {
        switch (action) {
            case ON -> {
                if (current(node) != PowerState.ON && !node.neverBoots) {
                    node.bootsAt = clock.instant().plus(node.bootDelay);
                }
            }
            case OFF_HARD, OFF_GRACEFUL -> {
                node.state = PowerState.OFF;
                node.bootsAt = null;
            }
            case CYCLE, RESET -> node.state = PowerState.ON;
        }
        return Accepted.of(action.name());
    }

    private PowerState current(Node node) {
        Instant boots = node.bootsAt;
        if (boots != null && !clock.instant().isBefore(boots)) {
            node.state = PowerState.ON;
            node.bootsAt = null;
        }
        return node.state;
    }

    private Node node(String nodeId) {
        return nodes.computeIfAbsent(nodeId, k -> new Node());
    }
}
