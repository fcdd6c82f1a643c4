package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.security.AccountService;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Caller;
import io.lightsout.appliance.security.Public;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.security.Session;
import io.lightsout.appliance.security.SessionStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Portal login and logout; the session travels in a Secure, HttpOnly, SameSite=Strict cookie. */
@Path("api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private final AccountService accounts;
    private final SessionStore sessions;

    public SessionResource(AccountService accounts, SessionStore sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public record LoginRequest(String username, String password) {
    }

    public record SessionView(String username, String role, String csrfToken, long idleTimeoutSeconds) {
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = SessionView.class)
    public Response login(LoginRequest body, @Context ContainerRequestContext rc) {
        LoginRequest b = body == null ? new LoginRequest(null, null) : body;
        Session s = accounts.login(b.username(), b.password(), RequestContext.source(rc));
        return Response.status(201).header(HttpHeaders.SET_COOKIE, AuthenticationFilter.COOKIE + "=" + s.id()
                        + "; Path=/; Secure; HttpOnly; SameSite=Strict")
                .entity(view(s.caller())).build();
    }

    @GET
    @Path("current")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public SessionView current(@Context ContainerRequestContext rc) {
        return view(sessionCaller(rc));
    }

    @DELETE
    @Path("current")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    @Returns(status = 204)
    public Response logout(@Context ContainerRequestContext rc) {
        accounts.logout(sessionCaller(rc), RequestContext.source(rc));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, AuthenticationFilter.COOKIE
                + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0").build();
    }

    private static Caller sessionCaller(ContainerRequestContext rc) {
        Caller c = RequestContext.caller(rc);
        if (!c.isSession()) {
            throw new ApplianceException.NotFound("API tokens have no session");
        }
        return c;
    }

    private SessionView view(Caller c) {
        return new SessionView(c.username(), c.role().id(), c.csrfToken(), sessions.idleTimeout().toSeconds());
    }
}
