package io.lightsout.appliance.api;

import io.lightsout.appliance.bmc.BootDevice;
import io.lightsout.appliance.bmc.PowerReading;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.nodes.Node;
import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeInput;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.power.PowerActions;
import io.lightsout.appliance.power.PowerOperation;
import io.lightsout.appliance.power.PowerOutcome;
import io.lightsout.appliance.power.PowerRequest;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Nodes: everyone reads; admins add, change, import and re-trust; admins and operators act on power. Passwords and
 * SecureOn passwords are write-only.
 */
@Path("api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
public final class NodeResource {
    private final NodeRegistry nodes;
    private final PowerActions power;

    public NodeResource(NodeRegistry nodes, PowerActions power) {
        this.nodes = nodes;
        this.power = power;
    }

    public record PowerView(String state, String detail, Instant readAt) {
    }

    public record NodeView(String id, String name, String type, String site, String address, Integer port,
                           String scheme, String credentialProfileId, String username, boolean passwordSet,
                           String certificateSha256, String mac, String ip, Integer prefixLength, Integer verifyPort,
                           boolean secureOnSet, List<String> tags, String serviceTag, PowerView power,
                           Instant createdAt, Instant updatedAt) {
    }

    public record NodePage(List<NodeView> items, int page, int size, long total) {
    }

    public record PowerRequestBody(String action, String bootOnce) {
    }

    public record PowerResult(String nodeId, String action, String outcome, String detail, PowerView before) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public NodePage list(@QueryParam("site") String site, @QueryParam("type") String type,
                         @QueryParam("subnet") String subnet, @QueryParam("tag") String tag,
                         @QueryParam("q") String q, @QueryParam("sort") @DefaultValue("name") String sort,
                         @QueryParam("order") @DefaultValue("asc") String order,
                         @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        NodeFilter f = filter(site, type, subnet, tag, q);
        if (!NodeRegistry.SORTS.contains(sort)) {
            throw ApplianceException.BadRequest.field("sort", "One of "
                    + String.join(", ", NodeRegistry.SORTS) + ".");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApplianceException.BadRequest.field("order", "asc or desc.");
        }
        var p = nodes.list(f, sort, order.equals("desc"), page, size);
        return new NodePage(p.items().stream().map(NodeResource::view).toList(), page, size, p.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    @Returns(status = 201, value = NodeView.class)
    public Response create(NodeInput body, @Context ContainerRequestContext rc) {
        Node n = nodes.create(body == null ? empty() : body, RequestContext.caller(rc).username(),
                RequestContext.source(rc));
        return Response.status(201).entity(view(n)).build();
    }

    @GET
    @Path("{id}")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public NodeView get(@PathParam("id") String id) {
        return view(nodes.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public NodeView update(@PathParam("id") String id, NodeInput body, @Context ContainerRequestContext rc) {
        return view(nodes.update(id, body == null ? empty() : body, RequestContext.caller(rc).username(),
                RequestContext.source(rc)));
    }

    @DELETE
    @Path("{id}")
    @Allow(Role.ADMIN)
    @Returns(status = 204)
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        nodes.delete(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    /** CSV import: good rows are kept, bad rows come back with line, column and reason. */
    @POST
    @Path("import")
    @Consumes("text/csv")
    @Allow(Role.ADMIN)
    public NodeRegistry.ImportReport importCsv(String csv, @Context ContainerRequestContext rc) {
        return nodes.importCsv(csv == null ? "" : csv, RequestContext.caller(rc).username(), RequestContext.source(rc));
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String exportCsv(@QueryParam("site") String site, @QueryParam("type") String type,
                            @QueryParam("subnet") String subnet, @QueryParam("tag") String tag,
                            @QueryParam("q") String q) {
        return nodes.exportCsv(filter(site, type, subnet, tag, q));
    }

    /** Forgets the pinned BMC certificate so that the next call pins the one the BMC presents now. */
    @POST
    @Path("{id}/retrust")
    @Allow(Role.ADMIN)
    @Returns(status = 204)
    public Response retrust(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        nodes.retrust(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    /** Reads the power state from the BMC (or the OS probe) now. */
    @GET
    @Path("{id}/power")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public PowerView readPower(@PathParam("id") String id) throws InterruptedException {
        return power(power.read(id));
    }

    /**
     * Runs a power action on one node and answers when the BMC accepted it: 200 done or nothing to do, 409 refused
     * (unknown state, credentials rejected, another action in flight), 502 the BMC failed.
     */
    @POST
    @Path("{id}/power")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.OPERATOR})
    @Returns(status = 200, value = PowerResult.class, also = {409, 502})
    public Response changePower(@PathParam("id") String id, PowerRequestBody body, @Context ContainerRequestContext rc)
            throws InterruptedException {
        nodes.get(id);
        PowerRequest request = request(body);
        PowerOutcome o = power.apply(id, request, RequestContext.caller(rc).username(), RequestContext.source(rc));
        int status = switch (o) {
            case PowerOutcome.Done d -> 200;
            case PowerOutcome.NothingToDo n -> 200;
            case PowerOutcome.Refused r -> 409;
            case PowerOutcome.Failed f -> 502;
        };
        PowerResult result = new PowerResult(id, request.describe(), o.getClass().getSimpleName()
                .toLowerCase(Locale.ROOT), PowerActions.describe(o), o.before().map(NodeResource::power).orElse(null));
        return Response.status(status).entity(result).build();
    }

    /** The one parser of {@code action} and {@code bootOnce}, shared with bulk requests. */
    static PowerRequest request(PowerRequestBody body) {
        String action = body == null || body.action() == null ? "" : body.action().strip().toLowerCase(Locale.ROOT);
        PowerOperation op = switch (action) {
            case "on" -> PowerOperation.ON;
            case "off" -> PowerOperation.OFF;
            case "shutdown" -> PowerOperation.GRACEFUL_SHUTDOWN;
            case "cycle" -> PowerOperation.CYCLE;
            case "reset" -> PowerOperation.RESET;
            case "pxe", "bios" -> null;
            default -> throw ApplianceException.BadRequest.field("action",
                    "One of on, off, shutdown, cycle, reset, pxe, bios.");
        };
        Optional<BootDevice> boot = Optional.empty();
        boolean given = body.bootOnce() != null && !body.bootOnce().isBlank();
        if (op == null) {
            // pxe / bios: boot once from the network / into firmware setup, then power on (or cycle a running
            // node, chosen by bootOnce=cycle)
            if (given && !body.bootOnce().strip().equalsIgnoreCase("cycle")) {
                throw ApplianceException.BadRequest.field("bootOnce", "With " + action + " only \"cycle\" (cycle a"
                        + " running node instead of powering on one that is off).");
            }
            return new PowerRequest(given ? PowerOperation.CYCLE : PowerOperation.ON,
                    Optional.of(action.equals("pxe") ? BootDevice.PXE : BootDevice.BIOS));
        }
        if (given && !op.starts()) {
            // refused for every node alike: say so now rather than start a job whose every target is refused
            throw ApplianceException.BadRequest.field("bootOnce", "A one-time boot override needs an action that"
                    + " starts the node: on, cycle or reset, not " + action + ".");
        }
        if (given) {
            try {
                boot = Optional.of(BootDevice.valueOf(body.bootOnce().strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApplianceException.BadRequest.field("bootOnce", "One of PXE, ISO, BIOS, DISK.");
            }
        }
        return new PowerRequest(op, boot);
    }

    static NodeFilter filter(String site, String type, String subnet, String tag, String q) {
        List<FieldError> errors = new ArrayList<>();
        NodeFilter f = NodeGroups.filter(site, type, subnet, tag, errors);
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The filter is not valid", errors);
        }
        return new NodeFilter(f.site(), f.type(), f.subnet(), f.tag(), q);
    }

    private static NodeInput empty() {
        return new NodeInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static PowerView power(PowerReading r) {
        return new PowerView(r.state().name(), r.detail(), r.readAt());
    }

    static NodeView view(Node n) {
        return new NodeView(n.id(), n.name(), n.type().label(), n.site(), n.bmcAddress(), n.bmcPort(), n.bmcScheme(),
                n.credentialProfileId(), n.username(), n.passwordSecretId() != null, n.certSha256(), n.mac(), n.ip(), n.prefixLength(),
                n.verifyPort(), n.secureOnSecretId() != null, n.tags(), n.serviceTag(),
                new PowerView(n.powerState().name(), n.powerDetail(), n.powerReadAt()), n.createdAt(), n.updatedAt());
    }
}
