package io.lightsout.appliance.nodes;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.Sql;
import io.lightsout.appliance.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Node groups: static (an explicit member list) or dynamic (a {@link NodeFilter} on site, type, subnet and tag,
 * evaluated whenever the group is used, so new nodes join by themselves).
 */
public final class NodeGroups {
    private static final String COLUMNS = "id, name, dynamic, filter_site, filter_type, filter_subnet, filter_tag";
    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public NodeGroups(Jdbc jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A group; {@code filter} is null for a static group. */
    public record Group(String id, String name, boolean dynamic, NodeFilter filter) {
    }

    /** What a caller sends: a name, and for a dynamic group at least one of the filter fields. */
    public record Input(String name, Boolean dynamic, String site, String type, String subnet, String tag) {
    }

    public List<Group> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM node_groups ORDER BY name", NodeGroups::map);
    }

    /** By id or by name. */
    public Group get(String ref) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM node_groups WHERE id = ? OR name = ?", NodeGroups::map,
                ref, ref).orElseThrow(() -> new ApplianceException.NotFound("No group " + ref));
    }

    public long size(Group g) {
        if (g.dynamic()) {
            List<Object> args = new ArrayList<>();
            return jdbc.queryLong("SELECT COUNT(*) FROM nodes" + g.filter().where(args), args.toArray());
        }
        return jdbc.queryLong("SELECT COUNT(*) FROM node_group_members WHERE group_id = ?", g.id());
    }

    /** The member node ids, by node name. */
    public List<String> memberIds(Group g) {
        return memberIds(jdbc, g);
    }

    /** The group with this id (never by name); empty once it is deleted. */
    public Optional<Group> find(String id) {
        return findById(jdbc, id);
    }

    /** The group with this id (never by name), read in the caller's transaction; empty once it is deleted. */
    public static Optional<Group> findById(Sql in, String id) {
        return in.queryOne("SELECT " + COLUMNS + " FROM node_groups WHERE id = ?", NodeGroups::map, id);
    }

    /** The member node ids, by node name, read in the caller's transaction. */
    public static List<String> memberIds(Sql in, Group g) {
        if (g.dynamic()) {
            return NodeStore.ids(in, g.filter());
        }
        return in.query("SELECT n.id FROM nodes n JOIN node_group_members m ON m.node_id = n.id WHERE m.group_id = ?"
                + " ORDER BY n.name, n.id", rs -> rs.getString(1), g.id());
    }

    /** The ids of the nodes a filter matches, by node name, read in the caller's transaction. */
    public static List<String> nodeIds(Sql in, NodeFilter filter) {
        return NodeStore.ids(in, filter);
    }

    public Group create(Input in, String by, String source) {
        NodeFilter filter = validate(in);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        try {
            jdbc.transaction(tx -> {
                tx.update("INSERT INTO node_groups (id, name, dynamic, filter_site, filter_type, filter_subnet,"
                        + " filter_tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                        in.name().strip(), filter != null, filter == null ? null : filter.site(),
                        filter == null || filter.type() == null ? null : filter.type().name(),
                        filter == null || filter.subnet() == null ? null : filter.subnet().toString(),
                        filter == null ? null : filter.tag(), now, now);
                audit.record(tx, by, "group.create", in.name().strip(), "success", filter == null ? "static"
                        : "dynamic", source);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new ApplianceException.Conflict("A group named '" + in.name().strip() + "' exists already");
            }
            throw e;
        }
        return get(id);
    }

    public void delete(String ref, String by, String source) {
        Group g = get(ref);
        jdbc.transaction(tx -> {
            tx.update("DELETE FROM node_groups WHERE id = ?", g.id());
            audit.record(tx, by, "group.delete", g.name(), "success", null, source);
            return null;
        });
    }

    /** Adds nodes to a static group; unknown node ids are refused, members already in stay. */
    public void addMembers(String ref, List<String> nodeIds, String by, String source) {
        Group g = staticGroup(ref);
        jdbc.transaction(tx -> {
            for (String nodeId : nodeIds) {
                if (tx.queryLong("SELECT COUNT(*) FROM nodes WHERE id = ?", nodeId) == 0) {
                    throw ApplianceException.BadRequest.field("nodeIds", "No node " + nodeId);
                }
                if (tx.queryLong("SELECT COUNT(*) FROM node_group_members WHERE group_id = ? AND node_id = ?",
                        g.id(), nodeId) == 0) {
                    tx.update("INSERT INTO node_group_members (group_id, node_id) VALUES (?, ?)", g.id(), nodeId);
                }
            }
            audit.record(tx, by, "group.add-members", g.name(), "success", nodeIds.size() + " nodes", source);
            return null;
        });
    }

    public void removeMembers(String ref, List<String> nodeIds, String by, String source) {
        Group g = staticGroup(ref);
        jdbc.transaction(tx -> {
            for (String nodeId : nodeIds) {
                tx.update("DELETE FROM node_group_members WHERE group_id = ? AND node_id = ?", g.id(), nodeId);
            }
            audit.record(tx, by, "group.remove-members", g.name(), "success", nodeIds.size() + " nodes", source);
            return null;
        });
    }

    private Group staticGroup(String ref) {
        Group g = get(ref);
        if (g.dynamic()) {
            throw new ApplianceException.Conflict("Group " + g.name() + " is dynamic: its members follow its filter");
        }
        return g;
    }

    /** The filter of a dynamic group, or null for a static one. */
    private static NodeFilter validate(Input in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 128) {
            errors.add(new FieldError("name", "A name of 1 to 128 characters is required."));
        }
        NodeFilter filter = null;
        if (Boolean.TRUE.equals(in.dynamic())) {
            filter = filter(in.site(), in.type(), in.subnet(), in.tag(), errors);
            if (errors.isEmpty() && filter.equals(NodeFilter.ALL)) {
                errors.add(new FieldError("dynamic", "A dynamic group needs at least one of site, type, subnet, tag."));
            }
        } else if (in.site() != null || in.type() != null || in.subnet() != null || in.tag() != null) {
            errors.add(new FieldError("dynamic", "Only dynamic groups have a filter; set dynamic to true."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The group is not valid", errors);
        }
        return filter;
    }

    /** Builds a filter from text parameters (API query or group fields), adding an error per bad field. */
    public static NodeFilter filter(String site, String type, String subnet, String tag, List<FieldError> errors) {
        NodeType t = null;
        if (type != null && !type.isBlank()) {
            String u = type.strip().toUpperCase(Locale.ROOT);
            try {
                t = NodeType.valueOf(u.equals("WOL") ? "WOL_ONLY" : u);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "One of IDRAC, AMT, DASH or WOL."));
            }
        }
        Cidr cidr = null;
        if (subnet != null && !subnet.isBlank()) {
            try {
                cidr = Cidr.parse(subnet);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("subnet", e.getMessage()));
            }
        }
        return new NodeFilter(NodeValidator.blank(site), t, cidr, NodeValidator.blank(tag), null);
    }

    private static Group map(ResultSet rs) throws SQLException {
        boolean dynamic = rs.getBoolean(3);
        NodeFilter f = null;
        if (dynamic) {
            String type = rs.getString(5);
            String subnet = rs.getString(6);
            f = new NodeFilter(rs.getString(4), type == null ? null : NodeType.valueOf(type),
                    subnet == null ? null : Cidr.parse(subnet), rs.getString(7), null);
        }
        return new Group(rs.getString(1), rs.getString(2), dynamic, f);
    }
}
