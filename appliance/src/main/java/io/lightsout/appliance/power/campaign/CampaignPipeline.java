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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The wake phase of one window as a pipeline driven from the engine's thread. Three streams overlap instead of
 * taking turns:
 * <ul>
 * <li>first-attempt reads run ahead of the sends, separately for each {@link CampaignRun.ReadPath} (BMC calls,
 *     OS probes of BMC-less nodes): per path as many are in flight as the pace will send within {@link #READ_AHEAD}
 *     plus the path's own recent read latency (Little's law), so that slow reads — a first TLS handshake with a busy
 *     BMC — neither slow the pace nor hold up the BMC-less targets, whose reads take a millisecond;</li>
 * <li>power-ons go out from this thread at the token-bucket rate as soon as a node read as off is queued: from the
 *     path with the most targets left when both have nodes ready, so that slow BMC reads are used whenever they
 *     deliver and the BMC-less nodes fill the slots they leave (see {@link #nextToSend}); a node read as off waits
 *     about {@link #READ_AHEAD} at most for its power-on. Each power-on runs on its own task and posts its
 *     outcome, so the sender never waits for a power-on or for a batch;</li>
 * <li>verification and retry checks are reads due at their own time, read alongside the sends.</li>
 * </ul>
 * Tasks (reads, power-ons) run on the given executor (virtual threads, within the BMC executor's limits) and post
 * their result; results are taken into effect on this thread only and written to the store behind it, in batches
 * ({@link CampaignRun#write}). A target is either scheduled, being read, queued to send or being sent, never two of
 * these at once, and a power-on's outcome is written before the target is looked at again: that is what lets a new
 * engine resume a crashed run without a second power-on to a verified node.
 */
final class CampaignPipeline {

    /** How far first-attempt reads run ahead of their power-on, in time at the campaign's pace (at least 1 node). */
    static final Duration READ_AHEAD = Duration.ofSeconds(1);
    /** The read latency the read-ahead covers at most (beyond it, reads are failing rather than slow). */
    private static final Duration MAX_COVERED_LATENCY = Duration.ofSeconds(10);
    /**
     * Checks (verification and retry reads) in flight at most: half the read-ahead, so that together with the
     * first-attempt reads and the power-ons they leave room under the BMC executor's global limit and never crowd
     * out the wake stream; but at least this many, so that a slow campaign resumed after a restart re-reads its
     * targets briskly. Checks that cannot start yet stay due and go first when room frees up.
     */
    static final int MIN_CHECKS_IN_FLIGHT = 64;
    /** A sender that woke up late for its slot (a busy host) may catch up this much instead of losing the time. */
    private static final Duration CATCH_UP = Duration.ofMillis(50);
    /**
     * While sending, a write of the recorded transitions is started at most this often (and whenever the sender has
     * nothing to send), so that each commit carries a batch rather than one or two targets.
     */
    private static final Duration WRITE_EVERY = Duration.ofMillis(50);
    /** Longest wait for a posted result before the clock is looked at again (wall time, also with a test clock). */
    private static final long POLL_MILLIS = 20;

    private final BmcExecutor executor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CampaignRun run;
    private final Executor tasks;
    private final TokenBucket pace;
    private final int readAhead;
    private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();
    /** Node ids being read or sent. */
    private final Set<String> inFlight = new HashSet<>();
    /** The first-attempt reads and the nodes waiting for a slot, per read path. */
    private final Map<CampaignRun.ReadPath, Lane> lanes = new EnumMap<>(CampaignRun.ReadPath.class);
    /** Verification and retry reads in flight at most (so that they never crowd out the wake stream's reads). */
    private final int maxChecks;
    private int checksInFlight;
    private int sendsInFlight;
    /** The pace's next slot is past the deadline: nothing more goes out in this window. */
    private boolean sendingClosed;

    CampaignPipeline(BmcExecutor executor, Clock clock, Sleeper sleeper, CampaignRun run, Executor tasks) {
        this.executor = executor;
        this.clock = clock;
        this.sleeper = sleeper;
        this.run = run;
        this.tasks = tasks;
        this.pace = new TokenBucket(run.spec().powerOnsPerSecond(), 1);
        this.readAhead = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                Math.ceil(run.spec().powerOnsPerSecond() * READ_AHEAD.toNanos() / 1e9)));
        this.maxChecks = Math.max(MIN_CHECKS_IN_FLIGHT, readAhead / 2);
        for (CampaignRun.ReadPath path : CampaignRun.ReadPath.values()) {
            lanes.put(path, new Lane(path));
        }
    }

    /** A node read as off (or due a retry) at {@code readAt}, waiting for a slot. */
    private record Queued(BmcTarget target, Instant readAt) {
    }

    /** The first-attempt reads of one read path, and its nodes waiting for a slot. */
    private final class Lane {
        final CampaignRun.ReadPath path;
        /** First attempts being read. */
        int reading;
        /** Read as off, in the order the reads came back. */
        final Deque<Queued> queue = new ArrayDeque<>();
        /** Recent latency of its first-attempt reads (moving average, nanoseconds), submission to result taken in. */
        double latencyNanos;

        Lane(CampaignRun.ReadPath path) {
            this.path = path;
        }

        /**
         * Whether another first attempt may be read: fewer nodes queued than the read-ahead, fewer queued or being
         * read than the read-ahead plus the reads that complete within one read latency at the pace, and fewer reads
         * in flight than half the BMC executor's global limit: reads that hang (BMCs that do not answer) never take
         * the slots the other path's reads, the power-ons and the verification need.
         */
        boolean roomForRead() {
            double seconds = Math.min(latencyNanos, MAX_COVERED_LATENCY.toNanos()) / 1e9;
            int coveringLatency = (int) Math.ceil(run.spec().powerOnsPerSecond() * seconds);
            return queue.size() < readAhead && queue.size() + reading < readAhead + coveringLatency
                    && reading < Math.max(1, executor.limits().global() / 2);
        }

        /** Targets of this path never attempted, being read or queued. */
        int left() {
            return run.firstAttemptsLeft(path) + reading + queue.size();
        }

        void readBack(long latency) {
            reading--;
            latencyNanos = latencyNanos == 0 ? latency : 0.9 * latencyNanos + 0.1 * latency;
        }
    }

    /** An outcome posted by a task; applied on the engine's thread only. */
    private sealed interface Result {
        BmcTarget target();
    }

    /** A state read submitted at {@code at}; {@code first} when the target had never been attempted. */
    private record Read(BmcTarget target, PowerReading reading, Instant at, boolean first) implements Result {
    }

    private record Sent(BmcTarget target, WakeMethod method, Instant at, BmcException.Reason error, String detail)
            implements Result {
    }

    private record Broken(BmcTarget target, Throwable cause) implements Result {
    }

    /** Runs until every target is settled, or until the deadline, where whatever is still open fails. */
    void runToDeadline() throws InterruptedException {
        Instant deadline = run.window().deadline();
        Instant lastWrite = clock.instant();
        try {
            while (true) {
                harvest(drain());
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    awaitInFlight();
                    run.closeWindow(clock.instant());
                    return;
                }
                if (run.allTerminal()) {
                    run.flush();
                    return;
                }
                startReads(now);
                harvest(drain()); // reads that are already back can be sent in this turn
                if (run.allTerminal()) {
                    continue; // the last results just came in: do not sleep towards the deadline below
                }
                if (!sendingClosed && anyQueued()) {
                    if (!now.isBefore(lastWrite.plus(WRITE_EVERY))) {
                        run.write();
                        lastWrite = now;
                    }
                    sendNext(deadline);
                    continue;
                }
                run.write(); // nothing to send: a good time to write
                lastWrite = now;
                if (!inFlight.isEmpty()) {
                    awaitResult(deadline);
                } else if (run.holdsBack()) {
                    run.flush(); // nothing else to do until the held-back targets' transitions are written
                } else {
                    Instant wake = run.nextDue().filter(t -> t.isBefore(deadline)).orElse(deadline);
                    sleeper.sleep(Duration.between(clock.instant(), wake));
                }
            }
        } catch (InterruptedException e) {
            // record what is already on its way before stopping: a power-on's outcome must not be lost
            while (sendsInFlight > 0) {
                harvest(List.of(results.take()));
            }
            run.flush();
            throw e;
        }
    }

    /** Reads the checks that are due, and as many first attempts as the read-ahead leaves room for. */
    private void startReads(Instant now) {
        for (BmcTarget target : run.takeDue(now, maxChecks - checksInFlight)) {
            checksInFlight++;
            read(target, now, false);
        }
        MethodRule rule = run.spec().method();
        List<TargetState> unsupported = new ArrayList<>();
        boolean more = !sendingClosed;
        while (more) { // one target per path in turn, so that each path's reads start in step
            more = false;
            for (Lane lane : lanes.values()) {
                BmcTarget target = lane.roomForRead() ? run.nextFirstAttempt(lane.path).orElse(null) : null;
                if (target == null) {
                    continue;
                }
                more = true;
                if (rule.resolve(target).isEmpty()) {
                    unsupported.add(run.state(target).failed(FailureReason.NOT_SUPPORTED, now, rule.whyNot(target)));
                    continue;
                }
                lane.reading++;
                read(target, now, true);
            }
        }
        run.record(unsupported);
    }

    private void read(BmcTarget target, Instant at, boolean first) {
        if (!inFlight.add(target.nodeId())) {
            throw new IllegalStateException("node " + target.nodeId() + " is already being read or sent");
        }
        submit(target, () -> new Read(target, PowerService.read(executor, target, clock), at, first));
    }

    private void sendNext(Instant deadline) throws InterruptedException {
        Instant slot = pace.reserveCatchingUp(clock.instant(), CATCH_UP);
        if (!slot.isBefore(deadline)) {
            sendingClosed = true; // later slots are later still; the queued targets are settled by closeWindow
            return;
        }
        sleeper.sleep(Duration.between(clock.instant(), slot));
        BmcTarget target = nextToSend(clock.instant());
        WakeMethod method = run.spec().method().resolve(target).orElseThrow();
        Instant at = clock.instant();
        inFlight.add(target.nodeId());
        sendsInFlight++;
        submit(target, () -> powerOn(target, method, at));
    }

    private boolean anyQueued() {
        for (Lane lane : lanes.values()) {
            if (!lane.queue.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The node to send next: the one queued longest if it has waited {@link #READ_AHEAD} (its reading is getting
     * old), else the next of the path with the most targets left, so that the slower path sends whenever it has
     * nodes ready, the faster one fills the slots it leaves, and the two run out together.
     */
    private BmcTarget nextToSend(Instant now) {
        Instant old = now.minus(READ_AHEAD);
        Lane pick = null;
        for (Lane lane : lanes.values()) {
            if (lane.queue.isEmpty()) {
                continue;
            }
            if (pick == null) {
                pick = lane;
                continue;
            }
            Instant mine = lane.queue.peek().readAt();
            Instant theirs = pick.queue.peek().readAt();
            boolean anyOld = !mine.isAfter(old) || !theirs.isAfter(old);
            if (anyOld ? mine.isBefore(theirs) : lane.left() > pick.left()) {
                pick = lane;
            }
        }
        return pick.queue.poll().target();
    }

    private Sent powerOn(BmcTarget target, WakeMethod method, Instant at) throws InterruptedException {
        BmcTarget via = method == WakeMethod.WOL && target.type().hasBmc() ? target.asWolOnly() : target;
        try {
            Accepted ok = executor.execute(via, new BmcCommand.ChangePower(PowerAction.ON));
            return new Sent(target, method, at, null, ok.detail());
        } catch (BmcException e) {
            return new Sent(target, method, at, e.reason(), e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Task {
        Result run() throws InterruptedException;
    }

    private void submit(BmcTarget target, Task task) {
        tasks.execute(() -> {
            Result r;
            try {
                r = task.run();
            } catch (InterruptedException | RuntimeException | Error e) {
                r = new Broken(target, e);
            }
            results.add(r);
        });
    }

    private List<Result> drain() {
        List<Result> batch = new ArrayList<>();
        results.drainTo(batch);
        return batch;
    }

    /**
     * Waits for the next result, but not past the next due check (nor longer than {@link #POLL_MILLIS}); checks due
     * already are waiting for room (or for their write), which only a result or time frees.
     */
    private void awaitResult(Instant deadline) throws InterruptedException {
        Instant wake = run.nextDue().filter(t -> t.isBefore(deadline)).orElse(deadline);
        Duration untilWake = Duration.between(clock.instant(), wake);
        long millis = untilWake.isPositive() ? Math.clamp(untilWake.toMillis(), 1, POLL_MILLIS) : POLL_MILLIS;
        Result first = results.poll(millis, TimeUnit.MILLISECONDS);
        if (first != null) {
            List<Result> batch = new ArrayList<>(List.of(first));
            results.drainTo(batch);
            harvest(batch);
        }
    }

    private void awaitInFlight() throws InterruptedException {
        while (!inFlight.isEmpty()) {
            harvest(List.of(results.take()));
        }
    }

    /**
     * Takes results into effect: readings that settle a target and power-on outcomes are recorded (committed with
     * the next commit, at the latest before the target is due again), targets read as off join the send queue.
     */
    private void harvest(List<Result> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<TargetState> settled = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        for (Result r : batch) {
            inFlight.remove(r.target().nodeId());
            switch (r) {
                case Read read -> onRead(read, settled);
                case Sent s -> sent.add(s);
                case Broken b -> throw broken(b);
            }
        }
        run.record(settled);
        recordSent(sent);
    }

    private void onRead(Read read, List<TargetState> settled) {
        if (read.first()) {
            lanes.get(CampaignRun.ReadPath.of(read.target()))
                    .readBack(Math.max(0, Duration.between(read.at(), clock.instant()).toNanos()));
        } else {
            checksInFlight--;
        }
        BmcTarget target = read.target();
        TargetState state = run.state(target);
        PowerReading reading = read.reading();
        run.noteReading(target, reading);
        if (reading.state() == PowerState.ON) {
            settled.add(state.attempts() == 0 ? state.alreadyOn(reading.readAt(), reading.detail())
                    : state.verified(reading.readAt(), reading.detail()));
        } else if (reading.state() == PowerState.AUTH_FAILED) {
            settled.add(state.failed(FailureReason.AUTH_FAILED, read.at(), reading.detail()));
        } else if (run.sendDue(state, read.at())) {
            lanes.get(CampaignRun.ReadPath.of(target)).queue.add(new Queued(target, clock.instant()));
        } else {
            run.scheduleCheck(target, read.at());
        }
    }

    private void recordSent(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        sendsInFlight -= sent.size();
        List<TargetState> outcomes = new ArrayList<>();
        for (Sent s : sent) {
            TargetState state = run.state(s.target());
            outcomes.add(switch (s.error()) {
                case null -> state.sent(s.method(), s.at(), s.detail());
                case AUTH_FAILED -> state.failed(FailureReason.AUTH_FAILED, s.at(), s.detail());
                case UNSUPPORTED -> state.failed(FailureReason.NOT_SUPPORTED, s.at(), s.detail());
                default -> state.attemptFailed(s.method(), s.at(), s.error(), s.detail());
            });
        }
        run.record(outcomes);
        sent.forEach(s -> run.scheduleCheck(s.target(), s.at()));
    }

    private static InterruptedException broken(Broken b) {
        if (b.cause() instanceof InterruptedException ie) {
            return ie;
        }
        throw new IllegalStateException("campaign task failed unexpectedly", b.cause());
    }
}
