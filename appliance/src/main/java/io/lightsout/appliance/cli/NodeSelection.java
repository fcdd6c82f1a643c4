package io.lightsout.appliance.cli;

import io.lightsout.appliance.cli.client.ApiClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which nodes a command acts on: {@code --node} (ids or names), {@code --group} or {@code --all}. Used as an
 * exclusive {@code @ArgGroup(multiplicity = "1")} by the power, campaign and inventory/discovery commands.
 */
final class NodeSelection {
    @Option(names = "--node", paramLabel = "NODE", split = ",", description = "These nodes, by id or name"
            + " (repeatable or comma-separated).")
    List<String> nodes;

    @Option(names = "--group", paramLabel = "NAME", description = "Every node of this group (id or name).")
    String group;

    @Option(names = "--all", description = "Every node.")
    boolean all;

    /** Puts exactly one of {@code nodeIds}, {@code group} or {@code all} into a request body. */
    void into(ApiClient client, Map<String, Object> body) throws IOException {
        if (nodes != null) {
            body.put("nodeIds", NodeRefs.resolve(client, nodes));
        } else if (group != null) {
            body.put("group", group);
        } else {
            body.put("all", true);
        }
    }
}
