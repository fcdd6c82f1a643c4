package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.PageFooter;
import io.lightsout.appliance.cli.client.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightsout nodes import|list|export|show|inventory|discover|retrust|delete}: the node registry of a running
 * appliance, through its API.
 */
@Command(name = "nodes", description = "Import, list, export, show, inventory, discover, retrust and delete nodes.",
        mixinStandardHelpOptions = true,
        subcommands = {NodesCommand.Import.class, NodesCommand.ListNodes.class, NodesCommand.Export.class,
            NodeDetailCommands.Show.class, NodeDetailCommands.Inventory.class, NodeDetailCommands.Discover.class,
            NodeDetailCommands.Retrust.class, NodeDetailCommands.Delete.class})
public final class NodesCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "import", description = "Import nodes from CSV (see docs/power-and-wake.md); exit 2 if a row was"
            + " rejected.", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "FILE.csv", description = "The CSV file (the lab's --inventory FILE.csv works as is).")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file + (Files.exists(file) ? Files.isDirectory(file)
                        ? ": it is a directory" : ": permission denied" : ": no such file"));
            }
            String body = options.client().sendText("POST", "/api/v1/nodes/import",
                    Files.readString(file, StandardCharsets.UTF_8), "text/csv");
            JsonNode r = new ObjectMapper().readTree(body);
            if (options.json()) {
                System.out.println(r.toPrettyString());
            } else {
                System.out.printf("imported %d, updated %d, rejected %d%n", r.path("imported").asInt(),
                        r.path("updated").asInt(), r.path("rejected").asInt());
                for (JsonNode e : r.path("errors")) {
                    // column 0: the field has no column in the file (e.g. a BMC row without any credentials column)
                    int column = e.path("column").asInt();
                    System.out.printf("  line %d%s%s: %s%n", e.path("line").asInt(), column > 0 ? ", column " + column
                            : "", e.path("field").isNull() ? "" : " (" + e.path("field").asText() + ")",
                            e.path("reason").asText());
                }
            }
            return r.path("rejected").asInt() == 0 ? 0 : 2;
        }
    }

    @Command(name = "list", description = "List nodes, filtered and sorted.", mixinStandardHelpOptions = true)
    static final class ListNodes implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        Filter filter;

        @Option(names = "--group", description = "Only the members of this group (id or name).")
        String group;

        @Option(names = "--sort", defaultValue = "name", description = "Sort key (default ${DEFAULT-VALUE}).")
        String sort;

        @Option(names = "--size", defaultValue = "100", description = "How many (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--page", defaultValue = "0", description = "Page, from 0.")
        int page;

        @Override
        public Integer call() throws Exception {
            String path = group != null ? "/api/v1/groups/" + enc(group) + "/nodes?" : "/api/v1/nodes?sort=" + enc(sort)
                    + filter.query() + "&";
            JsonNode p = options.client().get(path + "size=" + size + "&page=" + page);
            if (options.json()) {
                System.out.println(p.toPrettyString());
                return 0;
            }
            Table t = new Table("ID", "NAME", "TYPE", "SITE", "ADDRESS", "MAC", "POWER", "TAGS");
            for (JsonNode n : p.path("items")) {
                List<String> tags = new ArrayList<>();
                n.path("tags").forEach(x -> tags.add(x.asText()));
                t.row(n.path("id").asText(), n.path("name").asText(), n.path("type").asText(), n.path("site").asText(),
                        n.path("address").isNull() ? n.path("ip").asText("") : n.path("address").asText() + ":"
                                + n.path("port").asInt(), n.path("mac").asText(""),
                        // never read (just added) is not UNKNOWN, which is a read without a trustworthy answer
                        n.path("power").hasNonNull("readAt") ? n.path("power").path("state").asText() : "NOT READ",
                        String.join(";", tags));
            }
            t.print(System.out);
            System.out.println(PageFooter.of(p, "nodes"));
            return 0;
        }
    }

    @Command(name = "export", description = "Export nodes as CSV (no passwords).", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
        Path output;

        @Mixin
        Filter filter;

        @Override
        public Integer call() throws Exception {
            String csv = options.client().sendText("GET", "/api/v1/nodes/export" + filter.query().replaceFirst("^&",
                    "?"), null, null);
            if (output == null) {
                System.out.print(csv);
            } else {
                Files.writeString(output, csv, StandardCharsets.UTF_8);
            }
            return 0;
        }
    }

    /** The filters the node list and the export share. */
    static final class Filter {
        @Option(names = "--site", description = "Only this site.")
        String site;

        @Option(names = "--type", description = "IDRAC, AMT, DASH or WOL.")
        String type;

        @Option(names = "--subnet", description = "Only addresses in this IPv4 CIDR.")
        String subnet;

        @Option(names = "--tag", description = "Only nodes with this tag.")
        String tag;

        @Option(names = "--search", description = "Name, address, MAC or IP contains this.")
        String search;

        /** {@code &site=…&type=…} for the filters given. */
        String query() {
            return NodesCommand.query("site", site) + NodesCommand.query("type", type)
                    + NodesCommand.query("subnet", subnet) + NodesCommand.query("tag", tag)
                    + NodesCommand.query("q", search);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String query(String name, String value) {
        return value == null ? "" : "&" + name + "=" + enc(value);
    }
}
