package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.NodeType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which nodes: every non-null field must match. The same filter lists nodes in the API and defines a dynamic group.
 *
 * @param site   exact site
 * @param type   exact node type
 * @param subnet IPv4 CIDR the node's BMC address or last IP lies in
 * @param tag    a tag the node carries
 * @param text   a case-insensitive substring of the name, address or MAC
 */
public record NodeFilter(String site, NodeType type, Cidr subnet, String tag, String text) {

    public static final NodeFilter ALL = new NodeFilter(null, null, null, null, null);

    /** The WHERE clause (starting with {@code WHERE}, or empty) and its arguments, appended to {@code args}. */
    String where(List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (site != null) {
            terms.add("site = ?");
            args.add(site);
        }
        if (type != null) {
            terms.add("type = ?");
            args.add(type.name());
        }
        if (subnet != null) {
            terms.add("ip_num BETWEEN ? AND ?");
            args.add(subnet.first());
            args.add(subnet.last());
        }
        if (tag != null) {
            terms.add("tags LIKE ?");
            args.add("%," + tag + ",%");
        }
        if (text != null && !text.isBlank()) {
            terms.add("(LOWER(name) LIKE ? OR LOWER(bmc_address) LIKE ? OR LOWER(mac) LIKE ? OR ip LIKE ?)");
            String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }
}
