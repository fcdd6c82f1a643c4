package io.lightsout.appliance.jobs;

/**
 * A kind of job the engine can run (power action, wake campaign, firmware update, self-test, ...). Register an
 * instance in the {@link JobTypeRegistry} at composition time; the engine runs {@link #run} once per target on a
 * virtual thread, at most {@link #concurrency()} targets of one job at a time.
 */
public interface JobType {

    /** The registry name, stored with each job (lower-case, {@code -} separated, stable across versions). */
    String name();

    /**
     * Whether doing a target twice is harmless. After a crash the engine re-runs interrupted targets of idempotent
     * jobs; for the others (power cycle, reset, firmware apply) it marks interrupted targets failed and does not
     * start queued ones, so a destructive action never repeats unasked.
     */
    boolean idempotent();

    /** Most targets of one job worked on at the same time (the engine also applies a global limit). */
    default int concurrency() {
        return 16;
    }

    /**
     * Works on one target. Must apply explicit timeouts to every remote call. Exceptions are recorded as a
     * failure of the target with the exception's message as reason (so messages must not carry secrets).
     *
     * @param context the job
     * @param target  the target's name (a node id, an address, a check name)
     * @return the outcome
     * @throws Exception a failure of this target only
     */
    TargetResult run(JobContext context, String target) throws Exception;
}
