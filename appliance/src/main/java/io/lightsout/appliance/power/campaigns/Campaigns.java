package io.lightsout.appliance.power.campaigns;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.nodes.NodeTargets;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.campaign.CampaignEngine;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.CampaignSpec;
import io.lightsout.appliance.power.campaign.CronExpression;
import io.lightsout.appliance.power.campaign.Occurrence;
import io.lightsout.appliance.power.campaign.FailureReason;
import io.lightsout.appliance.power.campaign.TargetState;
import io.lightsout.appliance.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake campaigns in the appliance: definitions in {@code wake_campaigns}, each run a db-scheduler one-time task (so
 * it starts at its time and survives a restart: a crashed run is revived and the engine resumes it from the
 * {@link DbCampaignStore}, re-reading before re-sending and never leaving a final state). A campaign keeps its
 * {@link CampaignSelection}; each window's targets are resolved from it when the window opens
 * ({@link CampaignWindows}).
 */
public final class Campaigns {
    private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
    private static final String TASK = "wake-campaign";
    private static final String COLUMNS = "id, spec, state, created_by, created_at, finished_at, failure";
    private final Database database;
    private final NodeRegistry nodes;
    private final NodeGroups groups;
    private final NodeTargets targets;
    private final CampaignEngine engine;
    private final DbCampaignStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final CampaignDefaults defaults;
    private final CampaignWindows windows;
    private final CustomTask<String> task;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private Scheduler scheduler;

    /** The state of a campaign; the last three are final (FAILED: a window could not run, see the failure). */
    public enum State { SCHEDULED, RUNNING, DONE, CANCELLED, FAILED }

    /** A campaign with its stored state; {@code failure} says why it is FAILED (else null). */
    public record Campaign(CampaignDefinition definition, State state, String createdBy, Instant createdAt,
                           Instant finishedAt, String failure) {
        public String id() {
            return definition.id();
        }

        public String runId() {
            return definition.id() + "@" + definition.start();
        }
    }

