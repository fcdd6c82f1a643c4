package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.store.Sql;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes a campaign wakes, as it was asked for. It is kept with the campaign and resolved into a target list
 * each time a window opens (as a configuration manager evaluates a collection when a deployment runs): a node added
 * to the group next week is woken next week, a deleted one is not.
 */
public sealed interface CampaignSelection {

    /** Every node registered when the window opens. */
    record All() implements CampaignSelection {
    }

    /**
     * The members of a group when the window opens, static or dynamic. Held by id, so a renamed group is still the
     * same selection; {@code nameAtCreation} only names it once it has been deleted.
     */
    record Group(String id, String nameAtCreation) implements CampaignSelection {
    }

    /** These nodes, in this order, fixed at creation; nodes deleted since are skipped when a window opens. */
    record Nodes(List<String> ids) implements CampaignSelection {
        public Nodes {
            ids = List.copyOf(ids);
        }
    }

    /**
     * A selection resolved at one moment.
     *
     * @param nodeIds     the targets, in wake order (a group's and all nodes by name; a list as given)
     * @param description how the selection read then, for people: {@code group night-shift (dynamic)}
     * @param skipped     listed nodes that no longer existed
     * @param failure     why the selection could not be resolved at all (its group is gone), or null
     */
    record Resolution(List<String> nodeIds, String description, int skipped, String failure) {
        public Resolution {
            nodeIds = List.copyOf(nodeIds);
        }
    }

    /** Resolves the selection in the caller's transaction; never throws for a deleted group or deleted nodes. */
    default Resolution resolve(Sql in) {
        return switch (this) {
            case All a -> new Resolution(NodeGroups.nodeIds(in, NodeFilter.ALL), "all nodes", 0, null);
            case Group g -> NodeGroups.findById(in, g.id())
                    .map(found -> new Resolution(NodeGroups.memberIds(in, found), describe(found), 0, null))
                    .orElseGet(() -> new Resolution(List.of(), "group " + g.nameAtCreation() + " (deleted)", 0,
                            "group " + g.nameAtCreation() + " (" + g.id() + ") was deleted; the campaign has no"
                                    + " nodes to wake"));
            case Nodes n -> {
                Set<String> existing = new HashSet<>(NodeGroups.nodeIds(in, NodeFilter.ALL));
                List<String> kept = n.ids().stream().filter(existing::contains).toList();
                yield new Resolution(kept, "listed nodes", n.ids().size() - kept.size(), null);
            }
        };
    }

    /** {@code group night-shift (dynamic)} or {@code (static)}. */
    static String describe(NodeGroups.Group g) {
        return "group " + g.name() + (g.dynamic() ? " (dynamic)" : " (static)");
    }

    /** The {@code key=value} lines stored with the definition (the listed ids are stored apart). */
    default String encode() {
        return switch (this) {
            case All a -> "selection=all";
            case Group g -> "selection=group:" + g.id() + "\nselectionName=" + g.nameAtCreation().replace('\n', ' ');
            case Nodes n -> "selection=nodes";
        };
    }

    /** From the stored lines; a campaign stored before selections were kept is an explicit list. */
    static CampaignSelection decode(Map<String, String> fields, List<String> listed) {
        String s = fields.getOrDefault("selection", "nodes");
        if (s.equals("all")) {
            return new All();
        }
        if (s.startsWith("group:")) {
            return new Group(s.substring("group:".length()), fields.getOrDefault("selectionName", "?"));
        }
        return new Nodes(listed);
    }
}
