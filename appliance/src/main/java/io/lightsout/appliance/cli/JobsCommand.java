package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightsout jobs list|show|watch}: jobs of a running appliance, through its API. */
@Command(name = "jobs", description = "List, show and follow jobs on an appliance.", mixinStandardHelpOptions = true,
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Watch.class})
public final class JobsCommand implements Runnable {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "partially_failed", "cancelled");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "list", description = "List jobs, newest first.", mixinStandardHelpOptions = true)
    static final class ListJobs implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--state", description = "Only jobs in this state.")
        String state;

        @Option(names = "--size", defaultValue = "50", description = "How many (default ${DEFAULT-VALUE}).")
        int size;

        @Override
        public Integer call() throws Exception {
            String q = "/api/v1/jobs?size=" + size + (state == null ? "" : "&state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8));
            JsonNode page = options.client().get(q);
            if (options.json()) {
                System.out.println(page.toPrettyString());
                return 0;
            }
            Table t = new Table("ID", "TYPE", "STATE", "PROGRESS", "CREATED BY", "CREATED", "SUMMARY");
            for (JsonNode j : page.path("items")) {
                t.row(j.path("id").asLong(), j.path("type").asText(), j.path("state").asText(),
                        j.path("progress").path("done").asInt() + "/" + j.path("progress").path("total").asInt(),
                        j.path("createdBy").asText(), j.path("createdAt").asText(), j.path("summary").asText(null));
            }
            t.print(System.out);
            return 0;
        }
    }

    @Command(name = "show", description = "Show one job and its targets.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "ID", description = "The job id.")
        long id;

        @Override
        public Integer call() throws Exception {
            JsonNode j = options.client().get("/api/v1/jobs/" + id);
            print(j, options.json());
            return exitCode(j);
        }
    }

    @Command(name = "watch", description = "Follow a job until it ends (exit 0 only if it succeeded).",
            mixinStandardHelpOptions = true)
    static final class Watch implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "ID", description = "The job id.")
        long id;

        @Option(names = "--interval", defaultValue = "2", description = "Seconds between polls (default ${DEFAULT-VALUE}).")
        int interval;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            String last = "";
            while (true) {
                JsonNode j = client.get("/api/v1/jobs/" + id);
                String line = j.path("state").asText() + " " + j.path("progress").path("done").asInt() + "/"
                        + j.path("progress").path("total").asInt();
                if (!line.equals(last) && !options.json()) {
                    System.out.println("job " + id + ": " + line);
                    last = line;
                }
                if (FINAL.contains(j.path("state").asText())) {
                    print(j, options.json());
                    return exitCode(j);
                }
                Thread.sleep(Math.max(1, interval) * 1000L);
            }
        }
    }

    static void print(JsonNode j, boolean json) {
        if (json) {
            System.out.println(j.toPrettyString());
            return;
        }
        System.out.println("job " + j.path("id").asLong() + " (" + j.path("type").asText() + "): "
                + j.path("state").asText() + ", " + j.path("progress").path("percent").asInt() + "% — "
                + j.path("summary").asText("running"));
        Table t = new Table("TARGET", "STATE", "STATUS", "REASON");
        for (JsonNode tg : j.path("targets")) {
            t.row(tg.path("label").asText(tg.path("target").asText()), tg.path("state").asText(), tg.path("status").asText(null),
                    tg.path("reason").asText(null));
        }
        t.print(System.out);
    }

    static int exitCode(JsonNode j) {
        String s = j.path("state").asText();
        return "succeeded".equals(s) || !FINAL.contains(s) ? 0 : 2;
    }
}
