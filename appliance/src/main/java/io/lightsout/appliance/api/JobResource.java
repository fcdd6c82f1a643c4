package io.lightsout.appliance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.jobs.Job;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.jobs.JobRepository;
import io.lightsout.appliance.jobs.JobState;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Jobs: everyone reads, admin and operator cancel. */
@Path("api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {
    private final JobRepository jobs;
    private final JobEngine engine;
    private final NodeRegistry nodes;

    public JobResource(JobRepository jobs, JobEngine engine, NodeRegistry nodes) {
        this.jobs = jobs;
        this.engine = engine;
        this.nodes = nodes;
    }

    public record Progress(int done, int total, int percent) {
    }

    public record JobView(long id, String type, String state, Progress progress, String createdBy, Instant createdAt,
                          Instant startedAt, Instant finishedAt, String summary,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<TargetView> targets) {
    }

    /**
     * A target; {@code label} is what people call it: the node's name when the target is a node id (power actions,
     * inventory refresh), else the target itself (an address, a check).
     */
    public record TargetView(String target, String label, String state, String status, String reason,
                             Instant updatedAt) {
    }

    public record JobPage(List<JobView> items, int page, int size, long total) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public JobPage list(@QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page,
                        @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        JobState s;
        try {
            s = state == null || state.isBlank() ? null : JobState.of(state);
        } catch (IllegalArgumentException e) {
            throw ApplianceException.BadRequest.field("state", e.getMessage());
        }
        JobRepository.Page p = jobs.list(s, page, size);
        return new JobPage(p.items().stream().map(j -> view(j, Map.of())).toList(), page, size, p.total());
    }

    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public JobView get(@PathParam("id") long id) {
        Job j = jobs.find(id).orElseThrow(() -> new ApplianceException.NotFound("No job " + id));
        return view(j, j.targets().isEmpty() ? Map.of() : nodes.names());
    }

    @POST
    @Path("{id}/cancel")
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202)
    public Response cancel(@PathParam("id") long id, @Context ContainerRequestContext rc) {
        engine.cancel(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.accepted().build();
    }

    static JobView view(Job j, Map<String, String> names) {
        List<TargetView> targets = j.targets().stream().map(t -> new TargetView(t.target(), names.getOrDefault(
                t.target(), t.target()), t.state(), t.status(), t.reason(), t.updatedAt())).toList();
        return new JobView(j.id(), j.type(), j.state().id(), new Progress(j.done(), j.total(), j.percent()),
                j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt(), j.summary(),
                targets.isEmpty() ? null : targets);
    }
}
