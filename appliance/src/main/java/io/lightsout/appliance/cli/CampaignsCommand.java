package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import io.lightsout.appliance.cli.client.ProgressWatch;
import io.lightsout.appliance.cli.client.Table;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightsout campaigns create|list|watch|report|cancel}: wake campaigns on a running appliance. */
@Command(name = "campaigns", description = "Create, list, follow, report and cancel wake campaigns.",
        mixinStandardHelpOptions = true, subcommands = {CampaignsCommand.Create.class, CampaignsCommand.ListAll.class,
            CampaignsCommand.Watch.class, CampaignsCommand.Report.class, CampaignCancelCommand.class})
public final class CampaignsCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "create", description = "Create a campaign; prints its id.", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--name", required = true, description = "A name for people.")
        String name;

        @ArgGroup(multiplicity = "1")
        NodeSelection selection;

        @Option(names = "--start", defaultValue = "now", description = "now or an ISO-8601 instant (default now); with"
                + " --recurrence the earliest time the first window may open.")
        String start;

        @Option(names = "--deadline", description = "A duration after the start (2h, 90m) or an ISO-8601 instant"
                + " (default: campaign.window, 2h); with --recurrence a duration after each window's start.")
        String deadline;

        @Option(names = "--recurrence", paramLabel = "CRON", description = "Recurring windows: a cron expression"
                + " 'minute hour day-of-month month day-of-week', e.g. '0 1 * * MON-FRI'.")
        String recurrence;

        @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone the recurrence is read in"
                + " (default: the appliance's time-zone).")
        String timeZone;

        @Option(names = "--method", paramLabel = "auto|bmc|wol", description = "auto (default: BMC power-on if the"
                + " node has a BMC, else wake-on-LAN), or bmc / wol forced for every node.")
        String method;

        @Option(names = "--after", paramLabel = "leave-on|power-off-woken", description = "After the window: leave"
                + " nodes on (default) or shut down gracefully those the campaign woke.")
        String after;

        @Option(names = "--verify-interval", paramLabel = "DURATION", description = "Between checks of a woken node"
                + " (default: campaign.verify-interval, 10s).")
        String verifyInterval;

        @Option(names = "--retries", description = "More power-ons for nodes not seen on (default 2).")
        Integer retries;

        @Option(names = "--retry-delay", paramLabel = "DURATION", description = "Between them (default 5m).")
        String retryDelay;

        @Option(names = "--rate", paramLabel = "PACKETS_PER_S", description = "Power-ons and magic packets per second"
                + " (default 10).")
        Double rate;

        @Option(names = "--verify-port", paramLabel = "P", description = "TCP port that answers once a BMC-less node"
                + " is up (default: each node's own).")
        Integer verifyPort;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            selection.into(options.client(), body);
            body.put("start", start);
            body.put("deadline", deadline);
            body.put("retries", retries);
            body.put("retryDelay", retryDelay);
            body.put("rate", rate);
            body.put("verifyPort", verifyPort);
            body.put("verifyInterval", verifyInterval);
            body.put("method", method);
            body.put("afterWindow", after);
            body.put("recurrence", recurrence);
            body.put("timeZone", timeZone);
            JsonNode c = options.client().post("/api/v1/wake-campaigns", body);
            System.out.println(options.json() ? c.toPrettyString() : c.path("id").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List campaigns, newest first.", mixinStandardHelpOptions = true)
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Override
        public Integer call() throws Exception {
            JsonNode list = options.client().get("/api/v1/wake-campaigns");
            if (options.json()) {
                System.out.println(list.toPrettyString());
                return 0;
            }
            Table t = new Table("ID", "NAME", "STATE", "NODES", "START", "DEADLINE", "TOTAL", "WOKEN", "ALREADY ON",
                    "FAILED", "PENDING");
            for (JsonNode c : list) {
                JsonNode p = c.path("progress");
                t.row(c.path("id").asText(), c.path("name").asText(), c.path("state").asText(), nodes(c),
                        c.path("start").asText(), c.path("deadline").asText(), p.path("total").asInt(),
                        p.path("woken").asInt(), p.path("alreadyOn").asInt(), p.path("failed").asInt(),
                        p.path("pending").asInt());
            }
            t.print(System.out);
            return 0;
        }
    }

    /**
     * What a campaign's current window targets: "group night-shift (dynamic), 312 nodes at window open" for a window
     * that has opened, "..., 310 nodes as of now" for one not open yet; the failure, for a failed one.
     */
    static String nodes(JsonNode campaignOrReport) {
        JsonNode t = campaignOrReport.path("targets");
        return t.hasNonNull("failure") ? t.path("description").asText() + "; failed: " + t.path("failure").asText()
                : t.path("description").asText();
    }

    @Command(name = "watch", description = {"Show a campaign's progress until it ends; a recurring campaign's until its"
            + " current (or next) window is done. On a terminal one progress bar is redrawn, otherwise a line is printed"
            + " per change.", "Exit code: 0 every node woken or already on, 2 some failed, 3 cancelled, 4 the campaign"
            + " failed (its group was deleted)."},
            mixinStandardHelpOptions = true)
    static final class Watch implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "ID", description = "The campaign id.")
        String id;

        @Option(names = "--interval", defaultValue = "2", description = "Seconds between polls (default ${DEFAULT-VALUE}).")
        int interval;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            String path = "/api/v1/wake-campaigns/" + NodesCommand.enc(id);
            // a recurring campaign never ends: follow its current (or next) window until it becomes the last one
            AtomicReference<String> window = new AtomicReference<>();
            JsonNode c = new ProgressWatch(client, path, Duration.ofSeconds(interval)).until(d -> {
                window.compareAndSet(null, d.path("start").asText());
                String state = d.path("state").asText();
                return state.equals("done") || state.equals("cancelled") || state.equals("failed")
                        || d.hasNonNull("recurrence")
                        && window.get().equals(d.path("lastStart").asText());
            }, Watch::bar, ProgressWatch.Display.stdout());
            if (c.path("state").asText().equals("cancelled")) {
                System.err.println("campaign " + id + " was cancelled: " + counts(c.path("progress")));
                return 3;
            }
            if (c.path("state").asText().equals("failed")) {
                System.err.println("campaign " + id + " failed: " + c.path("failure").asText());
                return 4;
            }
            if (!c.path("state").asText().equals("done")) {
                JsonNode last = client.get(path + "/report?window=last").path("counts");
                System.out.println("window of " + window.get() + " done: " + counts(last) + "; the campaign recurs,"
                        + " next window " + c.path("start").asText());
                return last.path("failed").asInt() == 0 ? 0 : 2;
            }
            return c.path("progress").path("failed").asInt() == 0 ? 0 : 2;
        }

        private static String counts(JsonNode p) {
            return String.format("woken %d, already on %d, failed %d, pending %d", p.path("woken").asInt(),
                    p.path("alreadyOn").asInt(), p.path("failed").asInt(), p.path("pending").asInt());
        }

        static String bar(JsonNode c) {
            JsonNode p = c.path("progress");
            int percent = p.path("percentDone").asInt();
            int filled = percent * 30 / 100;
            return String.format("[%s%s] %3d%%  %s: %s", "#".repeat(filled), ".".repeat(30 - filled), percent,
                    c.path("state").asText(), counts(p));
        }
    }

    @Command(name = "report", description = "Print a campaign's report: JSON with the counts (woken, alreadyOn,"
            + " failed, ...) and a row per node; --csv for the CSV, --table for a table.",
            mixinStandardHelpOptions = true)
    static final class Report implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "ID", description = "The campaign id.")
        String id;

        @Option(names = "--csv", description = "The CSV report, one line per node.")
        boolean csv;

        @Option(names = "--table", description = "A table for people instead of the JSON.")
        boolean table;

        @Option(names = "--window", paramLabel = "current|last|START", defaultValue = "current", description = "A"
                + " recurring campaign's current window (default), its previous one, or the window that opened at"
                + " START (ISO-8601). A window that has opened reports the nodes it opened with; one not open yet its"
                + " selection as of now.")
        String window;

        @Override
        public Integer call() throws Exception {
            ApiClient client = options.client();
            if (csv) {
                System.out.print(client.sendText("GET", "/api/v1/wake-campaigns/" + NodesCommand.enc(id)
                        + "/report.csv?window=" + NodesCommand.enc(window), null, null));
                return 0;
            }
            JsonNode r = client.get("/api/v1/wake-campaigns/" + NodesCommand.enc(id) + "/report?window="
                    + NodesCommand.enc(window));
            // the contract: JSON by default (scripts file it with the patch cycle's records); --table for people
            if (!table) {
                System.out.println(r.toPrettyString());
                return 0;
            }
            JsonNode c = r.path("counts");
            System.out.printf("%s (%s): woken %d, already on %d, failed %d, pending %d of %d%n", r.path("name").asText(),
                    r.path("state").asText(), c.path("woken").asInt(), c.path("alreadyOn").asInt(),
                    c.path("failed").asInt(), c.path("pending").asInt(), c.path("total").asInt());
            System.out.printf("window %s: %s%n", r.path("start").asText(), nodes(r));
            Table t = new Table("NODE", "STATUS", "REASON", "METHOD", "ATTEMPTS", "POWER-OFF", "DETAIL");
            for (JsonNode row : r.path("rows")) {
                t.row(row.path("name").asText(), row.path("status").asText(), row.path("reason").asText(""),
                        row.path("method").asText(""), row.path("attempts").asInt(),
                        row.path("powerOff").asText("NONE").equals("NONE") ? "" : row.path("powerOff").asText(),
                        row.path("detail").asText(""));
            }
            t.print(System.out);
            return 0;
        }
    }
}
