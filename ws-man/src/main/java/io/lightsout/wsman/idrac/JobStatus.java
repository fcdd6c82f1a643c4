package io.lightsout.wsman.idrac;

import java.util.Locale;

/** A Lifecycle Controller job's {@code JobStatus} string, grouped by what a caller does next. */
public enum JobStatus {
    /** New, Scheduled, Pending, Ready for execution, Scheduling: not started. */
    PENDING,
    /** Running, Downloading, Download Completed, Reboot pending: under way. */
    RUNNING,
    /** Completed, Reboot Completed, Success. */
    COMPLETED,
    /** Completed with Errors. */
    COMPLETED_WITH_ERRORS,
    /** Failed, Reboot Failed, Download failed, ... */
    FAILED,
    /** A status string we do not know. */
    UNKNOWN;

    /** Maps a device string (case and spacing as devices vary). */
    public static JobStatus of(String jobStatus) {
        String s = jobStatus == null ? "" : jobStatus.strip().toLowerCase(Locale.ROOT);
        if (s.contains("fail") || s.contains("error") && !s.startsWith("completed")) {
            return FAILED;
        }
        if (s.equals("completed with errors")) {
            return COMPLETED_WITH_ERRORS;
        }
        return switch (s) {
            case "completed", "reboot completed", "success" -> COMPLETED;
            case "running", "downloading", "download completed", "reboot pending", "installing" -> RUNNING;
            case "new", "scheduled", "pending", "ready for execution", "scheduling", "waiting" -> PENDING;
            default -> UNKNOWN;
        };
    }

    /** Whether the job will not change any more. */
    public boolean finished() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == FAILED;
    }
}
