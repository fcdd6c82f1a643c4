package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightsout groups list|create|add|remove|delete}: node groups of a running appliance, the targets of
 * {@code power --group} and {@code campaigns create --group}.
 */
@Command(name = "groups", description = "List, create and delete node groups; add and remove members of static ones.",
        mixinStandardHelpOptions = true, subcommands = {GroupsCommand.ListGroups.class, GroupsCommand.Create.class,
            GroupsCommand.Add.class, GroupsCommand.Remove.class, GroupsCommand.Delete.class})
public final class GroupsCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "list", description = "List groups with their filter and size.", mixinStandardHelpOptions = true)
    static final class ListGroups implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Override
        public Integer call() throws Exception {
            JsonNode groups = options.client().get("/api/v1/groups");
            if (options.json()) {
                System.out.println(groups.toPrettyString());
                return 0;
            }
            Table t = new Table("NAME", "KIND", "FILTER", "NODES", "ID");
            for (JsonNode g : groups) {
                t.row(g.path("name").asText(), g.path("dynamic").asBoolean() ? "dynamic" : "static",
                        filter(g.path("filter")), g.path("size").asLong(), g.path("id").asText());
            }
            t.print(System.out);
            return 0;
        }

        private static String filter(JsonNode f) {
            StringBuilder sb = new StringBuilder();
            for (String k : List.of("site", "type", "subnet", "tag")) {
                if (f.hasNonNull(k)) {
                    sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(f.path(k).asText());
                }
            }
            return sb.isEmpty() ? "-" : sb.toString();
        }
    }

    @Command(name = "create", description = "Create a group: static (add members later) or, with any of --site,"
            + " --type, --subnet, --tag, dynamic (whatever matches the filter when the group is used).",
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "NAME", description = "The group's name.")
        String name;

        @Option(names = "--site", description = "Dynamic: nodes of this site.")
        String site;

        @Option(names = "--type", description = "Dynamic: nodes of this type (IDRAC, AMT, DASH, WOL).")
        String type;

        @Option(names = "--subnet", paramLabel = "CIDR", description = "Dynamic: BMC address or last IP in this IPv4"
                + " CIDR.")
        String subnet;

        @Option(names = "--tag", description = "Dynamic: nodes with this tag.")
        String tag;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("site", site);
            body.put("type", type);
            body.put("subnet", subnet);
            body.put("tag", tag);
            body.values().removeIf(Objects::isNull);
            body.put("dynamic", body.size() > 1);
            JsonNode g = options.client().post("/api/v1/groups", body);
            System.out.println(options.json() ? g.toPrettyString() : "group " + g.path("name").asText() + " ("
                    + (g.path("dynamic").asBoolean() ? "dynamic" : "static") + "): " + g.path("size").asLong()
                    + " node(s)");
            return 0;
        }
    }

    @Command(name = "add", description = "Add nodes to a static group.", mixinStandardHelpOptions = true)
    static final class Add extends Members {
        @Override
        public Integer call() throws Exception {
            return change("/members", "added to");
        }
    }

    @Command(name = "remove", description = "Remove nodes from a static group.", mixinStandardHelpOptions = true)
    static final class Remove extends Members {
        @Override
        public Integer call() throws Exception {
            return change("/members/remove", "removed from");
        }
    }

    /** The group and nodes of {@code add} and {@code remove}. */
    abstract static class Members implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "GROUP", description = "Group name or id.")
        String group;

        @Option(names = "--node", paramLabel = "NODE", required = true, split = ",",
                description = "Node ids or names (repeatable or comma-separated).")
        List<String> nodes;

        int change(String path, String verb) throws Exception {
            ApiClient client = options.client();
            List<String> ids = NodeRefs.resolve(client, nodes);
            client.post("/api/v1/groups/" + NodesCommand.enc(group) + path, Map.of("nodeIds", ids));
            JsonNode g = client.get("/api/v1/groups/" + NodesCommand.enc(group));
            System.out.printf("%d node(s) %s %s; it has %d%n", ids.size(), verb, g.path("name").asText(),
                    g.path("size").asLong());
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a group (its nodes stay).", mixinStandardHelpOptions = true)
    static final class Delete implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "GROUP", description = "Group name or id.")
        String group;

        @Override
        public Integer call() throws Exception {
            options.client().delete("/api/v1/groups/" + NodesCommand.enc(group));
            System.out.println("deleted group " + group);
            return 0;
        }
    }
}
