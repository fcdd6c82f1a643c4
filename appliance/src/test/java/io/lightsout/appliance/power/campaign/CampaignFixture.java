package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.PowerReading;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.FakeDriver;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.ReachabilityProbe;
import io.lightsout.appliance.power.ManualClock;
import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.WolDestination;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake drivers of our own SPI on a manual clock, and campaign builders, for the engine tests. */
abstract class CampaignFixture {

    static final Instant START = Instant.parse("2026-11-24T01:00:00Z");
    static final BmcCommand.ChangePower ON = new BmcCommand.ChangePower(PowerAction.ON);

    final ManualClock clock = new ManualClock(START.minusSeconds(3600));
    final FakeDriver idrac = new FakeDriver(NodeType.IDRAC, clock);
    final FakeDriver wol = new FakeDriver(NodeType.WOL_ONLY, clock);
    final BmcExecutor executor = new BmcExecutor(new DriverRegistry(List.of(idrac, wol)), CallLimits.DEFAULT);
    final InMemoryCampaignStore store = new InMemoryCampaignStore();
    /** What the engine handed to its reading sink (the node registry, in the appliance): the latest per node. */
    final Map<String, PowerReading> nodeStates = new java.util.concurrent.ConcurrentHashMap<>();
    /** Calls of the reading sink, each a batch. */
    final java.util.concurrent.atomic.AtomicInteger sinkCalls = new java.util.concurrent.atomic.AtomicInteger();
    ReadingSink sink = readings -> {
        sinkCalls.incrementAndGet();
        nodeStates.putAll(readings);
    };

    static BmcTarget server(String id) {
        return server(id, "dc1");
    }

    static BmcTarget server(String id, String site) {
        return new BmcTarget(id, NodeType.IDRAC, site, Optional.of("bmc-" + id), Optional.of(wolEndpoint()));
    }

    static BmcTarget desktop(String id) {
        return new BmcTarget(id, NodeType.WOL_ONLY, "branch", Optional.empty(), Optional.of(wolEndpoint()));
    }

    static BmcTarget.WolEndpoint wolEndpoint() {
        try {
            Inet4Address ip = (Inet4Address) InetAddress.getByName("127.0.0.1");
            return new BmcTarget.WolEndpoint(MacAddress.parse("02:00:00:00:00:01"), Optional.empty(),
                    new WolDestination.Unicast(ip, 24), new ReachabilityProbe.TcpConnect(ip, 1, Duration.ofSeconds(1)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static CampaignSpec spec(List<BmcTarget> targets, MethodRule rule, AfterWindow after) {
        return new CampaignSpec("night-1", "patch night", targets,
                new CampaignSchedule.Once(new Occurrence(START, START.plus(Duration.ofHours(2)))), rule, 1000,
                Duration.ofMinutes(1), new CampaignSpec.Retries(2, Duration.ofMinutes(10)), after);
    }

    CampaignReport run(CampaignSpec spec) throws InterruptedException {
        return engine(store, clock.sleeper()).runNext(spec).orElseThrow();
    }

    /**
     * An engine on the manual clock whose reads and power-ons run on its own thread as they are submitted: the clock
     * moves only when the engine sleeps, so a task on another thread could see it moved and make the schedule
     * depend on thread timing. The pipeline's concurrency is exercised on the wall clock with real sockets
     * (WolFleetCampaignTest, CampaignCrashTest, the fleet-campaign benchmark).
     */
    CampaignEngine engine(CampaignStore on, io.lightsout.appliance.power.Sleeper sleeper) {
        return new CampaignEngine(executor, on, r -> sink.recordAll(r), clock, sleeper, OnTheCallersThread::new);
    }

    /** Runs each task at once on the submitting thread. */
    static final class OnTheCallersThread extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable task) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            task.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }

    static Map<String, TargetState> byNode(CampaignReport r) {
        return r.targets().stream().collect(java.util.stream.Collectors.toMap(TargetState::nodeId, t -> t));
    }
}
