package io.lightsout.appliance.power.campaign;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CampaignStore} in memory: tests, the demo, and the reference for the database store's behaviour. */
public final class InMemoryCampaignStore implements CampaignStore {

    private final Map<String, Map<String, TargetState>> runs = new ConcurrentHashMap<>();

    @Override
    public void save(String runId, TargetState state) {
        runs.computeIfAbsent(runId, k -> new ConcurrentHashMap<>()).put(state.nodeId(), state);
    }

    @Override
    public Map<String, TargetState> load(String runId) {
        return Map.copyOf(runs.getOrDefault(runId, Map.of()));
    }
}
