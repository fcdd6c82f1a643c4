package io.lightsout.appliance.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Job types by name, filled once by the composition root. */
public final class JobTypeRegistry {
    private final Map<String, JobType> types = new LinkedHashMap<>();

    public JobTypeRegistry register(JobType type) {
        if (types.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("Job type '" + type.name() + "' is registered twice");
        }
        return this;
    }

    public Optional<JobType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public JobType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No job type '" + name + "' (known: "
                + String.join(", ", types.keySet()) + ")"));
    }
}
