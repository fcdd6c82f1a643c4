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
import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.nodes.NodeTargets;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.campaign.CampaignEngine;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.CampaignSpec;
import io.lightsout.appliance.power.campaign.CronExpression;
import io.lightsout.appliance.power.campaign.Occurrence;
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
 * {@link DbCampaignStore}, re-reading before re-sending and never leaving a final state).
 */
public final class Campaigns {
    private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
    private static final String TASK = "wake-campaign";
    private final Database database;
    private final NodeRegistry nodes;
    private final NodeGroups groups;
    private final NodeTargets targets;
    private final CampaignEngine engine;
    private final DbCampaignStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final CampaignDefaults defaults;
    private final CustomTask<String> task;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private Scheduler scheduler;

    /** The state of a campaign; the last two are final. */
    public enum State { SCHEDULED, RUNNING, DONE, CANCELLED }

    /** A campaign with its stored state. */
    public record Campaign(CampaignDefinition definition, State state, String createdBy, Instant createdAt,
                           Instant finishedAt) {
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
        List<String> ids = errors.isEmpty() ? selection(in, errors) : List.of();
        if (errors.isEmpty() && ids.isEmpty()) {
            errors.add(new FieldError("group", "The selection matches no node."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The campaign is not valid", errors);
        }
        String id = "c-" + UUID.randomUUID().toString().substring(0, 13);
        CampaignDefinition def = new CampaignDefinition(id, in.name().strip(), ids, start, deadline, retries,
                retryDelay, rate, verifyInterval, in.verifyPort(), method, after, cron == null ? null : cron.toString(),
                tz, null, null);
        database.jdbc().transaction(tx -> {
            tx.update("INSERT INTO wake_campaigns (id, name, spec, state, window_start, window_deadline, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, def.name(), def.encode(),
                    State.SCHEDULED.name(), start.toEpochMilli(), deadline.toEpochMilli(), by, clock.millis());
            for (int i = 0; i < ids.size(); i++) {
                tx.update("INSERT INTO wake_campaign_nodes (campaign_id, position, node_id) VALUES (?, ?, ?)", id, i,
                        ids.get(i));
            }
            audit.record(tx, by, "campaign.create", def.name(), "success", ids.size() + " nodes, " + def.start()
                    + " to " + def.deadline() + (cron == null ? "" : ", recurring '" + cron + "' " + tz), source);
            return null;
        });
        scheduler.schedule(task.instance(id, id), def.start());
        return get(id);
    }

    private List<String> selection(CampaignInput in, List<FieldError> errors) {
        int given = (in.group() != null ? 1 : 0) + (in.nodeIds() != null ? 1 : 0) + (Boolean.TRUE.equals(in.all())
                ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("group", "Give exactly one of group, nodeIds, all."));
            return List.of();
        }
        if (in.group() != null) {
            return groups.memberIds(groups.get(in.group()));
        }
        if (in.nodeIds() != null) {
            for (String n : in.nodeIds()) {
                if (nodes.find(n).isEmpty()) {
                    errors.add(new FieldError("nodeIds", "No node " + n));
                }
            }
            return List.copyOf(new LinkedHashSet<>(in.nodeIds()));
        }
        return nodes.ids(NodeFilter.ALL);
    }

    public List<Campaign> list() {
        return database.jdbc().query("SELECT id, spec, state, created_by, created_at, finished_at FROM wake_campaigns"
                + " ORDER BY created_at DESC", this::map);
    }

    public Campaign get(String id) {
        return database.jdbc().queryOne("SELECT id, spec, state, created_by, created_at, finished_at FROM"
                + " wake_campaigns WHERE id = ?", this::map, id)
                .orElseThrow(() -> new ApplianceException.NotFound("No campaign " + id));
    }

    /** The report of the current (or next) window as of now: every target, pending ones included. */
    public CampaignReport report(Campaign c) {
        return report(c, new Occurrence(c.definition().start(), c.definition().deadline()));
    }

    /** The report of a recurring campaign's previous window, if one has run. */
    public Optional<CampaignReport> lastReport(Campaign c) {
        CampaignDefinition d = c.definition();
        return d.lastStart() == null ? Optional.empty()
                : Optional.of(report(c, new Occurrence(d.lastStart(), d.lastDeadline())));
    }

    private CampaignReport report(Campaign c, Occurrence window) {
        String runId = c.definition().id() + "@" + window.start();
        Map<String, TargetState> saved = store.load(runId);
        List<TargetState> states = c.definition().nodeIds().stream()
                .map(n -> saved.getOrDefault(n, TargetState.pending(n))).toList();
        return CampaignReport.of(runId, window, states, clock.instant());
    }

    /** Stops a campaign: a scheduled one never starts, a running one records what is in flight and stops. */
    public void cancel(String id, String by, String source) {
        Campaign c = get(id);
        if (c.state() == State.DONE || c.state() == State.CANCELLED) {
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
    private Optional<Instant> run(String id) {
        Campaign c = get(id);
        if (c.state() == State.DONE || c.state() == State.CANCELLED) {
            return Optional.empty();
        }
        database.jdbc().update("UPDATE wake_campaigns SET state = ? WHERE id = ? AND state = ?", State.RUNNING.name(),
                id, State.SCHEDULED.name());
        CampaignDefinition d = c.definition();
        List<BmcTarget> list = new ArrayList<>();
        for (String nodeId : d.nodeIds()) {
            nodes.find(nodeId).ifPresent(n -> list.add(targets.target(n, d.verifyPort())));
        }
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
                : null);
    }

    /** For tests and the demo: whether a campaign's run is executing in this process. */
    public Optional<Thread> runningThread(String id) {
        return Optional.ofNullable(running.get(id));
    }
}
