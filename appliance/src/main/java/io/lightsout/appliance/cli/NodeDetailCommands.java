package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nodes show}, {@code nodes inventory} and {@code nodes discover}: one node with its last power reading and
 * hardware inventory, an inventory refresh, and discovery by range, each through the appliance's API.
 */
final class NodeDetailCommands {
    private NodeDetailCommands() {
    }

    @Command(name = "show", description = "One node: its settings, last known power state and hardware inventory.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "NODE", description = "Node id or name.")
        String node;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            String id = NodeRefs.resolve(client, node);
            JsonNode n = client.get("/api/v1/nodes/" + NodesCommand.enc(id));
            JsonNode inventory;
            try {
                inventory = client.get("/api/v1/inventory/" + NodesCommand.enc(id));
            } catch (ApiClient.ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                inventory = null;
            }
            if (options.json()) {
                com.fasterxml.jackson.databind.node.ObjectNode out = n.deepCopy();
                out.set("inventory", inventory);
                System.out.println(out.toPrettyString());
                return 0;
            }
            Map<String, String> facts = new LinkedHashMap<>();
            for (String f : List.of("id", "name", "type", "site", "address", "port", "scheme", "username",
                    "certificateSha256", "mac", "ip", "prefixLength", "verifyPort", "serviceTag")) {
                if (!n.path(f).isNull() && !n.path(f).isMissingNode()) {
                    facts.put(f, n.path(f).asText());
                }
            }
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            facts.put("tags", String.join(";", tags));
            JsonNode p = n.path("power");
            facts.put("power", !p.hasNonNull("readAt") ? "NOT READ (power status --node " + node + " reads it now)"
                    : p.path("state").asText() + (p.hasNonNull("detail") ? " (" + p.path("detail").asText() + ")" : "")
                    + ", read " + p.path("readAt").asText());
            print(facts);
            if (inventory == null) {
                System.out.println("inventory: not read yet (nodes inventory --node " + node + ")");
                return 0;
            }
            System.out.println("inventory read " + inventory.path("readAt").asText() + ":");
            Map<String, String> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = inventory.path("facts").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put("  " + e.getKey(), e.getValue().asText());
            }
            print(sorted);
            return 0;
        }

        private static void print(Map<String, String> facts) {
            int w = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
            facts.forEach((k, v) -> System.out.printf("%-" + w + "s  %s%n", k, v));
        }
    }

    @Command(name = "inventory", description = "Read the hardware inventory of nodes again, as a job (exit 2 if a"
            + " node failed with --wait).", mixinStandardHelpOptions = true)
    static final class Inventory implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @ArgGroup(multiplicity = "1")
        NodeSelection selection;

        @Option(names = "--wait", description = "Follow the job until it ends.")
        boolean wait;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            Map<String, Object> body = new LinkedHashMap<>();
            selection.into(client, body);
            JsonNode job = client.post("/api/v1/inventory", body);
            return submitted(options, job, "inventory refresh", wait);
        }
    }

    @Command(name = "discover", description = "Find BMCs in an address range with WS-Man Identify, as a job; with a"
            + " credential profile the ones it can read are added as nodes (admins).", mixinStandardHelpOptions = true)
    static final class Discover implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "CIDR", description = "IPv4 range such as 10.20.0.0/24 (at most a /20).")
        String cidr;

        @Option(names = "--port", description = "WS-Man port (default 443; 16993 for AMT).")
        Integer port;

        @Option(names = "--scheme", description = "https (default) or http.")
        String scheme;

        @Option(names = "--type", description = "IDRAC, AMT or DASH (default: from the answer).")
        String type;

        @Option(names = "--credential-profile", paramLabel = "NAME",
                description = "Device credential profile; BMCs it can read are added as nodes.")
        String credentialProfile;

        @Option(names = "--site", description = "Site of the nodes added.")
        String site;

        @Option(names = "--wait", description = "Follow the job until it ends.")
        boolean wait;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cidr", cidr);
            body.put("port", port);
            body.put("scheme", scheme);
            body.put("type", type);
            body.put("credentialProfile", credentialProfile);
            body.put("site", site);
            body.values().removeIf(java.util.Objects::isNull);
            JsonNode job = options.client().post("/api/v1/discoveries", body);
            return submitted(options, job, "discovery", wait);
        }
    }

    @Command(name = "retrust", description = "Forget a node's pinned BMC certificate after an expected change (a"
            + " new BMC certificate); the next call pins the one it presents (admins).", mixinStandardHelpOptions = true)
    static final class Retrust implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "NODE", description = "Node id or name.")
        String node;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            client.post("/api/v1/nodes/" + NodesCommand.enc(NodeRefs.resolve(client, node)) + "/retrust", null);
            System.out.println(node + ": pinned certificate forgotten; the next call pins the one the BMC presents");
            return 0;
        }
    }

    @Command(name = "delete", description = "Remove nodes from the appliance (admins); the machines are not touched.",
            mixinStandardHelpOptions = true)
    static final class Delete implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "NODE", arity = "1..*", description = "Node ids or names.")
        List<String> nodes;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            List<String> ids = NodeRefs.resolve(client, nodes);
            for (int i = 0; i < ids.size(); i++) {
                client.delete("/api/v1/nodes/" + NodesCommand.enc(ids.get(i)));
                System.out.println("deleted " + nodes.get(i));
            }
            return 0;
        }
    }

    /** Prints the job that was started and, with {@code wait}, follows it like {@code jobs watch}. */
    static int submitted(ClientOptions options, JsonNode job, String what, boolean wait) throws Exception {
        long id = job.path("jobId").asLong();
        if (!wait) {
            System.out.println(options.json() ? job.toPrettyString() : "job %d: %s of %d target(s); follow it with: jobs"
                    .formatted(id, what, job.path("targets").asInt()) + " watch " + id);
            return 0;
        }
        if (!options.json()) {
            System.out.printf("job %d: %s of %d target(s)%n", id, what, job.path("targets").asInt());
        }
        JobsCommand.Watch watch = new JobsCommand.Watch();
        watch.options = options;
        watch.id = id;
        watch.interval = 1;
        return watch.call();
    }
}
