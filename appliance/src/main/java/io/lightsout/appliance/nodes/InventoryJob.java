package io.lightsout.appliance.nodes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.Inventory;
import io.lightsout.appliance.jobs.JobContext;
import io.lightsout.appliance.jobs.JobType;
import io.lightsout.appliance.jobs.TargetResult;
import io.lightsout.appliance.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code inventory-refresh} job: reads each node's hardware and firmware facts (system, CPUs, memory, NICs with
 * their MACs, disks, firmware versions) through its driver and stores them with the time read. Idempotent: only
 * reads, so a restart simply reads again.
 */
public final class InventoryJob implements JobType {
    public static final String NAME = "inventory-refresh";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodeRegistry nodes;
    private final NodeTargets targets;
    private final BmcExecutor bmc;
    private final Jdbc jdbc;
    private final Clock clock;

    public InventoryJob(NodeRegistry nodes, NodeTargets targets, BmcExecutor bmc, Jdbc jdbc, Clock clock) {
        this.nodes = nodes;
        this.targets = targets;
        this.bmc = bmc;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Facts of one node and when they were read. */
    public record Facts(Map<String, String> facts, Instant readAt) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public int concurrency() {
        return 32;
    }

    @Override
    public TargetResult run(JobContext context, String nodeId) throws Exception {
        Node node = nodes.find(nodeId).orElse(null);
        if (node == null) {
            return TargetResult.failed("unknown-node", "node " + nodeId + " was deleted");
        }
        Inventory inv;
        try {
            inv = bmc.execute(targets.target(node), new BmcCommand.GetInventory());
        } catch (BmcException e) {
            return TargetResult.failed(e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
        String text = JSON.writeValueAsString(inv.facts());
        long now = clock.millis();
        jdbc.transaction(tx -> {
            if (tx.update("UPDATE node_inventory SET facts = ?, read_at = ? WHERE node_id = ?", text, now, nodeId) == 0) {
                tx.update("INSERT INTO node_inventory (node_id, facts, read_at) VALUES (?, ?, ?)", nodeId, text, now);
            }
            return null;
        });
        return TargetResult.ok(inv.facts().size() + " facts");
    }

    /** The stored facts of a node, if it was ever read. */
    public Optional<Facts> facts(String nodeId) {
        return jdbc.queryOne("SELECT facts, read_at FROM node_inventory WHERE node_id = ?", rs -> {
            try {
                return new Facts(JSON.readValue(rs.getString(1), new TypeReference<Map<String, String>>() { }),
                        Instant.ofEpochMilli(rs.getLong(2)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new java.sql.SQLException("stored inventory does not parse", e);
            }
        }, nodeId);
    }
}
