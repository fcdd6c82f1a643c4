package io.lightsout.appliance.jobs;

import java.time.Instant;
import java.util.List;

/** A job as stored, with its per-target rows when read one by one ({@code targets} empty in lists). */
public record Job(long id, String type, JobState state, int done, int total, String createdBy, Instant createdAt,
                  Instant startedAt, Instant finishedAt, String summary, List<Target> targets) {

    /** One target's row. {@code state} is queued, running, succeeded, failed or cancelled. */
    public record Target(String target, String state, String status, String reason, Instant updatedAt) {
    }

    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
