package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.PowerState;
import io.lightsout.appliance.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code nodes} table: plain SQL, no validation (that is {@link NodeRegistry}'s). */
final class NodeStore {
    static final String COLUMNS = "id, name, type, site, bmc_address, bmc_port, bmc_scheme, credential_profile_id,"
            + " username, password_secret_id, cert_sha256, mac, ip, prefix_length, verify_port, secure_on_secret_id,"
            + " tags, service_tag, power_state, power_detail, power_read_at, created_at, updated_at";
    /** API sort keys to columns: an explicit map, so no caller text ever reaches the SQL. */
    static final Map<String, String> SORTS = Map.of("name", "name", "type", "type", "site", "site", "address",
            "bmc_address", "ip", "ip_num", "mac", "mac", "powerState", "power_state", "createdAt", "created_at",
            "updatedAt", "updated_at");

    private NodeStore() {
    }

    static NodeRegistry.Page list(Sql sql, NodeFilter filter, String sort, boolean descending, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        long total = sql.queryLong("SELECT COUNT(*) FROM nodes" + where, args.toArray());
        String order = SORTS.getOrDefault(sort, "name") + (descending ? " DESC" : "") + ", id";
        args.add(size);
        args.add((long) page * size);
        List<Node> items = sql.query("SELECT " + COLUMNS + " FROM nodes" + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", NodeStore::map, args.toArray());
        return new NodeRegistry.Page(items, total);
    }

    static List<String> ids(Sql sql, NodeFilter filter) {
        List<Object> args = new ArrayList<>();
        return sql.query("SELECT id FROM nodes" + filter.where(args) + " ORDER BY name, id", rs -> rs.getString(1),
                args.toArray());
    }

    static Optional<Node> find(Sql sql, String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM nodes WHERE id = ?", NodeStore::map, id);
    }

    /** The node an import row means: a BMC by address and port, a BMC-less node by MAC. */
    static Optional<Node> findSame(Sql sql, NodeSpec spec) {
        return spec.type().hasBmc()
                ? sql.queryOne("SELECT " + COLUMNS + " FROM nodes WHERE bmc_address = ? AND bmc_port = ?",
                        NodeStore::map, spec.address(), spec.port())
                : sql.queryOne("SELECT " + COLUMNS + " FROM nodes WHERE mac = ?", NodeStore::map, spec.mac());
    }

    static Optional<String> macOwner(Sql sql, String mac) {
        return mac == null ? Optional.empty()
                : sql.queryOne("SELECT id FROM nodes WHERE mac = ?", rs -> rs.getString(1), mac);
    }

    static void insert(Sql sql, String id, NodeSpec s, String passwordSecret, String secureOnSecret, long now) {
        sql.update("INSERT INTO nodes (id, name, type, site, bmc_address, bmc_port, bmc_scheme, credential_profile_id,"
                + " username, password_secret_id, mac, ip, prefix_length, ip_num, verify_port, secure_on_secret_id,"
                + " tags, service_tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?)", id, s.name(), s.type().name(), s.site(), s.address(), s.port(), s.scheme(),
                s.credentialProfileId(), s.username(), passwordSecret, s.mac(), s.ip(), s.prefixLength(), s.ipNum(),
                s.verifyPort(), secureOnSecret, s.tagColumn(), s.serviceTag(), now, now);
    }

    static void update(Sql sql, String id, NodeSpec s, String passwordSecret, String secureOnSecret, long now) {
        sql.update("UPDATE nodes SET name = ?, type = ?, site = ?, bmc_address = ?, bmc_port = ?, bmc_scheme = ?,"
                + " credential_profile_id = ?, username = ?, password_secret_id = ?, mac = ?, ip = ?,"
                + " prefix_length = ?, ip_num = ?, verify_port = ?, secure_on_secret_id = ?, tags = ?,"
                + " service_tag = ?, updated_at = ? WHERE id = ?", s.name(), s.type().name(), s.site(), s.address(),
                s.port(), s.scheme(), s.credentialProfileId(), s.username(), passwordSecret, s.mac(), s.ip(),
                s.prefixLength(), s.ipNum(), s.verifyPort(), secureOnSecret, s.tagColumn(), s.serviceTag(), now, id);
    }

    static Node map(ResultSet rs) throws SQLException {
        String tags = rs.getString(17);
        long readAt = rs.getLong(21);
        boolean read = !rs.wasNull();
        return new Node(rs.getString(1), rs.getString(2), NodeType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), (Integer) rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getObject(14, Integer.class), rs.getObject(15, Integer.class), rs.getString(16),
                Arrays.stream(tags.split(",")).filter(t -> !t.isEmpty()).toList(), rs.getString(18),
                PowerState.valueOf(rs.getString(19)), rs.getString(20), read ? Instant.ofEpochMilli(readAt) : null,
                Instant.ofEpochMilli(rs.getLong(22)), Instant.ofEpochMilli(rs.getLong(23)));
    }
}
