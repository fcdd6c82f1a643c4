package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.nodes.InventoryJob;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Node inventory: everyone reads the stored facts; admins and operators refresh them (a job). */
@Path("api/v1/inventory")
@Produces(MediaType.APPLICATION_JSON)
public final class InventoryResource {
    private final InventoryJob inventory;
    private final JobEngine jobs;
    private final NodeRegistry nodes;
    private final NodeGroups groups;

    public InventoryResource(InventoryJob inventory, JobEngine jobs, NodeRegistry nodes, NodeGroups groups) {
        this.inventory = inventory;
        this.jobs = jobs;
        this.nodes = nodes;
        this.groups = groups;
    }

    /** Exactly one of {@code nodeIds}, {@code group}, {@code filter} or {@code all: true}. */
    public record RefreshRequest(List<String> nodeIds, String group, PowerActionResource.BulkFilter filter,
                                 Boolean all) {
    }

    /** The stored facts of a node (404 until its first refresh). */
    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public InventoryJob.Facts get(@PathParam("id") String id) {
        nodes.get(id);
        return inventory.facts(id).orElseThrow(() -> new ApplianceException.NotFound("No inventory read yet for node "
                + id + "; refresh it first"));
    }

    /** Refreshes the inventory of the selected nodes as an {@code inventory-refresh} job. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202, value = PowerActionResource.Submitted.class)
    public Response refresh(RefreshRequest body, @Context ContainerRequestContext rc) {
        RefreshRequest b = body == null ? new RefreshRequest(null, null, null, null) : body;
        List<String> ids = PowerActionResource.select(nodes, groups, b.nodeIds(), b.group(), b.filter(), b.all());
        long job = jobs.submit(InventoryJob.NAME, null, ids, RequestContext.caller(rc).username(),
                RequestContext.source(rc));
        return Response.accepted(new PowerActionResource.Submitted(job, ids.size(), "inventory refresh"))
                .header("Location", "/api/v1/jobs/" + job).build();
    }
}
