package io.lightsout.appliance.api;

import io.lightsout.appliance.security.AccountService;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
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
import java.time.Instant;
import java.util.List;

/** Accounts: the admin lists and manages them; everyone may change their own password. */
@Path("api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {
    private final AccountService accounts;
    private final java.time.Clock clock;

    public UserResource(AccountService accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public record UserView(String username, String role, boolean locked, Instant lastLoginAt) {
    }

    public record CreateUser(String username, String password, String role) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @GET
    @Allow(Role.ADMIN)
    public List<UserView> list() {
        Instant now = clock.instant();
        return accounts.list().stream().map(u -> new UserView(u.username(), u.role().id(),
                u.lockedUntil().isAfter(now), u.lastLoginAt())).toList();
    }

    @POST
    @Allow(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = UserView.class)
    public Response create(CreateUser body, @Context ContainerRequestContext rc) {
        CreateUser b = body == null ? new CreateUser(null, null, null) : body;
        accounts.createOperator(RequestContext.caller(rc), b.username(), b.password(), b.role(),
                RequestContext.source(rc));
        return Response.status(201).entity(new UserView(b.username(), "operator", false, null)).build();
    }

    @PUT
    @Path("{username}/password")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 204)
    public Response changePassword(@PathParam("username") String username, PasswordChange body,
                                   @Context ContainerRequestContext rc) {
        PasswordChange b = body == null ? new PasswordChange(null, null) : body;
        accounts.changePassword(RequestContext.caller(rc), username, b.currentPassword(), b.newPassword(),
                RequestContext.source(rc));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}")
    @Allow(Role.ADMIN)
    @Returns(status = 204)
    public Response delete(@PathParam("username") String username, @Context ContainerRequestContext rc) {
        accounts.delete(RequestContext.caller(rc), username, RequestContext.source(rc));
        return Response.noContent().build();
    }
}
