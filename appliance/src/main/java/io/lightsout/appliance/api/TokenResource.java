package io.lightsout.appliance.api;

import io.lightsout.appliance.security.ApiToken;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.security.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** API tokens for scripts and the CLI (admin only); the token value is shown once. */
@Path("api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public final class TokenResource {
    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    public record TokenView(String id, String name, String role, Instant createdAt, Instant lastUsedAt) {
    }

    public record CreateToken(String name, String role) {
    }

    public record CreatedToken(String id, String name, String role, String token) {
    }

    @GET
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenResource::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = CreatedToken.class)
    public Response create(CreateToken body, @Context ContainerRequestContext rc) {
        CreateToken b = body == null ? new CreateToken(null, null) : body;
        TokenService.Created c = tokens.create(RequestContext.caller(rc).username(), b.name(), b.role(),
                RequestContext.source(rc));
        return Response.status(201).entity(new CreatedToken(c.id(), c.name(), c.role().id(), c.token())).build();
    }

    @DELETE
    @Path("{id}")
    @Returns(status = 204)
    public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        tokens.revoke(RequestContext.caller(rc).username(), id, RequestContext.source(rc));
        return Response.noContent().build();
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.id(), t.name(), t.role().id(), t.createdAt(), t.lastUsedAt());
    }
}
