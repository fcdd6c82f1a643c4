package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.PageFooter;
import io.lightsout.appliance.cli.client.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightsout audit}: the activity log of an appliance, filtered, newest first, a page at a time. */
@Command(name = "audit", description = "Show the activity log of an appliance.", mixinStandardHelpOptions = true)
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--user", description = "Only this user.")
    String user;

    @Option(names = "--action", description = "Only this action (a trailing * matches a prefix, e.g. 'login*').")
    String action;

    @Option(names = "--from", description = "From this time (ISO-8601, e.g. 2026-01-31T22:00:00Z).")
    String from;

    @Option(names = "--to", description = "Up to this time (ISO-8601).")
    String to;

    @Option(names = {"-q", "--search"}, description = "Text in the target or detail.")
    String text;

    @Option(names = "--size", defaultValue = "50", description = "Entries per page, 1 to 500 (default "
            + "${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--page", defaultValue = "0", description = "Page, from 0 (newest first; the footer names the "
            + "next one).")
    int page;

    @Override
    public Integer call() throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("user", user);
        q.put("action", action);
        q.put("from", from);
        q.put("to", to);
        q.put("q", text);
        q.put("size", String.valueOf(size));
        q.put("page", String.valueOf(page));
        String query = q.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode result = options.client().get("/api/v1/audit?" + query);
        if (options.json()) {
            System.out.println(result.toPrettyString());
            return 0;
        }
        Table t = new Table("TIME", "USER", "ACTION", "TARGET", "OUTCOME", "FROM", "DETAIL");
        for (JsonNode e : result.path("items")) {
            t.row(e.path("time").asText(), e.path("user").asText(null), e.path("action").asText(),
                    e.path("target").asText(null), e.path("outcome").asText(), e.path("sourceAddress").asText(null),
                    e.path("detail").asText(null));
        }
        t.print(System.out);
        System.out.println(PageFooter.of(result, "entries"));
        return 0;
    }
}
