package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what people type after {@code --node} into node ids: an id is taken as it is, anything else is looked up
 * as a node name (help desks know machines by name, not by UUID). Names are not unique, so a name that several
 * nodes carry is refused with their ids rather than guessed.
 */
final class NodeRefs {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");

    private NodeRefs() {
    }

    static List<String> resolve(ApiClient client, List<String> refs) throws IOException {
        List<String> ids = new ArrayList<>(refs.size());
        for (String ref : refs) {
            ids.add(resolve(client, ref));
        }
        return ids;
    }

    static String resolve(ApiClient client, String ref) throws IOException {
        String r = ref.strip();
        if (UUID.matcher(r).matches()) {
            return r;
        }
        List<String> named = new ArrayList<>();
        for (JsonNode n : client.get("/api/v1/nodes?size=500&q=" + NodesCommand.enc(r)).path("items")) {
            if (n.path("name").asText().equals(r)) {
                named.add(n.path("id").asText());
            }
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no node with the id or name '" + r + "' (see nodes list)");
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException(named.size() + " nodes are named '" + r + "'; give an id: "
                    + String.join(", ", named));
        }
        return named.getFirst();
    }
}
