package io.lightsout.appliance.power.campaign;

import java.util.List;
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
     * Stores the states of several targets of one run at once (one commit in a database), as if {@link #save} were
     * called for each in order; the engine uses it for the results of one round, which are all known before it acts
     * on any of them.
     *
     * @param runId {@code campaignId@windowStart}
     */
    default void saveAll(String runId, List<TargetState> states) {
        states.forEach(s -> save(runId, s));
    }

    /**
     * The states saved for a run, by node id; empty for a run never started.
     */
    Map<String, TargetState> load(String runId);
}
