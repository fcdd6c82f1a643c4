package io.lightsout.appliance.power.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign window achieved: per node woken / already on / failed with reason, counts, and the success
 * rate over time (share of targets on, minute by minute from the window's start). Exports as CSV.
 *
 * @param runId      {@code campaignId@windowStart}
 * @param window     the window
 * @param targets    per-target states, in the campaign's target order
 * @param generated  when the report was made
 */
public record CampaignReport(String runId, Occurrence window, List<TargetState> targets, Instant generated) {

    /** Successful share of targets at a moment. */
    public record Point(Duration sinceStart, int succeeded, double successRate) {
    }

    public static CampaignReport of(String runId, Occurrence window, List<TargetState> targets, Instant generated) {
        return new CampaignReport(runId, window, List.copyOf(targets), generated);
    }

    public Map<TargetStatus, Integer> counts() {
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            counts.put(s, 0);
        }
        targets.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        return counts;
    }

    public Map<FailureReason, Integer> failures() {
        Map<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        targets.forEach(t -> t.failure().ifPresent(f -> counts.merge(f, 1, Integer::sum)));
        return counts;
    }

    /** (woken + already on) / all targets; 1.0 for a campaign without targets. */
    public double successRate() {
        return targets.isEmpty() ? 1.0 : (double) succeeded(Instant.MAX) / targets.size();
    }

    /** The success rate at each {@code step} from the window's start until the last target settled. */
    public List<Point> timeline(Duration step) {
        if (!step.isPositive()) {
            throw new IllegalArgumentException("timeline step must be positive");
        }
        Instant end = targets.stream().map(TargetState::doneAt).flatMap(Optional::stream)
                .max(Instant::compareTo).orElse(window.start());
        List<Point> points = new ArrayList<>();
        for (Instant at = window.start(); ; at = at.plus(step)) {
            int ok = succeeded(at);
            points.add(new Point(Duration.between(window.start(), at), ok,
                    targets.isEmpty() ? 1.0 : (double) ok / targets.size()));
            if (!at.isBefore(end)) {
                return points;
            }
        }
    }

    private int succeeded(Instant by) {
        return (int) targets.stream().filter(t -> t.status() == TargetStatus.VERIFIED
                || t.status() == TargetStatus.ALREADY_ON).filter(t -> !t.doneAt().orElseThrow().isAfter(by)).count();
    }

    /**
     * One line per target: node (its name, for people and spreadsheets), node id, status, reason, method, attempts,
     * times, power-off, detail.
     *
     * @param nameOf the name of a node id (the report itself only knows ids)
     */
    public String toCsv(java.util.function.Function<String, String> nameOf) {
        StringBuilder csv = new StringBuilder(
                "node,node_id,status,reason,method,attempts,last_attempt_at,done_at,power_off,detail\r\n");
        for (TargetState t : targets) {
            Csv.row(csv, nameOf.apply(t.nodeId()), t.nodeId(), t.status().name(), t.failure().map(Enum::name).orElse(""),
                    t.method().map(Enum::name).orElse(""), Integer.toString(t.attempts()),
                    t.lastAttemptAt().map(Instant::toString).orElse(""), t.doneAt().map(Instant::toString).orElse(""),
                    t.powerOff().name(), t.detail());
        }
        return csv.toString();
    }

    /** The {@link #timeline} as CSV: seconds since start, targets on, success rate. */
    public String timelineCsv(Duration step) {
        StringBuilder csv = new StringBuilder("seconds_since_start,succeeded,success_rate\r\n");
        for (Point p : timeline(step)) {
            Csv.row(csv, Long.toString(p.sinceStart().toSeconds()), Integer.toString(p.succeeded()),
                    String.format(java.util.Locale.ROOT, "%.4f", p.successRate()));
        }
        return csv.toString();
    }
}
