package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.power.PowerActions;
import io.lightsout.appliance.power.PowerRequest;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;

/** Bulk power actions: a job with a result per node (202 + the job). */
@Path("api/v1/power-actions")
@Produces(MediaType.APPLICATION_JSON)
public final class PowerActionResource {
    private final PowerActions power;
    private final NodeRegistry nodes;
    private final NodeGroups groups;

    public PowerActionResource(PowerActions power, NodeRegistry nodes, NodeGroups groups) {
        this.power = power;
        this.nodes = nodes;
        this.groups = groups;
    }

    /**
     * Exactly one selection: {@code nodeIds}, {@code group} (id or name), {@code filter}, or {@code all: true}.
     *
     * @param action   on, off, shutdown, cycle, reset, pxe (boot once from the network) or bios (boot once into
     *                 firmware setup)
     * @param bootOnce for on/cycle/reset: PXE, BIOS, DISK or ISO first; for pxe and bios: "cycle" to cycle running
     *                 nodes
     */
    public record BulkRequest(String action, String bootOnce, List<String> nodeIds, String group,
                              BulkFilter filter, Boolean all) {
    }

    /** The node list's filters, {@code q} included, so that a bulk action covers exactly what the list shows. */
    public record BulkFilter(String site, String type, String subnet, String tag, String q) {
    }

    public record Submitted(long jobId, int targets, String action) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 202, value = Submitted.class)
    public Response submit(BulkRequest body, @Context ContainerRequestContext rc) {
        BulkRequest b = body == null ? new BulkRequest(null, null, null, null, null, null) : body;
        PowerRequest request = NodeResource.request(new NodeResource.PowerRequestBody(b.action(), b.bootOnce()));
        List<String> ids = select(nodes, groups, b.nodeIds(), b.group(), b.filter(), b.all());
        long job = power.submit(request, ids, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.accepted(new Submitted(job, ids.size(), request.describe()))
                .header("Location", "/api/v1/jobs/" + job).build();
    }

    /** The one rule for bulk selections: exactly one of node ids, a group, a filter or all; never empty. */
    static List<String> select(NodeRegistry nodes, NodeGroups groups, List<String> nodeIds, String group,
                               BulkFilter filter, Boolean all) {
        int given = (nodeIds != null ? 1 : 0) + (group != null ? 1 : 0) + (filter != null ? 1 : 0)
                + (Boolean.TRUE.equals(all) ? 1 : 0);
        if (given != 1) {
            throw ApplianceException.BadRequest.field("nodeIds", "Give exactly one of nodeIds, group, filter, all.");
        }
        List<String> ids;
        if (nodeIds != null) {
            for (String id : nodeIds) {
                nodes.find(id).orElseThrow(() -> ApplianceException.BadRequest.field("nodeIds", "No node " + id));
            }
            ids = List.copyOf(new LinkedHashSet<>(nodeIds));
        } else if (group != null) {
            ids = groups.memberIds(groups.get(group));
        } else if (filter != null) {
            ids = nodes.ids(NodeResource.filter(filter.site(), filter.type(), filter.subnet(), filter.tag(),
                    filter.q() == null || filter.q().isBlank() ? null : filter.q().strip()));
        } else {
            ids = nodes.ids(io.lightsout.appliance.nodes.NodeFilter.ALL);
        }
        if (ids.isEmpty()) {
            throw ApplianceException.BadRequest.field("nodeIds", "The selection matches no node.");
        }
        return ids;
    }
}
