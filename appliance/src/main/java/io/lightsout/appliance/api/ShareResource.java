package io.lightsout.appliance.api;

import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.shares.NfsService;
import io.lightsout.appliance.shares.ShareExport;
import io.lightsout.appliance.shares.ShareExports;
import io.lightsout.nfs.ShareStats;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/** The NFS share's exports and who may mount them, and what the share is doing (admin only). */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public final class ShareResource {
    private final ShareExports exports;
    private final NfsService nfs;

    public ShareResource(ShareExports exports, NfsService nfs) {
        this.exports = exports;
        this.nfs = nfs;
    }

    /** An export; {@code offered} is false while its client list is empty (nobody can mount it). */
    public record ExportView(String name, String path, String directory, List<String> clients, boolean offered,
                             Instant createdAt, Instant updatedAt) {
    }

    /** The request body of create and update. */
    public record ExportInput(String name, String directory, List<String> clients) {
    }

    /** One MOUNT request. */
    public record MountView(Instant at, String client, String path, boolean granted, String reason) {
    }

    /** The share's state: ports, counters since start, the latest mounts (newest first). */
    public record ActivityView(boolean running, String address, Integer nfsPort, Integer mountdPort,
                               Integer portmapPort, long bytesRead, long operations, long errors,
                               double opsPerSecond, List<String> activeClients, List<MountView> recentMounts) {
    }

    @GET
    @Path("shares")
    public List<ExportView> list() {
        return exports.list().stream().map(ShareResource::view).toList();
    }

    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = ExportView.class)
    public Response create(ExportInput body, @Context ContainerRequestContext rc) {
        ExportInput b = body == null ? new ExportInput(null, null, null) : body;
        ShareExport e = exports.create(new ShareExports.Input(b.name(), b.directory(), b.clients()),
                RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.status(201).entity(view(e)).build();
    }

    @GET
    @Path("shares/{name}")
    public ExportView get(@PathParam("name") String name) {
        return view(exports.get(name));
    }

    @PUT
    @Path("shares/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExportView update(@PathParam("name") String name, ExportInput body, @Context ContainerRequestContext rc) {
        ExportInput b = body == null ? new ExportInput(null, null, null) : body;
        return view(exports.update(name, new ShareExports.Input(b.name(), b.directory(), b.clients()),
                RequestContext.caller(rc).username(), RequestContext.source(rc)));
    }

    @DELETE
    @Path("shares/{name}")
    @Returns(status = 204)
    public Response delete(@PathParam("name") String name, @Context ContainerRequestContext rc) {
        exports.delete(name, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    @GET
    @Path("share-activity")
    public ActivityView activity() {
        ShareStats s = nfs.stats();
        if (s == null) {
            return new ActivityView(false, null, null, null, null, 0, 0, 0, 0, List.of(), List.of());
        }
        InetSocketAddress n = nfs.nfsAddress();
        InetSocketAddress pm = nfs.portmapAddress();
        return new ActivityView(true, n.getAddress().getHostAddress(), n.getPort(), nfs.mountdAddress().getPort(),
                pm == null ? null : pm.getPort(), s.bytesRead(), s.operations(), s.errors(), s.opsPerSecond(),
                s.activeClients().stream().map(a -> a.getHostAddress()).sorted().toList(),
                s.recentMounts().stream().map(m -> new MountView(m.at(), m.client().getHostAddress(), m.path(),
                        m.granted(), m.granted() ? null : m.reason())).toList());
    }

    private static ExportView view(ShareExport e) {
        return new ExportView(e.name(), e.path(), e.directory(), e.clients(), !e.clients().isEmpty(), e.createdAt(),
                e.updatedAt());
    }
}
