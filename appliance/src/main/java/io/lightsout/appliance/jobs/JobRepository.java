package io.lightsout.appliance.jobs;

import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs and their target rows in the database. */
public final class JobRepository {
    private static final String FINAL_TARGET = "('succeeded', 'failed', 'cancelled')";
    private static final String COLUMNS = "j.id, j.type, j.state, j.created_by, j.created_at, j.started_at, "
            + "j.finished_at, j.summary, (SELECT COUNT(*) FROM job_targets t WHERE t.job_id = j.id AND t.state IN "
            + FINAL_TARGET + "), (SELECT COUNT(*) FROM job_targets t WHERE t.job_id = j.id)";
    private final Jdbc jdbc;
    private final Clock clock;

    public JobRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of jobs, newest first. */
    public record Page(List<Job> items, long total) {
    }

    long create(String type, String parameters, String createdBy, List<String> targets) {
        return jdbc.transaction(tx -> {
            long now = clock.millis();
            long id = tx.insert("INSERT INTO jobs (type, state, parameters, created_by, created_at) "
                    + "VALUES (?, 'queued', ?, ?, ?)", type, parameters, createdBy, now);
            for (String t : targets) {
                tx.update("INSERT INTO job_targets (job_id, target, state, updated_at) VALUES (?, ?, 'queued', ?)",
                        id, t, now);
            }
            return id;
        });
    }

    public Optional<Job> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM jobs j WHERE j.id = ?", rs -> map(rs, List.of()), id)
                .map(j -> new Job(j.id(), j.type(), j.state(), j.done(), j.total(), j.createdBy(), j.createdAt(),
                        j.startedAt(), j.finishedAt(), j.summary(), targets(id)));
    }

    public Page list(JobState state, int page, int size) {
        String where = state == null ? "" : " WHERE j.state = ?";
        Object[] filter = state == null ? new Object[0] : new Object[] {state.id()};
        long total = jdbc.queryLong("SELECT COUNT(*) FROM jobs j" + where, filter);
        List<Object> args = new ArrayList<>(List.of(filter));
        args.add(size);
        args.add((long) page * size);
        List<Job> items = jdbc.query("SELECT " + COLUMNS + " FROM jobs j" + where
                + " ORDER BY j.id DESC LIMIT ? OFFSET ?", rs -> map(rs, List.of()), args.toArray());
        return new Page(items, total);
    }

    /** Job count per state, for metrics. */
    public Map<JobState, Long> countByState() {
        Map<JobState, Long> out = new LinkedHashMap<>();
        for (JobState s : JobState.values()) {
            out.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) FROM jobs GROUP BY state", rs -> out.put(JobState.of(rs.getString(1)),
                rs.getLong(2)));
        return out;
    }

    /** Ids, types and parameters of jobs not finished (for recovery after a restart). */
    record Unfinished(long id, String type, String parameters) {
    }

    List<Unfinished> unfinished() {
        return jdbc.query("SELECT id, type, parameters FROM jobs WHERE state IN ('queued', 'running') ORDER BY id",
                rs -> new Unfinished(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    String parameters(long id) {
        return jdbc.queryOne("SELECT parameters FROM jobs WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    }

    List<String> targetsIn(long id, String state) {
        return jdbc.query("SELECT target FROM job_targets WHERE job_id = ? AND state = ? ORDER BY target",
                rs -> rs.getString(1), id, state);
    }

    void markRunning(long id) {
        jdbc.update("UPDATE jobs SET state = 'running', started_at = COALESCE(started_at, ?) WHERE id = ?",
                clock.millis(), id);
    }

    void updateTarget(Sql in, long id, String target, String state, String status, String reason) {
        in.update("UPDATE job_targets SET state = ?, status = ?, reason = ?, updated_at = ? WHERE job_id = ? "
                + "AND target = ?", state, cut(status, 256), cut(reason, 2000), clock.millis(), id, target);
    }

    void updateTarget(long id, String target, String state, String status, String reason) {
        updateTarget(jdbc, id, target, state, status, reason);
    }

    /** Marks every target still in {@code from} as {@code to} with a reason. */
    void moveTargets(long id, String from, String to, String reason) {
        jdbc.update("UPDATE job_targets SET state = ?, reason = ?, updated_at = ? WHERE job_id = ? AND state = ?",
                to, reason, clock.millis(), id, from);
    }

    boolean requestCancel(long id) {
        return jdbc.update("UPDATE jobs SET cancel_requested = TRUE WHERE id = ? AND state IN ('queued', 'running')",
                id) == 1;
    }

    boolean cancelRequested(long id) {
        return jdbc.queryOne("SELECT cancel_requested FROM jobs WHERE id = ?", rs -> rs.getBoolean(1), id)
                .orElse(false);
    }

    /** Computes and stores the final state from the target rows. */
    JobState finish(long id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM job_targets WHERE job_id = ? GROUP BY state",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), id);
        long ok = counts.getOrDefault("succeeded", 0L);
        long failed = counts.getOrDefault("failed", 0L);
        long cancelled = counts.getOrDefault("cancelled", 0L);
        JobState state;
        if (cancelled > 0) {
            state = JobState.CANCELLED;
        } else if (failed == 0) {
            state = JobState.SUCCEEDED;
        } else {
            state = ok == 0 ? JobState.FAILED : JobState.PARTIALLY_FAILED;
        }
        String summary = ok + " succeeded, " + failed + " failed" + (cancelled > 0 ? ", " + cancelled + " cancelled"
                : "");
        jdbc.update("UPDATE jobs SET state = ?, finished_at = ?, summary = ? WHERE id = ?", state.id(),
                clock.millis(), summary, id);
        return state;
    }

    private List<Job.Target> targets(long id) {
        return jdbc.query("SELECT target, state, status, reason, updated_at FROM job_targets WHERE job_id = ? "
                + "ORDER BY target", rs -> new Job.Target(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))), id);
    }

    private static Job map(ResultSet rs, List<Job.Target> targets) throws SQLException {
        return new Job(rs.getLong(1), rs.getString(2), JobState.of(rs.getString(3)), rs.getInt(9), rs.getInt(10),
                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), instant(rs, 6), instant(rs, 7),
                rs.getString(8), targets);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
