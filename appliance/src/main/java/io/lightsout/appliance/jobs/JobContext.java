package io.lightsout.appliance.jobs;

/**
 * What a running job type sees.
 *
 * @param jobId      the job
 * @param parameters the job's parameters as given at submission (JSON text, may be null)
 * @param cancel     tells whether cancellation was requested; long-running targets should check it
 */
public record JobContext(long jobId, String parameters, java.util.function.BooleanSupplier cancel) {
    public boolean cancelled() {
        return cancel.getAsBoolean();
    }
}
