package io.lightsout.appliance.api;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.jobs.SelfTestJob;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.support.SupportBundle;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Troubleshooting: the support bundle and the appliance self-test job. */
@Path("api/v1/support")
public final class SupportResource {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final SupportBundle bundle;
    private final JobEngine engine;
    private final AuditLog audit;
    private final Clock clock;

    public SupportResource(SupportBundle bundle, JobEngine engine, AuditLog audit, Clock clock) {
        this.bundle = bundle;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    public record JobRef(long id) {
    }

    @GET
    @Path("bundle")
    @Produces("application/zip")
    @Allow(Role.ADMIN)
    @Returns(value = Object.class)
    public Response bundle(@Context ContainerRequestContext rc) {
        audit.success(RequestContext.caller(rc).username(), "support.bundle", null, null, RequestContext.source(rc));
        StreamingOutput body = bundle::write;
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"lightsout-support-"
                + STAMP.format(clock.instant()) + ".zip\"").build();
    }

    @POST
    @Path("self-test")
    @Produces(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202, value = JobRef.class)
    public Response selfTest(@Context ContainerRequestContext rc) {
        long id = engine.submit(SelfTestJob.NAME, null, SelfTestJob.CHECKS, RequestContext.caller(rc).username(),
                RequestContext.source(rc));
        return Response.accepted(new JobRef(id)).build();
    }
}
