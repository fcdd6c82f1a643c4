package io.lightsout.appliance.jobs;

import java.util.Locale;

/** The state of a job; the last four are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, PARTIALLY_FAILED, CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    /** Parses the lower-case id; throws {@link IllegalArgumentException} naming the accepted values. */
    public static JobState of(String id) {
        for (JobState s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown job state '" + id
                + "' (queued, running, succeeded, failed, partially_failed, cancelled)");
    }
}
