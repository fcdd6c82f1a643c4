package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.PageFooter;
import io.lightsout.appliance.cli.client.ProgressWatch;
import io.lightsout.appliance.cli.client.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

        @Option(names = "--size", defaultValue = "50", description = "Jobs per page (default ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--page", defaultValue = "0", description = "Page, from 0.")
        int page;

        @Override
        public Integer call() throws Exception {
            String q = "/api/v1/jobs?size=" + size + "&page=" + page + (state == null ? "" : "&state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8));
            JsonNode result = options.client().get(q);
            if (options.json()) {
                System.out.println(result.toPrettyString());
                return 0;
            }
            Table t = new Table("ID", "TYPE", "STATE", "PROGRESS", "CREATED BY", "CREATED", "SUMMARY");
            for (JsonNode j : result.path("items")) {
                t.row(j.path("id").asLong(), j.path("type").asText(), j.path("state").asText(),
                        j.path("progress").path("done").asInt() + "/" + j.path("progress").path("total").asInt(),
                        j.path("createdBy").asText(), j.path("createdAt").asText(), j.path("summary").asText(null));
            }
            t.print(System.out);
            System.out.println(PageFooter.of(result, "jobs"));
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
            return watch(options.client(), id, Duration.ofSeconds(interval), options.json());
        }
    }

    /** Follows job {@code id} to its end, printing progress lines (not with {@code json}), then the job. */
    static int watch(ApiClient client, long id, Duration interval, boolean json) throws Exception {
        JsonNode j = new ProgressWatch(client, "/api/v1/jobs/" + id, interval).until(
                d -> FINAL.contains(d.path("state").asText()),
                d -> "job " + id + ": " + d.path("state").asText() + " " + d.path("progress").path("done").asInt()
                        + "/" + d.path("progress").path("total").asInt(),
                json ? ProgressWatch.Display.quiet() : ProgressWatch.Display.stdout());
        print(j, json);
        return exitCode(j);
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
