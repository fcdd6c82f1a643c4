package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.appliance.power.PowerService;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.wol.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Runs one window of a campaign in rounds. First attempts are spread in batches of what the pace allows per
 * verify interval. Each round reads the state of every target that is due (in parallel, on virtual threads, within
 * the executor's limits), settles those that are on, then sends power-ons to those that need one, paced from this
 * thread so that pacing is exact and testable with a manual clock. Between rounds the engine sleeps until the next
 * target is due. Every transition is saved before the next step, so a new engine
 * given the same store resumes a crashed run: terminal targets are never touched again, and targets still
 * waiting are re-read before anything is re-sent.
 */
public final class CampaignEngine {

    private static final Duration CATCH_UP = Duration.ofMillis(50);
    private final BmcExecutor executor;
    private final CampaignStore store;
    private final Clock clock;
    private final Sleeper sleeper;

    public CampaignEngine(BmcExecutor executor, CampaignStore store, Clock clock, Sleeper sleeper) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
        CampaignRun run = new CampaignRun(spec, window, store);
        sleeper.sleep(Duration.between(clock.instant(), window.start()));
        run.staggerFirstAttempts(clock.instant());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            TokenBucket pace = new TokenBucket(spec.powerOnsPerSecond(), 1);
            while (true) {
                Instant now = clock.instant();
                if (!now.isBefore(window.deadline())) {
                    run.closeWindow(now);
                    break;
                }
                if (run.allTerminal()) {
                    break;
                }
                List<BmcTarget> due = run.due(now);
                if (!due.isEmpty()) {
                    round(run, due, threads, pace);
                }
                if (run.allTerminal()) {
                    break;
                }
                Instant wake = run.nextDue().filter(t -> t.isBefore(window.deadline())).orElse(window.deadline());
                sleeper.sleep(Duration.between(clock.instant(), wake));
            }
            if (spec.after() == AfterWindow.POWER_OFF_WOKEN) {
                sleeper.sleep(Duration.between(clock.instant(), window.deadline()));
                powerOffWoken(run, threads);
            }
        }
        return CampaignReport.of(run.runId(), window, run.states(), clock.instant());
    }

    private void round(CampaignRun run, List<BmcTarget> due, ExecutorService threads, TokenBucket pace)
            throws InterruptedException {
        Instant now = clock.instant();
        MethodRule rule = run.spec().method();
        List<BmcTarget> wakeable = new ArrayList<>();
        List<TargetState> settled = new ArrayList<>();
        for (BmcTarget target : due) {
            if (rule.resolve(target).isEmpty()) {
                settled.add(run.state(target).failed(FailureReason.NOT_SUPPORTED, now, rule.whyNot(target)));
            } else {
                wakeable.add(target);
            }
        }
        Map<BmcTarget, PowerReading> readings = all(threads, wakeable, t -> PowerService.read(executor, t, clock));
        List<BmcTarget> toSend = new ArrayList<>();
        for (BmcTarget target : wakeable) {
            TargetState state = run.state(target);
            PowerReading reading = readings.get(target);
            if (reading.state() == PowerState.ON) {
                settled.add(state.attempts() == 0 ? state.alreadyOn(reading.readAt(), reading.detail())
                        : state.verified(reading.readAt(), reading.detail()));
            } else if (reading.state() == PowerState.AUTH_FAILED) {
                settled.add(state.failed(FailureReason.AUTH_FAILED, now, reading.detail()));
            } else if (run.sendDue(state, now)) {
                toSend.add(target);
            } else {
                run.scheduleCheck(target, now);
            }
        }
        run.saveAll(settled); // one commit for the round's readings, before anything is sent
        send(run, toSend, threads, pace);
    }

    private void send(CampaignRun run, List<BmcTarget> targets, ExecutorService threads, TokenBucket pace)
            throws InterruptedException {
        Map<BmcTarget, Future<Attempt>> sent = new LinkedHashMap<>();
        InterruptedException cancelled = null;
        for (BmcTarget target : targets) {
            // a sleep that overshoots its slot (a busy host) would otherwise lose that time for good and pull the
            // pace under the configured rate; slots up to CATCH_UP late are still granted
            Instant slot = pace.reserveCatchingUp(clock.instant(), CATCH_UP);
            if (!slot.isBefore(run.window().deadline())) {
                run.deferTo(target, run.window().deadline()); // settled by closeWindow
                continue;
            }
            try {
                sleeper.sleep(Duration.between(clock.instant(), slot));
            } catch (InterruptedException e) {
                cancelled = e; // record what is already on its way before stopping
                break;
            }
            WakeMethod method = run.spec().method().resolve(target).orElseThrow();
            Instant at = clock.instant();
            sent.put(target, threads.submit(() -> powerOn(target, method, at)));
        }
        List<TargetState> results = new ArrayList<>();
        Map<BmcTarget, Instant> attemptedAt = new LinkedHashMap<>();
        for (Map.Entry<BmcTarget, Future<Attempt>> e : sent.entrySet()) {
            BmcTarget target = e.getKey();
            Attempt attempt = join(e.getValue());
            attemptedAt.put(target, attempt.at());
            TargetState state = run.state(target);
            results.add(switch (attempt.error()) {
                case null -> state.sent(attempt.method(), attempt.at(), attempt.detail());
                case AUTH_FAILED -> state.failed(FailureReason.AUTH_FAILED, attempt.at(), attempt.detail());
                case UNSUPPORTED -> state.failed(FailureReason.NOT_SUPPORTED, attempt.at(), attempt.detail());
                default -> state.attemptFailed(attempt.method(), attempt.at(), attempt.error(), attempt.detail());
            });
        }
        run.saveAll(results); // one commit for the batch's outcomes
        attemptedAt.forEach(run::scheduleCheck);
        if (cancelled != null) {
            throw cancelled;
        }
    }

    private record Attempt(WakeMethod method, Instant at, BmcException.Reason error, String detail) {
    }

    private Attempt powerOn(BmcTarget target, WakeMethod method, Instant at) throws InterruptedException {
        BmcTarget via = method == WakeMethod.WOL && target.type().hasBmc() ? target.asWolOnly() : target;
        try {
            Accepted ok = executor.execute(via, new BmcCommand.ChangePower(PowerAction.ON));
            return new Attempt(method, at, null, ok.detail());
        } catch (BmcException e) {
            return new Attempt(method, at, e.reason(), e.getMessage());
        }
    }

    private void powerOffWoken(CampaignRun run, ExecutorService threads) throws InterruptedException {
        BmcCommand.ChangePower off = new BmcCommand.ChangePower(PowerAction.OFF_GRACEFUL);
        List<BmcTarget> toPowerOff = new ArrayList<>();
        for (BmcTarget target : run.spec().targets()) {
            TargetState state = run.state(target);
            if (state.status() != TargetStatus.VERIFIED || state.powerOff() != TargetState.PowerOff.NONE) {
                continue; // REQUESTED from before a restart stays as it is: at most once
            }
            if (!executor.supports(target, off)) {
                run.save(state.withPowerOff(TargetState.PowerOff.NOT_POSSIBLE, "no BMC to power it off"));
                continue;
            }
            run.save(state.withPowerOff(TargetState.PowerOff.REQUESTED, "graceful shutdown requested"));
            toPowerOff.add(target);
        }
        Map<BmcTarget, PowerOffResult> results = all(threads, toPowerOff, t -> {
            try {
                return new PowerOffResult(TargetState.PowerOff.DONE, "shut down: " + executor.execute(t, off).detail());
            } catch (BmcException e) {
                return new PowerOffResult(TargetState.PowerOff.FAILED, e.getMessage());
            }
        });
        results.forEach((t, r) -> run.save(run.state(t).withPowerOff(r.outcome(), r.detail())));
    }

    private record PowerOffResult(TargetState.PowerOff outcome, String detail) {
    }

    /** A task of a round; reads and sends report failures in their result, so only interruption escapes. */
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
