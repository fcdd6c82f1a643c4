package io.lightsout.appliance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.jobs.Job;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.jobs.JobRepository;
import io.lightsout.appliance.jobs.JobState;
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

/** Jobs: everyone reads, admin and operator cancel. */
@Path("api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {
    private final JobRepository jobs;
    private final JobEngine engine;

    public JobResource(JobRepository jobs, JobEngine engine) {
        this.jobs = jobs;
        this.engine = engine;
    }

    public record Progress(int done, int total, int percent) {
    }

    public record JobView(long id, String type, String state, Progress progress, String createdBy, Instant createdAt,
                          Instant startedAt, Instant finishedAt, String summary,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Job.Target> targets) {
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
        return new JobPage(p.items().stream().map(JobResource::view).toList(), page, size, p.total());
    }

    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public JobView get(@PathParam("id") long id) {
        return view(jobs.find(id).orElseThrow(() -> new ApplianceException.NotFound("No job " + id)));
    }

    @POST
    @Path("{id}/cancel")
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202)
    public Response cancel(@PathParam("id") long id, @Context ContainerRequestContext rc) {
        engine.cancel(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.accepted().build();
    }

    static JobView view(Job j) {
        return new JobView(j.id(), j.type(), j.state().id(), new Progress(j.done(), j.total(), j.percent()),
                j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt(), j.summary(),
                j.targets().isEmpty() ? null : j.targets());
    }
}