    public Campaigns(Database database, NodeRegistry nodes, NodeGroups groups, NodeTargets targets, BmcExecutor bmc,
                     AuditLog audit, Clock clock, CampaignDefaults defaults) {
        this.database = database;
        this.nodes = nodes;
        this.groups = groups;
        this.targets = targets;
        this.store = new DbCampaignStore(database.jdbc(), clock);
        this.engine = new CampaignEngine(bmc, store, nodes::recordPowerAll, clock, Sleeper.SYSTEM);
        this.audit = audit;
        this.clock = clock;
        this.defaults = defaults;
        this.windows = new CampaignWindows(database.jdbc(), audit, clock);
        // one task instance per campaign (its id): a recurring campaign reschedules the same instance for its next
        // window, so cancel always finds it
        this.task = Tasks.custom(TASK, String.class)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> ops.reschedule(complete, Instant.now().plusSeconds(1)))
                .execute((instance, ctx) -> {
                    Optional<Instant> next = run(instance.getData());
                    return next.<CompletionHandler<String>>map(at -> (complete, ops) -> ops.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    /** The db-scheduler task that runs a campaign; register it with the appliance's scheduler before it starts. */
    public CustomTask<String> task() {
        return task;
    }

    /** The appliance's scheduler, on which new campaigns are scheduled. */
    public void useScheduler(Scheduler appScheduler) {
        this.scheduler = appScheduler;
    }

    public Campaign create(CampaignInput in, String by, String source) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 128) {
            errors.add(new FieldError("name", "A name of 1 to 128 characters is required."));
        }
        Instant requested = in.startAt(clock, errors);
        CronExpression cron = in.cron(errors);
        ZoneId tz = in.zone(defaults.zone(), errors);
        Instant start;
        Instant deadline;
        if (cron == null) {
            start = requested;
            deadline = in.deadlineAt(start, defaults.window(), errors);
        } else {
            Duration length = in.windowLength(defaults.window(), errors);
            // the first window is the first one opening at or after the requested start
            start = cron.nextStart(requested.minusNanos(1), tz).orElse(requested);
            deadline = start.plus(length);
        }
        int retries = in.retries() == null ? defaults.retries() : in.retries();
        if (retries < 0 || retries > 20) {
            errors.add(new FieldError("retries", "0 to 20."));
        }
        Duration retryDelay = CampaignInput.duration(in.retryDelay(), "retryDelay", errors, defaults.retryDelay());
        Duration verifyInterval = CampaignInput.duration(in.verifyInterval(), "verifyInterval", errors,
                defaults.verifyInterval());
        double rate = in.rate() == null ? defaults.rate() : in.rate();
        if (!(rate > 0 && rate <= 10_000)) {
            errors.add(new FieldError("rate", "More than 0 and at most 10000 per second."));
        }
        if (in.verifyPort() != null && (in.verifyPort() < 1 || in.verifyPort() > 65535)) {
            errors.add(new FieldError("verifyPort", "1 to 65535."));
        }
        var method = in.methodRule(errors);
        var after = in.after(errors);
        CampaignSelection selection = errors.isEmpty() ? selection(in, errors) : null;
        CampaignSelection.Resolution now = selection == null ? null : selection.resolve(database.jdbc());
        if (errors.isEmpty() && now.nodeIds().isEmpty()) {
            errors.add(new FieldError("group", "The selection matches no node."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The campaign is not valid", errors);
        }
        String id = "c-" + UUID.randomUUID().toString().substring(0, 13);
        CampaignDefinition def = new CampaignDefinition(id, in.name().strip(), selection, start, deadline, retries,
                retryDelay, rate, verifyInterval, in.verifyPort(), method, after, cron == null ? null : cron.toString(),
                tz, null, null);
        database.jdbc().transaction(tx -> {
            tx.update("INSERT INTO wake_campaigns (id, name, spec, state, window_start, window_deadline, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, def.name(), def.encode(),
                    State.SCHEDULED.name(), start.toEpochMilli(), deadline.toEpochMilli(), by, clock.millis());
            List<String> listed = selection instanceof CampaignSelection.Nodes n ? n.ids() : List.of();
            for (int i = 0; i < listed.size(); i++) {
                tx.update("INSERT INTO wake_campaign_nodes (campaign_id, position, node_id) VALUES (?, ?, ?)", id, i,
                        listed.get(i));
            }
            audit.record(tx, by, "campaign.create", def.name(), "success", now.description() + ", "
                    + now.nodeIds().size() + " nodes now, " + def.start()
                    + " to " + def.deadline() + (cron == null ? "" : ", recurring '" + cron + "' " + tz), source);
            return null;
        });
        scheduler.schedule(task.instance(id, id), def.start());
        return get(id);
    }

    private CampaignSelection selection(CampaignInput in, List<FieldError> errors) {
        int given = (in.group() != null ? 1 : 0) + (in.nodeIds() != null ? 1 : 0) + (Boolean.TRUE.equals(in.all())
                ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("group", "Give exactly one of group, nodeIds, all."));
            return null;
        }
        if (in.group() != null) {
            NodeGroups.Group g = groups.get(in.group());
            return new CampaignSelection.Group(g.id(), g.name());
        }
        if (in.nodeIds() != null) {
            for (String n : in.nodeIds()) {
                if (nodes.find(n).isEmpty()) {
                    errors.add(new FieldError("nodeIds", "No node " + n));
                }
            }
            return new CampaignSelection.Nodes(List.copyOf(new LinkedHashSet<>(in.nodeIds())));
        }
        return new CampaignSelection.All();
    }

    public List<Campaign> list() {
        return database.jdbc().query("SELECT " + COLUMNS + " FROM wake_campaigns ORDER BY created_at DESC", this::map);
    }

    public Campaign get(String id) {
        return database.jdbc().queryOne("SELECT " + COLUMNS + " FROM wake_campaigns WHERE id = ?", this::map, id)
                .orElseThrow(() -> new ApplianceException.NotFound("No campaign " + id));
    }

    /**
     * What a window's target list is: frozen when the window opened, or (for a window not open yet) a preview of the
     * selection resolved now.
     *
     * @param selection    how the selection read then: {@code group night-shift (dynamic)}
     * @param resolvedAt   when the list was resolved: the window's opening, or now for a preview; null for a window
     *                     run before selections were kept (its list is the campaign's explicit one)
     * @param atWindowOpen true for the window's own list, false for a preview that may still change
     * @param skipped      listed nodes deleted before the window opened, left out of it
     * @param failure      why the window could not run, or null
     */
    public record Targets(String selection, int count, Instant resolvedAt, boolean atWindowOpen, int skipped,
                          String failure) {
    }

    /** A window's report with what its target list is. */
    public record WindowReport(CampaignReport report, Targets targets) {
    }

    /** The report of the current (or next) window: its own list once it has opened, else the selection as of now. */
    public WindowReport report(Campaign c) {
        CampaignDefinition d = c.definition();
        Occurrence window = new Occurrence(d.start(), d.deadline());
        Optional<CampaignWindows.Window> opened = windows.find(d.id(), d.start());
        if (opened.isPresent()) {
            return report(d, window, opened.get());
        }
        if (c.state() == State.RUNNING) {
            return legacy(d, window); // opened before selections were kept (V201)
        }
        CampaignSelection.Resolution now = d.selection().resolve(database.jdbc());
        Targets t = new Targets(now.description(), now.nodeIds().size(), clock.instant(), false, now.skipped(),
                c.failure() != null ? c.failure() : now.failure());
        return new WindowReport(report(d.id(), window, now.nodeIds()), t);
    }

    /** The report of a recurring campaign's previous window, if one has run: with the list it ran. */
    public Optional<WindowReport> lastReport(Campaign c) {
        CampaignDefinition d = c.definition();
        if (d.lastStart() == null) {
            return Optional.empty();
        }
        Occurrence window = new Occurrence(d.lastStart(), d.lastDeadline());
        return Optional.of(windows.find(d.id(), d.lastStart()).map(w -> report(d, window, w))
                .orElseGet(() -> legacy(d, window)));
    }

    /**
     * The report of any window of the campaign that has opened, by its start (with the campaign's current window
     * length: a window's own deadline is kept only for the current and the previous one); empty if none opened then.
     */
    public Optional<WindowReport> report(Campaign c, Instant windowStart) {
        CampaignDefinition d = c.definition();
        if (windowStart.equals(d.lastStart())) {
            return lastReport(c);
        }
        Duration length = Duration.between(d.start(), d.deadline());
        return windows.find(d.id(), windowStart)
                .map(w -> report(d, new Occurrence(windowStart, windowStart.plus(length)), w));
    }

    private WindowReport report(CampaignDefinition d, Occurrence window, CampaignWindows.Window w) {
        return new WindowReport(report(d.id(), window, w.nodeIds()), new Targets(w.selection(), w.nodeIds().size(),
                w.openedAt(), true, w.skipped(), w.failure()));
    }

    /** A window run before selections were kept: the campaign's explicit list, as it always was. */
    private WindowReport legacy(CampaignDefinition d, Occurrence window) {
        List<String> ids = d.selection() instanceof CampaignSelection.Nodes n ? n.ids() : List.of();
        return new WindowReport(report(d.id(), window, ids), new Targets("listed nodes", ids.size(), null, true, 0,
                null));
    }

    private CampaignReport report(String id, Occurrence window, List<String> nodeIds) {
        String runId = id + "@" + window.start();
        Map<String, TargetState> saved = store.load(runId);
        List<TargetState> states = nodeIds.stream().map(n -> saved.getOrDefault(n, TargetState.pending(n))).toList();
        return CampaignReport.of(runId, window, states, clock.instant());
    }

    /** Stops a campaign: a scheduled one never starts, a running one records what is in flight and stops. */
    public void cancel(String id, String by, String source) {
        Campaign c = get(id);
        if (c.state() == State.DONE || c.state() == State.CANCELLED || c.state() == State.FAILED) {
            throw new ApplianceException.Conflict("Campaign " + id + " is already " + c.state().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        finish(id, State.CANCELLED);
        audit.success(by, "campaign.cancel", c.definition().name(), null, source);
        Thread t = running.get(id);
        if (t != null) {
            t.interrupt();
        } else {
            try {
                scheduler.cancel(TaskInstanceId.of(TASK, id));
            } catch (RuntimeException e) {
                LOG.debug("campaign {} was not scheduled any more: {}", id, e.toString());
            }
        }
    }

    /** Runs the campaign's current window; returns when its next window opens, if it recurs. */
    Optional<Instant> run(String id) {
        CampaignDefinition d = get(id).definition();
        Optional<CampaignWindows.Window> window = windows.open(d);
        if (window.isEmpty()) {
            return Optional.empty(); // ended meanwhile
        }
        if (window.get().failure() != null) {
            LOG.warn("campaign {} window {} not run: {}", id, d.start(), window.get().failure());
            return Optional.empty();
        }
        List<BmcTarget> list = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String nodeId : window.get().nodeIds()) {
            nodes.find(nodeId).ifPresentOrElse(n -> list.add(targets.target(n, d.verifyPort())),
                    () -> deleted.add(nodeId));
        }
        settleDeleted(d.id() + "@" + d.start(), deleted);
        CampaignSpec spec = new CampaignSpec(id, d.name(), list, d.schedule(), d.method(), d.rate(),
                d.verifyInterval(), new CampaignSpec.Retries(d.retries(), d.retryDelay()), d.after());
        running.put(id, Thread.currentThread());
        try {
            CampaignReport report = engine.run(spec, new Occurrence(d.start(), d.deadline()));
            LOG.info("campaign {} window {} done: {}", id, d.start(), report.counts());
            Optional<CampaignDefinition> next = d.nextWindow();
            if (next.isEmpty()) {
                finish(id, State.DONE);
                return Optional.empty();
            }
            CampaignDefinition n = next.get();
            int moved = database.jdbc().update("UPDATE wake_campaigns SET spec = ?, state = ?, window_start = ?,"
                    + " window_deadline = ? WHERE id = ? AND state = ?", n.encode(), State.SCHEDULED.name(),
                    n.start().toEpochMilli(), n.deadline().toEpochMilli(), id, State.RUNNING.name());
            return moved == 1 ? Optional.of(n.start()) : Optional.empty(); // 0: cancelled meanwhile
        } catch (InterruptedException e) {
            if (get(id).state() != State.CANCELLED) {
                throw new IllegalStateException("campaign " + id + " interrupted by shutdown; it resumes on start");
            }
            return Optional.empty();
        } finally {
            running.remove(id);
            Thread.interrupted();
        }
    }

    /**
     * Targets of the window whose node was deleted since it opened are not run any more; each gets its one final
     * status here (unless it has one already), so the window's report never keeps them pending.
     */
    private void settleDeleted(String runId, List<String> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        Map<String, TargetState> saved = store.load(runId);
        Instant now = clock.instant();
        List<TargetState> settled = deleted.stream()
                .map(n -> saved.getOrDefault(n, TargetState.pending(n)))
                .filter(s -> !s.terminal())
                .map(s -> s.failed(FailureReason.NODE_DELETED, now, "node deleted while the window was open; not"
                        + " contacted any more"))
                .toList();
        store.saveAll(runId, settled);
    }

    private void finish(String id, State state) {
        database.jdbc().update("UPDATE wake_campaigns SET state = ?, finished_at = ? WHERE id = ? AND state IN (?, ?)",
                state.name(), clock.millis(), id, State.SCHEDULED.name(), State.RUNNING.name());
    }

    private Campaign map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long finished = rs.getLong(6);
        boolean hasFinished = !rs.wasNull();
        String id = rs.getString(1);
        List<String> nodeIds = database.jdbc().query("SELECT node_id FROM wake_campaign_nodes WHERE campaign_id = ?"
                + " ORDER BY position", r -> r.getString(1), id);
        return new Campaign(CampaignDefinition.decode(id, rs.getString(2), nodeIds), State.valueOf(rs.getString(3)),
                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), hasFinished ? Instant.ofEpochMilli(finished)
                : null, rs.getString(7));
    }

    /** For tests and the demo: whether a campaign's run is executing in this process. */
    public Optional<Thread> runningThread(String id) {
        return Optional.ofNullable(running.get(id));
    }
}
