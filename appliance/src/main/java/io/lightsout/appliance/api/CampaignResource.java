package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.power.campaign.CampaignReport;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.campaigns.CampaignDefinition;
import io.lightsout.appliance.power.campaigns.CampaignInput;
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

    public CampaignResource(Campaigns campaigns, NodeRegistry nodes) {
        this.campaigns = campaigns;
        this.nodes = nodes;
    }

    /** Counts: {@code woken} (verified on after a power-on), {@code alreadyOn}, {@code failed}, {@code pending}. */
    public record Counts(int total, int woken, int alreadyOn, int failed, int pending, int percentDone) {
    }

    /**
     * A campaign; {@code start}/{@code deadline} are its current or next window, {@code lastStart}/{@code
     * lastDeadline} a recurring campaign's previous one. {@code method} is auto, bmc or wol; {@code afterWindow}
     * leave-on or power-off-woken; {@code recurrence} a cron expression read in {@code timeZone} (null: once).
     */
    public record CampaignView(String id, String name, String state, Instant start, Instant deadline, int retries,
                               String retryDelay, double rate, Integer verifyPort, String verifyInterval,
                               String method, String afterWindow, String recurrence, String timeZone,
                               Instant lastStart, Instant lastDeadline, Counts progress, String createdBy,
                               Instant createdAt, Instant finishedAt) {
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
                         Map<String, Integer> failures, double successRate, List<Point> timeline, List<Row> rows) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public List<CampaignView> list() {
        return campaigns.list().stream().map(c -> view(c, campaigns.report(c))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 201, value = CampaignView.class)
    public Response create(CampaignInput body, @Context ContainerRequestContext rc) {
        CampaignInput in = body == null ? CampaignInput.empty() : body;
        Campaigns.Campaign c = campaigns.create(in, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.status(201).entity(view(c, campaigns.report(c))).build();
    }

    /** The campaign with live progress. */
    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public CampaignView get(@PathParam("id") String id) {
        Campaigns.Campaign c = campaigns.get(id);
        return view(c, campaigns.report(c));
    }

    /**
     * Counts and a row per node, of the current window or, with {@code window=last}, of a recurring campaign's
     * previous one.
     */
    @GET
    @Path("{id}/report")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public Report report(@PathParam("id") String id, @QueryParam("window") String window) {
        Campaigns.Campaign c = campaigns.get(id);
        CampaignReport r = pick(c, window);
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
                r.window().start(), r.window().deadline(), counts(r), failures, r.successRate(), timeline, rows);
    }

    /** Node names by id, read once per report rather than once per row (a campaign may have 10,000 rows). */
    private Function<String, String> names() {
        Map<String, String> byId = nodes.names();
        return id -> byId.getOrDefault(id, "(deleted)");
    }

    private CampaignReport pick(Campaigns.Campaign c, String window) {
        if (window == null || window.isBlank() || window.equals("current")) {
            return campaigns.report(c);
        }
        if (!window.equals("last")) {
            throw new ApplianceException.BadRequest("The report is not available", List.of(
                    new ApplianceException.FieldError("window", "current (default) or last.")));
        }
        return campaigns.lastReport(c).orElseThrow(() -> new ApplianceException.NotFound("Campaign " + c.definition()
                .id() + " has no previous window"));
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String reportCsv(@PathParam("id") String id, @QueryParam("window") String window) {
        return pick(campaigns.get(id), window).toCsv(names());
    }

    /** The success rate over time as CSV: seconds since the window's start, nodes on, success rate. */
    @GET
    @Path("{id}/timeline.csv")
    @Produces("text/csv")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String timelineCsv(@PathParam("id") String id, @QueryParam("window") String window) {
        return pick(campaigns.get(id), window).timelineCsv(TIMELINE_STEP);
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

    private static CampaignView view(Campaigns.Campaign c, CampaignReport r) {
        CampaignDefinition d = c.definition();
        return new CampaignView(d.id(), d.name(), c.state().name().toLowerCase(java.util.Locale.ROOT), d.start(),
                d.deadline(), d.retries(), d.retryDelay().toString(), d.rate(), d.verifyPort(),
                d.verifyInterval().toString(), switch (d.method()) {
                    case AUTO -> "auto";
                    case FORCE_BMC -> "bmc";
                    case FORCE_WOL -> "wol";
                }, d.after().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.recurrence(),
                d.zone().getId(), d.lastStart(), d.lastDeadline(), counts(r), c.createdBy(), c.createdAt(),
                c.finishedAt());
    }
}
