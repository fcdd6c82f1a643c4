package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.power.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs one window of a campaign. The {@link CampaignPipeline} reads targets shortly ahead of their power-on (in
 * parallel, on virtual threads, within the BMC executor's limits), sends power-ons from the engine's thread at the
 * token-bucket rate without waiting for any batch, and verifies each target its verify interval after its
 * power-on. Every transition is saved before the next step on that target, so a new engine given the same store
 * resumes a crashed run: terminal targets are never touched again, and targets still waiting are re-read before
 * anything is re-sent. After the window, optionally powers off what it woke (at most once).
 */
public final class CampaignEngine {

    private final BmcExecutor executor;
    private final CampaignStore store;
    private final ReadingSink readings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<ExecutorService> tasks;

    /** An engine whose readings go nowhere: its targets need not be registered nodes. */
    public CampaignEngine(BmcExecutor executor, CampaignStore store, Clock clock, Sleeper sleeper) {
        this(executor, store, ReadingSink.NONE, clock, sleeper);
    }

    /** An engine that hands every power state it reads to {@code readings} (the node registry, in the appliance). */
    public CampaignEngine(BmcExecutor executor, CampaignStore store, ReadingSink readings, Clock clock,
                          Sleeper sleeper) {
        this(executor, store, readings, clock, sleeper, Executors::newVirtualThreadPerTaskExecutor);
    }

    /**
     * With the executor that runs each window's reads and power-ons; tests on a manual clock run them on the
     * engine's thread, since a clock that only moves when the engine sleeps must not move under a task.
     */
    CampaignEngine(BmcExecutor executor, CampaignStore store, ReadingSink readings, Clock clock, Sleeper sleeper,
                   Supplier<ExecutorService> tasks) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Runs the campaign's current or next window, if it has one, waiting for it to open. */
    public Optional<CampaignReport> runNext(CampaignSpec spec) throws InterruptedException {
        Optional<Occurrence> window = spec.schedule().next(clock.instant());
        if (window.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(spec, window.get()));
    }

    /** Runs (or resumes) one window and returns its report; blocks until the window's work is done. */
    public CampaignReport run(CampaignSpec spec, Occurrence window) throws InterruptedException {
        try (ExecutorService threads = tasks.get()) {
            CampaignRun run = new CampaignRun(spec, window, store, readings, threads);
            sleeper.sleep(Duration.between(clock.instant(), window.start()));
            new CampaignPipeline(executor, clock, sleeper, run, threads).runToDeadline();
            if (spec.after() == AfterWindow.POWER_OFF_WOKEN) {
                sleeper.sleep(Duration.between(clock.instant(), window.deadline()));
                powerOffWoken(run, threads);
            }
            return CampaignReport.of(run.runId(), window, run.states(), clock.instant());
        }
    }

    private void powerOffWoken(CampaignRun run, ExecutorService threads) throws InterruptedException {
        BmcCommand.ChangePower off = new BmcCommand.ChangePower(PowerAction.OFF_GRACEFUL);
        List<BmcTarget> toPowerOff = new ArrayList<>();
        List<TargetState> decided = new ArrayList<>();
        for (BmcTarget target : run.spec().targets()) {
            TargetState state = run.state(target);
            if (state.status() != TargetStatus.VERIFIED || state.powerOff() != TargetState.PowerOff.NONE) {
                continue; // REQUESTED from before a restart stays as it is: at most once
            }
            if (!executor.supports(target, off)) {
                decided.add(state.withPowerOff(TargetState.PowerOff.NOT_POSSIBLE));
                continue;
            }
            decided.add(state.withPowerOff(TargetState.PowerOff.REQUESTED));
            toPowerOff.add(target);
        }
        run.saveAll(decided); // REQUESTED is written before any power-off goes out
        Map<BmcTarget, Optional<String>> errors = all(threads, toPowerOff, t -> {
            try {
                executor.execute(t, off);
                return Optional.empty();
            } catch (BmcException e) {
                return Optional.of(e.getMessage());
            }
        });
        List<TargetState> done = new ArrayList<>();
        errors.forEach((t, error) -> done.add(error.map(run.state(t)::powerOffFailed)
                .orElseGet(() -> run.state(t).withPowerOff(TargetState.PowerOff.DONE))));
        run.saveAll(done);
    }

    /** A power-off task; it reports failures in its result, so only interruption escapes. */
    @FunctionalInterface
    private interface Task<R> {
        R run(BmcTarget target) throws InterruptedException;
    }

    private static <R> Map<BmcTarget, R> all(ExecutorService threads, List<BmcTarget> targets, Task<R> task)
            throws InterruptedException {
        List<Callable<R>> calls = targets.stream().<Callable<R>>map(t -> () -> task.run(t)).toList();
        List<Future<R>> futures = threads.invokeAll(calls);
        Map<BmcTarget, R> results = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            results.put(targets.get(i), join(futures.get(i)));
        }
        return results;
    }

    private static <R> R join(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException("campaign task failed unexpectedly", e.getCause());
        }
    }
}
