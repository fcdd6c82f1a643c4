package io.lightsout.appliance.nodes;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.security.vault.Vault;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The node registry: validates, stores (secrets in the vault), audits, imports and exports nodes. New nodes pass
 * through {@link #add} alone, which asks the {@link NodeAdmission}.
 */
public final class NodeRegistry {
    private static final int IMPORT_BATCH = 500;
    private final Jdbc jdbc;
    private final Vault vault;
    private final AuditLog audit;
    private final Clock clock;
    private final NodeAdmission admission;
    private final BmcAccess.Cache access = new BmcAccess.Cache();
    private final PinWriter pins;

    public NodeRegistry(Jdbc jdbc, Vault vault, AuditLog audit, Clock clock, NodeAdmission admission) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.admission = admission;
        this.pins = new PinWriter(jdbc);
    }

    /** The sort keys of {@link #list}. */
    public static final java.util.Set<String> SORTS = java.util.Set.copyOf(NodeStore.SORTS.keySet());

    /** One page of nodes and how many match in all. */
    public record Page(List<Node> items, long total) {
    }

    /** Counts of an import and the rows that were rejected. */
    public record ImportReport(int imported, int updated, int rejected, List<NodeCsv.RowError> errors) {
    }

    public Page list(NodeFilter filter, String sort, boolean descending, int page, int size) {
        return NodeStore.list(jdbc, filter, sort, descending, page, size);
    }

    /** Ids of every node the filter matches, by name. */
    public List<String> ids(NodeFilter filter) {
        return NodeStore.ids(jdbc, filter);
    }

    public Optional<Node> find(String id) {
        return NodeStore.find(jdbc, id);
    }

    /** Every node's name by id, in one query (reports label thousands of rows with it). */
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT id, name FROM nodes", rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    public Node get(String id) {
        return find(id).orElseThrow(() -> new ApplianceException.NotFound("No node " + id));
    }

    public long count() {
        return jdbc.queryLong("SELECT COUNT(*) FROM nodes");
    }

    public Node create(NodeInput in, String by, String source) {
        NodeSpec spec = valid(in);
        String id = vault.transaction(tx -> {
            if (NodeStore.findSame(tx, spec).isPresent()) {
                throw new ApplianceException.Conflict("A node with " + (spec.type().hasBmc() ? "BMC "
                        + spec.address() + ":" + spec.port() : "MAC " + spec.mac()) + " exists already");
            }
            macFree(tx, spec, null);
            Added added = add(tx, spec);
            if (added.refused() != null) {
                throw new ApplianceException.Conflict(added.refused());
            }
            String created = added.id();
            audit.record(tx, by, "node.create", spec.name(), "success", spec.type().name(), source);
            return created;
        });
        return get(id);
    }

    public Node update(String id, NodeInput in, String by, String source) {
        Node old = get(id);
        NodeSpec spec = valid(in);
        vault.transaction(tx -> {
            Optional<Node> same = NodeStore.findSame(tx, spec);
            if (same.isPresent() && !same.get().id().equals(id)) {
                throw new ApplianceException.Conflict("Another node (" + same.get().name() + ") has that address");
            }
            macFree(tx, spec, id);
            change(tx, old, spec);
            audit.record(tx, by, "node.update", spec.name(), "success", null, source);
            return null;
        });
        access.forget(id);
        return get(id);
    }

    public void delete(String id, String by, String source) {
        Node old = get(id);
        vault.transaction(tx -> {
            tx.update("DELETE FROM nodes WHERE id = ?", id);
            deleteSecret(tx, old.passwordSecretId());
            deleteSecret(tx, old.secureOnSecretId());
            audit.record(tx, by, "node.delete", old.name(), "success", null, source);
            return null;
        });
        access.forget(id);
    }

    /**
     * Imports CSV: good rows are added or update the node with the same BMC address and port (or MAC), bad rows
     * are reported with line, column and reason and change nothing.
     *
     * @throws ApplianceException.BadRequest for a file that cannot be read at all
     */
    public ImportReport importCsv(String text, String by, String source) {
        NodeCsv.Parsed parsed;
        try {
            parsed = NodeCsv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApplianceException.BadRequest(e.getMessage());
        }
        List<NodeCsv.RowError> errors = new ArrayList<>(parsed.errors());
        NodeValidator validator = validator();
        int[] counts = new int[2];
        List<NodeCsv.Row> rows = parsed.rows();
        for (int from = 0; from < rows.size(); from += IMPORT_BATCH) {
            List<NodeCsv.Row> batch = rows.subList(from, Math.min(rows.size(), from + IMPORT_BATCH));
            vault.transaction(tx -> {
                for (NodeCsv.Row row : batch) {
                    importRow(tx, row, validator, parsed, errors, counts);
                }
                return null;
            });
        }
        access.forgetAll();
        errors.sort(java.util.Comparator.comparingInt(NodeCsv.RowError::line));
        // a row with several errors is one rejected row
        int rejected = (int) errors.stream().mapToInt(NodeCsv.RowError::line).distinct().count();
        ImportReport report = new ImportReport(counts[0], counts[1], rejected, List.copyOf(errors));
        audit.success(by, "node.import", (rows.size() + parsed.errors().size()) + " rows", report.imported() + " imported, " + report.updated() + " updated, " + report.rejected()
                + " rejected", source);
        return report;
    }

    private void importRow(Sql tx, NodeCsv.Row row, NodeValidator validator, NodeCsv.Parsed parsed,
                           List<NodeCsv.RowError> errors, int[] counts) {
        NodeValidator.Result r = validator.check(row.input());
        if (!r.errors().isEmpty()) {
            for (FieldError e : r.errors()) {
                errors.add(new NodeCsv.RowError(row.line(), parsed.column(e.field()), e.field(), e.message()));
            }
            return;
        }
        NodeSpec spec = r.spec();
        Optional<Node> same = NodeStore.findSame(tx, spec);
        Optional<String> macOwner = NodeStore.macOwner(tx, spec.mac());
        if (macOwner.isPresent() && (same.isEmpty() || !same.get().id().equals(macOwner.get()))) {
            errors.add(new NodeCsv.RowError(row.line(), parsed.column("mac"), "mac", macTaken(tx, spec,
                    macOwner.get())));
            return;
        }
        if (same.isPresent()) {
            change(tx, same.get(), spec);
            counts[1]++;
            return;
        }
        Added added = add(tx, spec);
        if (added.refused() != null) {
            errors.add(new NodeCsv.RowError(row.line(), 0, null, added.refused()));
            return;
        }
        counts[0]++;
    }

    /** Every node (or those the filter matches) as CSV in {@link NodeCsv#EXPORT_COLUMNS}; no secrets. */
    public String exportCsv(NodeFilter filter) {
        Map<String, String> profileNames = new HashMap<>();
        jdbc.query("SELECT id, name FROM credential_profiles", rs -> profileNames.put(rs.getString(1),
                rs.getString(2)));
        StringBuilder out = new StringBuilder(String.join(",", NodeCsv.EXPORT_COLUMNS)).append('\n');
        List<Object> args = new ArrayList<>();
        jdbc.query("SELECT " + NodeStore.COLUMNS + " FROM nodes" + filter.where(args) + " ORDER BY name, id", rs -> {
            Node n = NodeStore.map(rs);
            List<String> f = List.of(n.name(), n.type().label(), n.site(), s(n.bmcAddress()), s(n.bmcPort()), s(n.bmcScheme()),
                    s(profileNames.get(n.credentialProfileId())), s(n.username()), s(n.mac()), s(n.ip()),
                    s(n.prefixLength()), s(n.verifyPort()), String.join(";", n.tags()), s(n.serviceTag()));
            out.append(String.join(",", f.stream().map(NodeCsv::field).toList())).append('\n');
            return null;
        }, args.toArray());
        return out.toString();
    }

    /**
     * Stores the certificate fingerprint seen on the first TLS call to the node's BMC (with the other pins of the
     * moment, in one commit) and returns once it is stored. A node pinned meanwhile keeps its pin.
     */
    PinWriter.Outcome pin(String nodeId, String sha256) {
        PinWriter.Outcome outcome = pins.pin(nodeId, sha256);
        if (outcome == PinWriter.Outcome.PINNED) {
            access.pinned(nodeId, sha256); // the password read with it stays: nothing else changed
        } else {
            access.forget(nodeId);
        }
        return outcome;
    }

    /** Forgets the pinned certificate: the next call pins whatever the BMC presents (an admin's decision). */
    public void retrust(String nodeId, String by, String source) {
        Node n = get(nodeId);
        vault.transaction(tx -> {
            tx.update("UPDATE nodes SET cert_sha256 = NULL, updated_at = ? WHERE id = ?", clock.millis(), nodeId);
            audit.record(tx, by, "node.retrust", n.name(), "success", "was " + n.certSha256(), source);
            return null;
        });
        access.forget(nodeId);
    }

    /** Records the power state last read, unless the node holds a later reading already. */
    public void recordPower(String nodeId, PowerReading reading) {
        recordPower(jdbc, nodeId, reading);
    }

    /** {@link #recordPower} for many nodes in one transaction (campaigns hand over their reads in batches). */
    public void recordPowerAll(Map<String, PowerReading> readings) {
        jdbc.transaction(tx -> {
            readings.forEach((id, r) -> recordPower(tx, id, r));
            return null;
        });
    }

    private static void recordPower(Sql sql, String nodeId, PowerReading reading) {
        // readings race (the power sync, a campaign, a read now): the one read last wins, not the one written last
        String detail = reading.detail().length() > 500 ? reading.detail().substring(0, 500) : reading.detail();
        sql.update("UPDATE nodes SET power_state = ?, power_detail = ?, power_read_at = ? WHERE id = ?"
                        + " AND (power_read_at IS NULL OR power_read_at <= ?)", reading.state().name(), detail,
                reading.readAt().toEpochMilli(), nodeId, reading.readAt().toEpochMilli());
    }

    /** What a BMC call needs of the node (for drivers only, never the API), read at most {@link BmcAccess#TTL} ago. */
    public Optional<BmcAccess> bmcAccess(String nodeId) {
        return access.get(nodeId, id -> find(id).map(n -> new BmcAccess(n, username(n), password(n))));
    }

    /** The password of the node's own account or of its credential profile (for drivers only, never the API). */
    public Optional<String> password(Node node) {
        String secret = node.passwordSecretId() != null ? node.passwordSecretId() : node.credentialProfileId() == null
                ? null : jdbc.queryOne("SELECT secret_id FROM credential_profiles WHERE id = ?", rs -> rs.getString(1),
                node.credentialProfileId()).orElse(null);
        return secret == null ? Optional.empty() : vault.get(secret).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The user name of the node's own account or of its credential profile. */
    public Optional<String> username(Node node) {
        return node.username() != null ? Optional.of(node.username()) : node.credentialProfileId() == null
                ? Optional.empty() : jdbc.queryOne("SELECT username FROM credential_profiles WHERE id = ?",
                rs -> rs.getString(1), node.credentialProfileId());
    }

    /** The node's SecureOn password, if it has one. */
    public Optional<String> secureOn(Node node) {
        return node.secureOnSecretId() == null ? Optional.empty()
                : vault.get(node.secureOnSecretId()).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private record Added(String id, String refused) {
    }

    /** The one place a node is added: asks the admission, then writes (nothing when refused). */
    private Added add(Sql tx, NodeSpec spec) {
        Optional<String> refused = admission.refuse(tx.queryLong("SELECT COUNT(*) FROM nodes"), spec.name());
        if (refused.isPresent()) {
            return new Added(null, refused.get());
        }
        String id = UUID.randomUUID().toString();
        NodeStore.insert(tx, id, spec, putSecret(tx, spec.password()), putSecret(tx, spec.secureOn()), clock.millis());
        return new Added(id, null);
    }

    private void change(Sql tx, Node old, NodeSpec spec) {
        String password = replaceSecret(tx, old.passwordSecretId(), spec.password());
        String secureOn = replaceSecret(tx, old.secureOnSecretId(), spec.secureOn());
        NodeStore.update(tx, old.id(), spec, password, secureOn, clock.millis());
    }

    private String putSecret(Sql tx, String value) {
        return value == null ? null : vault.put(tx, value.getBytes(StandardCharsets.UTF_8));
    }

    private String replaceSecret(Sql tx, String oldId, String value) {
        if (value == null) {
            deleteSecret(tx, oldId);
            return null;
        }
        if (oldId == null) {
            return putSecret(tx, value);
        }
        vault.replace(tx, oldId, value.getBytes(StandardCharsets.UTF_8));
        return oldId;
    }

    private void deleteSecret(Sql tx, String id) {
        if (id != null) {
            vault.delete(tx, id);
        }
    }

    private static void macFree(Sql tx, NodeSpec spec, String self) {
        Optional<String> owner = NodeStore.macOwner(tx, spec.mac());
        if (owner.isPresent() && !owner.get().equals(self)) {
            throw new ApplianceException.Conflict(macTaken(tx, spec, owner.get()));
        }
    }

    /** Names the owner, so the admin knows which of two rows (or nodes) to fix. */
    private static String macTaken(Sql tx, NodeSpec spec, String ownerId) {
        return "MAC " + spec.mac() + " already belongs to node " + NodeStore.find(tx, ownerId).map(Node::name)
                .orElse(ownerId);
    }

    private NodeSpec valid(NodeInput in) {
        NodeValidator.Result r = validator().check(in);
        if (!r.errors().isEmpty()) {
            throw new ApplianceException.BadRequest("The node is not valid", r.errors());
        }
        return r.spec();
    }

    private NodeValidator validator() {
        Map<String, Optional<String>> cache = new HashMap<>();
        return new NodeValidator(ref -> cache.computeIfAbsent(ref, r -> jdbc.queryOne(
                "SELECT id FROM credential_profiles WHERE type = 'device' AND (id = ? OR name = ?)",
                rs -> rs.getString(1), r, r)));
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
