package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.campaigns.CampaignDefinition;
import io.lightsout.appliance.power.campaigns.CampaignInput;
import io.lightsout.appliance.power.campaigns.CampaignSelection;
import io.lightsout.appliance.power.campaigns.Campaigns;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Wake campaigns: everyone reads progress and reports; admins and operators create and cancel. */
@Path("api/v1/wake-campaigns")
@Produces(MediaType.APPLICATION_JSON)
public final class CampaignResource {
    private static final Duration TIMELINE_STEP = Duration.ofMinutes(1);
    private final Campaigns campaigns;
    private final NodeRegistry nodes;
    private final NodeGroups groups;

    public CampaignResource(Campaigns campaigns, NodeRegistry nodes, NodeGroups groups) {
        this.campaigns = campaigns;
        this.nodes = nodes;
        this.groups = groups;
    }

    /** Counts: {@code woken} (verified on after a power-on), {@code alreadyOn}, {@code failed}, {@code pending}. */
    public record Counts(int total, int woken, int alreadyOn, int failed, int pending, int percentDone) {
    }

    /**
     * What the campaign wakes, as it was asked for; resolved into each window's targets when the window opens.
     * {@code kind} is group, all or nodes; a group is held by id (a rename keeps it), {@code groupName} is its name
     * now ({@code null} once deleted), {@code dynamic} whether it follows a filter; {@code listed} how many nodes an
     * explicit list has (their ids are in the report's rows, not repeated in every list entry).
     */
    public record SelectionView(String kind, String groupId, String groupName, Boolean dynamic, Integer listed) {
    }

    /**
     * The target list of a window and what it is: {@code asOf} is {@code window-open} for the window's own list,
     * frozen when it opened at {@code resolvedAt}, or {@code now} for a window not open yet, whose list is the
     * selection resolved at {@code resolvedAt} (a preview: it follows the group until the window opens).
     * {@code description} reads like "group night-shift (dynamic), 312 nodes at window open"; {@code skipped} counts
     * listed nodes deleted before the window opened; {@code failure} says why the window could not run.
     */
    public record TargetsView(String selection, int count, String asOf, Instant resolvedAt, int skipped,
                              String failure, String description) {
    }

    /**
     * A campaign; {@code start}/{@code deadline} are its current or next window, {@code lastStart}/{@code
     * lastDeadline} a recurring campaign's previous one. {@code method} is auto, bmc or wol; {@code afterWindow}
     * leave-on or power-off-woken; {@code recurrence} a cron expression read in {@code timeZone} (null: once).
     * {@code state} is scheduled, running, done, cancelled or failed ({@code failure} says why).
     */
    public record CampaignView(String id, String name, String state, Instant start, Instant deadline, int retries,
                               String retryDelay, double rate, Integer verifyPort, String verifyInterval,
                               String method, String afterWindow, String recurrence, String timeZone,
                               Instant lastStart, Instant lastDeadline, Counts progress, String createdBy,
                               Instant createdAt, Instant finishedAt, SelectionView selection, TargetsView targets,
                               String failure) {
    }

    /**
     * One node; {@code powerOff} is the after-window step for the nodes the campaign woke: NONE, REQUESTED, DONE,
     * FAILED or NOT_POSSIBLE (no BMC).
     */
    public record Row(String nodeId, String name, String status, String reason, String method, int attempts,
                      Instant lastAttemptAt, Instant doneAt, String powerOff, String detail) {
    }

    /** The success rate {@code secondsSinceStart} after the window opened. */
    public record Point(long secondsSinceStart, int succeeded, double successRate) {
    }

