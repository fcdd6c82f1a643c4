package io.lightsout.appliance.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.jobs.JobContext;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.jobs.JobType;
import io.lightsout.appliance.jobs.TargetResult;
import io.lightsout.appliance.nodes.Node;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.nodes.NodeTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Power on registered nodes: read a node's state (and keep it on the node), run one request on one node (audited),
 * or many as a {@code power-action} job with a result per node. The job type is not idempotent: after a crash its
 * interrupted targets are closed as failed, never repeated.
 */
public final class PowerActions implements JobType {
    public static final String JOB_TYPE = "power-action";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodeRegistry nodes;
    private final NodeTargets targets;
    private final PowerService power;
    private final AuditLog audit;
    private JobEngine jobs;

    public PowerActions(NodeRegistry nodes, NodeTargets targets, PowerService power, AuditLog audit) {
        this.nodes = nodes;
        this.targets = targets;
        this.power = power;
        this.audit = audit;
    }

    /** The engine bulk requests are submitted to (the engine needs this type registered first). */
    public void useEngine(JobEngine engine) {
        this.jobs = engine;
    }

    /** Reads the node's power state now and stores it on the node. */
    public PowerReading read(String nodeId) throws InterruptedException {
        Node node = nodes.get(nodeId);
        PowerReading reading = power.read(targets.target(node));
        nodes.recordPower(nodeId, reading);
        return reading;
    }

    /** Runs one request on one node: claim, read, decide, act; audited with its outcome. */
    public PowerOutcome apply(String nodeId, PowerRequest request, String by, String source)
            throws InterruptedException {
        Node node = nodes.get(nodeId);
        PowerOutcome outcome = power.apply(targets.target(node), request);
        outcome.before().ifPresent(r -> nodes.recordPower(nodeId, r));
        String action = "power." + request.operation().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = request.describe() + ": " + describe(outcome);
        if (outcome instanceof PowerOutcome.Done || outcome instanceof PowerOutcome.NothingToDo) {
            audit.success(by, action, node.name(), detail, source);
        } else {
            audit.failure(by, action, node.name(), detail, source);
        }
        return outcome;
    }

    /** Submits a bulk request as a job; returns the job id. */
    public long submit(PowerRequest request, List<String> nodeIds, String by, String source) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("operation", request.operation().name());
        request.bootOnce().ifPresent(d -> params.put("bootOnce", d.name()));
        params.put("by", by);
        params.put("source", source);
        try {
            return jobs.submit(JOB_TYPE, JSON.writeValueAsString(params), nodeIds, by, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return JOB_TYPE;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public int concurrency() {
        return 64;
    }

    @Override
    public TargetResult run(JobContext context, String target) throws Exception {
        JsonNode p = JSON.readTree(context.parameters());
        PowerRequest request = new PowerRequest(PowerOperation.valueOf(p.path("operation").asText()),
                p.hasNonNull("bootOnce") ? Optional.of(BootDevice.valueOf(p.path("bootOnce").asText()))
                        : Optional.empty());
        PowerOutcome outcome = apply(target, request, p.path("by").asText("job"), p.path("source").asText(null));
        return switch (outcome) {
            case PowerOutcome.Done d -> TargetResult.ok("done");
            case PowerOutcome.NothingToDo n -> TargetResult.ok(n.reason().replace(' ', '-'));
            case PowerOutcome.Refused r -> TargetResult.failed("refused", r.reason());
            case PowerOutcome.Failed f -> TargetResult.failed(f.reason().name().toLowerCase(Locale.ROOT),
                    f.message());
        };
    }

    /** One line for people: what happened. */
    public static String describe(PowerOutcome outcome) {
        return switch (outcome) {
            case PowerOutcome.Done d -> "done (" + String.join("; ", d.steps().stream().map(s -> s.detail()).toList())
                    + ")";
            case PowerOutcome.NothingToDo n -> n.reason();
            case PowerOutcome.Refused r -> "refused: " + r.reason();
            case PowerOutcome.Failed f -> "failed (" + f.reason() + ") after " + f.stepsDone() + " step(s): "
                    + f.message();
        };
    }
}
