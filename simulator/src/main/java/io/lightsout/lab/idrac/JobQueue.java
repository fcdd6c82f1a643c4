package io.lightsout.lab.idrac;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Lifecycle Controller job queue. Job status is computed from the clock (protocols.md 3.4 statuses):
 * a firmware job is Downloading, then Downloaded until SetupJobQueue schedules it (iDRAC's own firmware
 * schedules itself), then Scheduled, Running, and Completed or Failed; a reboot job (RID_) power-cycles the host
 * when it starts and ends "Reboot Completed"; an OS-deployment job runs then ends "Success". Start and
 * completion effects (power cycle, new firmware version) are applied when the queue is next observed, which
 * every request to the BMC does.
 */
public final class JobQueue {

    /** What kind of work a job does. */
    public enum Kind { FIRMWARE, REBOOT, OSD, CONFIG }

    /** A job as clients see it. */
    public record View(String id, String name, Kind kind, String status, int percent, String message,
                       String messageId, String startTime) {
        public boolean running() {
            return status.equals("Running") || status.equals("Downloading");
        }
    }

    private static final class Job {
        final String id;
        final String name;
        final Kind kind;
        final Instant downloaded;
        final Duration run;
        final boolean fails;
        final Consumer<Job> onStart;
        final Consumer<Job> onComplete;
        Instant start;
        boolean started;
        boolean completed;

