package io.lightsout.appliance.power.campaign;

import java.util.Map;

/**
 * Persists campaign runs' target states. The engine calls {@link #save} after every transition, before acting on
 * the next one, and {@link #load} when a run starts or resumes. Implementations must make a completed
 * {@code save} durable (a database commit); the in-memory one is for tests and the demo.
 */
public interface CampaignStore {

    /**
     * Stores the state of one target of one run, replacing the previous one.
     *
     * @param runId {@code campaignId@windowStart}
     */
    void save(String runId, TargetState state);

    /**
     * The states saved for a run, by node id; empty for a run never started.
     */
    Map<String, TargetState> load(String runId);
}