    /**
     * {@code failures} counts the failed nodes per reason; {@code timeline} is the success rate minute by minute
     * from the window's start until the last node settled.
     */
    public record Report(String id, String name, String state, Instant start, Instant deadline, Counts counts,
                         Map<String, Integer> failures, double successRate, List<Point> timeline, List<Row> rows,
                         TargetsView targets) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public List<CampaignView> list() {
        return campaigns.list().stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 201, value = CampaignView.class)
    public Response create(CampaignInput body, @Context ContainerRequestContext rc) {
        CampaignInput in = body == null ? CampaignInput.empty() : body;
        Campaigns.Campaign c = campaigns.create(in, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.status(201).entity(view(c)).build();
    }

    /** The campaign with live progress. */
    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public CampaignView get(@PathParam("id") String id) {
        return view(campaigns.get(id));
    }

    /**
     * Counts and a row per node, of the current window or, with {@code window=last}, of a recurring campaign's
     * previous one, or with {@code window=<ISO-8601 start>} of any window that has opened. A window that has opened
     * reports its own target list; one not open yet the selection as of now ({@code targets.asOf}).
     */
    @GET
    @Path("{id}/report")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public Report report(@PathParam("id") String id, @QueryParam("window") String window) {
        Campaigns.Campaign c = campaigns.get(id);
        Campaigns.WindowReport wr = pick(c, window);
        CampaignReport r = wr.report();
        CampaignDefinition d = c.definition();
        Function<String, String> names = names();
        List<Row> rows = r.targets().stream().map(t -> new Row(t.nodeId(), names.apply(t.nodeId()),
                t.status().name(), t.failure().map(Enum::name).orElse(null),
                t.method().map(Enum::name).orElse(null), t.attempts(), t.lastAttemptAt().orElse(null),
                t.doneAt().orElse(null), t.powerOff().name(), t.detail())).toList();
        Map<String, Integer> failures = new LinkedHashMap<>();
        r.failures().forEach((reason, n) -> failures.put(reason.name(), n));
        List<Point> timeline = r.timeline(TIMELINE_STEP).stream().map(p -> new Point(p.sinceStart().toSeconds(),
                p.succeeded(), p.successRate())).toList();
        return new Report(d.id(), d.name(), c.state().name().toLowerCase(java.util.Locale.ROOT),
                r.window().start(), r.window().deadline(), counts(r), failures, r.successRate(), timeline, rows,
                targets(wr.targets()));
    }

    /** Node names by id, read once per report rather than once per row (a campaign may have 10,000 rows). */
    private Function<String, String> names() {
        Map<String, String> byId = nodes.names();
        return id -> byId.getOrDefault(id, "(deleted)");
    }

    private Campaigns.WindowReport pick(Campaigns.Campaign c, String window) {
        if (window == null || window.isBlank() || window.equals("current")) {
            return campaigns.report(c);
        }
        if (window.equals("last")) {
            return campaigns.lastReport(c).orElseThrow(() -> new ApplianceException.NotFound("Campaign "
                    + c.definition().id() + " has no previous window"));
        }
        Instant start;
        try {
            start = Instant.parse(window.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApplianceException.BadRequest("The report is not available", List.of(
                    new ApplianceException.FieldError("window", "current (default), last, or the ISO-8601 start of"
                            + " a window that has opened.")));
        }
        return campaigns.report(c, start).orElseThrow(() -> new ApplianceException.NotFound("Campaign "
                + c.definition().id() + " has no window that opened at " + start));
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String reportCsv(@PathParam("id") String id, @QueryParam("window") String window) {
        return pick(campaigns.get(id), window).report().toCsv(names());
    }

    /** The success rate over time as CSV: seconds since the window's start, nodes on, success rate. */
    @GET
    @Path("{id}/timeline.csv")
    @Produces("text/csv")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String timelineCsv(@PathParam("id") String id, @QueryParam("window") String window) {
        return pick(campaigns.get(id), window).report().timelineCsv(TIMELINE_STEP);
    }

    @POST
    @Path("{id}/cancel")
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202)
    public Response cancel(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        campaigns.cancel(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.accepted().build();
    }

    private static Counts counts(CampaignReport r) {
        Map<TargetStatus, Integer> c = r.counts();
        int total = r.targets().size();
        int woken = c.getOrDefault(TargetStatus.VERIFIED, 0);
        int on = c.getOrDefault(TargetStatus.ALREADY_ON, 0);
        int failed = c.getOrDefault(TargetStatus.FAILED, 0);
        int done = woken + on + failed;
        return new Counts(total, woken, on, failed, total - done, total == 0 ? 100 : done * 100 / total);
    }

    private CampaignView view(Campaigns.Campaign c) {
        Campaigns.WindowReport wr = campaigns.report(c);
        CampaignReport r = wr.report();
        CampaignDefinition d = c.definition();
        return new CampaignView(d.id(), d.name(), c.state().name().toLowerCase(java.util.Locale.ROOT), d.start(),
                d.deadline(), d.retries(), d.retryDelay().toString(), d.rate(), d.verifyPort(),
                d.verifyInterval().toString(), switch (d.method()) {
                    case AUTO -> "auto";
                    case FORCE_BMC -> "bmc";
                    case FORCE_WOL -> "wol";
                }, d.after().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.recurrence(),
                d.zone().getId(), d.lastStart(), d.lastDeadline(), counts(r), c.createdBy(), c.createdAt(),
                c.finishedAt(), selection(d.selection()), targets(wr.targets()), c.failure());
    }

    private SelectionView selection(CampaignSelection s) {
        return switch (s) {
            case CampaignSelection.All a -> new SelectionView("all", null, null, null, null);
            case CampaignSelection.Group g -> groups.find(g.id())
                    .map(found -> new SelectionView("group", g.id(), found.name(), found.dynamic(), null))
                    .orElseGet(() -> new SelectionView("group", g.id(), null, null, null));
            case CampaignSelection.Nodes n -> new SelectionView("nodes", null, null, null, n.ids().size());
        };
    }

    static TargetsView targets(Campaigns.Targets t) {
        String asOf = t.atWindowOpen() ? "window-open" : "now";
        String description = t.selection() + ", " + t.count() + (t.count() == 1 ? " node" : " nodes")
                + (t.atWindowOpen() ? " at window open" : " as of now")
                + (t.skipped() == 0 ? "" : " (" + t.skipped() + " listed deleted, skipped)");
        return new TargetsView(t.selection(), t.count(), asOf, t.resolvedAt(), t.skipped(), t.failure(), description);
    }
}