        Job(String id, String name, Kind kind, Instant downloaded, Duration run, boolean fails,
            Consumer<Job> onStart, Consumer<Job> onComplete) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.downloaded = downloaded;
            this.run = run;
            this.fails = fails;
            this.onStart = onStart;
            this.onComplete = onComplete;
        }
    }

    private final Clock clock;
    private final Duration download;
    private final Duration run;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private long counter;
    private int osdCounter;

    public JobQueue(Clock clock, Duration download, Duration run) {
        this.clock = clock;
        this.download = download;
        this.run = run;
    }

    /** Adds a firmware update job; {@code autoStart} for components that apply without a reboot (iDRAC). */
    public synchronized String addFirmware(String name, boolean autoStart, boolean fails, Runnable apply) {
        String id = "JID_" + nextNumber();
        Instant now = clock.instant();
        Job j = new Job(id, name, Kind.FIRMWARE, now.plus(download), run, fails, x -> { },
                x -> {
                    if (!x.fails) {
                        apply.run();
                    }
                });
        if (autoStart) {
            j.start = j.downloaded;
        }
        jobs.put(id, j);
        return id;
    }

    /** Adds a reboot job (RID_), which power-cycles the host when it starts. */
    public synchronized String addReboot(Runnable reboot) {
        String id = "RID_" + nextNumber();
        jobs.put(id, new Job(id, "Reboot" + id.substring(3), Kind.REBOOT, clock.instant(), run, false,
                x -> reboot.run(), x -> { }));
        return id;
    }

    /**
     * Adds a configuration job (JID_, CreateTargetedConfigJob) that starts now and completes at once; {@code reboot}
     * (null for none) runs when it starts.
     */
    public synchronized String addConfig(String name, Runnable reboot) {
        String id = "JID_" + nextNumber();
        Job j = new Job(id, name, Kind.CONFIG, clock.instant(), Duration.ZERO, false,
                x -> {
                    if (reboot != null) {
                        reboot.run();
                    }
                }, x -> { });
        j.start = j.downloaded;
        jobs.put(id, j);
        return id;
    }

    /** Adds an OS deployment job (DCIM_OSDConcreteJob:N) that starts now. */
    public synchronized String addOsd(String name) {
        String id = "DCIM_OSDConcreteJob:" + (++osdCounter);
        Job j = new Job(id, name, Kind.OSD, clock.instant(), run, false, x -> { }, x -> { });
        j.start = j.downloaded;
        jobs.put(id, j);
        return id;
    }

    /** Schedules jobs to start at {@code start} (SetupJobQueue); returns the ids that do not exist. */
    public synchronized List<String> schedule(List<String> ids, Instant start) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Job j = jobs.get(id);
            if (j == null) {
                missing.add(id);
            } else if (j.start == null) {
                j.start = start.isBefore(j.downloaded) ? j.downloaded : start;
            }
        }
        return missing;
    }

    /** Deletes one job, or all with {@code JID_CLEARALL}; false if the job does not exist. */
    public synchronized boolean delete(String id) {
        if ("JID_CLEARALL".equals(id)) {
            jobs.clear();
            return true;
        }
        return jobs.remove(id) != null;
    }

    /** Every job, settled to now. */
    public List<View> all() {
        List<Runnable> effects = new ArrayList<>();
        List<View> out = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Job j : jobs.values()) {
                out.add(view(j, now, effects));
            }
        }
        // effects touch the power model: run them outside this lock
        effects.forEach(Runnable::run);
        return out;
    }

    /** True while any job is downloading or running (LC busy). */
    public boolean busy() {
        for (View v : all()) {
            if (v.running()) {
                return true;
            }
        }
        return false;
    }

    private View view(Job j, Instant now, List<Runnable> effects) {
        if (j.kind == Kind.FIRMWARE && now.isBefore(j.downloaded)) {
            int pct = percent(j.downloaded.minus(download), download, now);
            return new View(j.id, j.name, j.kind, "Downloading", pct, "Downloading the update package.", "RED002",
                    "TIME_NA");
        }
        if (j.start == null) {
            String status = j.kind == Kind.FIRMWARE ? "Downloaded" : "New";
            return new View(j.id, j.name, j.kind, status, 0, "Job created successfully.", "JCP017", "TIME_NA");
        }
        if (now.isBefore(j.start)) {
            return new View(j.id, j.name, j.kind, "Scheduled", 0, "Task successfully scheduled.", "JCP001",
                    "TIME_NOW");
        }
        if (!j.started) {
            j.started = true;
            effects.add(() -> j.onStart.accept(j));
        }
        Instant end = j.start.plus(j.run);
        if (now.isBefore(end)) {
            return new View(j.id, j.name, j.kind, j.kind == Kind.REBOOT ? "Reboot Pending" : "Running",
                    percent(j.start, j.run, now), "Job in progress.", "PR20", "TIME_NOW");
        }
        if (!j.completed) {
            j.completed = true;
            effects.add(() -> j.onComplete.accept(j));
        }
        return switch (j.kind) {
            case REBOOT -> new View(j.id, j.name, j.kind, "Reboot Completed", 100, "Reboot completed.", "RED030",
                    "TIME_NOW");
            case OSD -> new View(j.id, j.name, j.kind, "Success", 100, "The command was successful.", "OSD1",
                    "TIME_NOW");
            case CONFIG -> new View(j.id, j.name, j.kind, "Completed", 100, "Job completed successfully.", "PR19",
                    "TIME_NOW");
            case FIRMWARE -> j.fails
                    ? new View(j.id, j.name, j.kind, "Failed", 100, "Unable to verify Update Package signature.",
                    "RED004", "TIME_NOW")
                    : new View(j.id, j.name, j.kind, "Completed", 100, "Job completed successfully.", "RED001",
                    "TIME_NOW");
        };
    }

    private static int percent(Instant from, Duration total, Instant now) {
        long t = total.toMillis();
        if (t <= 0) {
            return 99;
        }
        long pct = Duration.between(from, now).toMillis() * 100 / t;
        return (int) Math.max(0, Math.min(99, pct));
    }

    private String nextNumber() {
        // Dell JIDs are JID_ + 12 digits (seconds since 2000 + a sequence)
        long n = (clock.millis() / 1000 - 946_684_800L) * 1000 + (++counter % 1000);
        return String.format("%012d", Math.max(0, n));
    }
}
