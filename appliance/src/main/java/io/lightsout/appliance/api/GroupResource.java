package io.lightsout.appliance.api;

import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;

/** Node groups: everyone reads; admins and operators manage them ({id} is the id or the name). */
@Path("api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupResource {
    private final NodeGroups groups;
    private final NodeRegistry nodes;

    public GroupResource(NodeGroups groups, NodeRegistry nodes) {
        this.groups = groups;
        this.nodes = nodes;
    }

    public record FilterView(String site, String type, String subnet, String tag) {
    }

    public record GroupView(String id, String name, boolean dynamic, FilterView filter, long size) {
    }

    public record Members(List<String> nodeIds) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public List<GroupView> list() {
        return groups.list().stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 201, value = GroupView.class)
    public Response create(NodeGroups.Input body, @Context ContainerRequestContext rc) {
        NodeGroups.Input in = body == null ? new NodeGroups.Input(null, null, null, null, null, null) : body;
        return Response.status(201).entity(view(groups.create(in, RequestContext.caller(rc).username(),
                RequestContext.source(rc)))).build();
    }

    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public GroupView get(@PathParam("id") String id) {
        return view(groups.get(id));
    }

    @DELETE
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 204)
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        groups.delete(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    /** The members, paged like the node list. */
    @GET
    @Path("{id}/nodes")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public NodeResource.NodePage members(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        List<String> ids = groups.memberIds(groups.get(id));
        List<NodeResource.NodeView> items = ids.stream().skip((long) page * size).limit(size)
                .map(n -> NodeResource.view(nodes.get(n))).toList();
        return new NodeResource.NodePage(items, page, size, ids.size());
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 204)
    public Response addMembers(@PathParam("id") String id, Members body, @Context ContainerRequestContext rc) {
        groups.addMembers(id, body == null || body.nodeIds() == null ? List.of() : body.nodeIds(),
                RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/members/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 204)
    public Response removeMembers(@PathParam("id") String id, Members body, @Context ContainerRequestContext rc) {
        groups.removeMembers(id, body == null || body.nodeIds() == null ? List.of() : body.nodeIds(),
                RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    private GroupView view(NodeGroups.Group g) {
        NodeFilter f = g.filter();
        FilterView fv = f == null ? null : new FilterView(f.site(), f.type() == null ? null : f.type().label(),
                f.subnet() == null ? null : f.subnet().toString(), f.tag());
        return new GroupView(g.id(), g.name(), g.dynamic(), fv, groups.size(g));
    }
}
