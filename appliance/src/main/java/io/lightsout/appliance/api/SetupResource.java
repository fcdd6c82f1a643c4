package io.lightsout.appliance.api;

import io.lightsout.appliance.security.AccountService;
import io.lightsout.appliance.security.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** First-boot setup: the admin and readonly passwords, accepted only while they are unset. */
@Path("api/v1/setup")
@Produces(MediaType.APPLICATION_JSON)
public final class SetupResource {
    private final AccountService accounts;

    public SetupResource(AccountService accounts) {
        this.accounts = accounts;
    }

    public record Status(boolean required) {
    }

    public record SetupRequest(String adminPassword, String readonlyPassword) {
    }

    @GET
    @Public
    public Status status() {
        return new Status(accounts.setupRequired());
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 204)
    public Response setup(SetupRequest body, @Context ContainerRequestContext rc) {
        SetupRequest b = body == null ? new SetupRequest(null, null) : body;
        accounts.setup(b.adminPassword(), b.readonlyPassword(), RequestContext.source(rc));
        return Response.noContent().build();
    }
}
