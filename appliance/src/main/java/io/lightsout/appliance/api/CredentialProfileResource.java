package io.lightsout.appliance.api;

import io.lightsout.appliance.credentials.CredentialProfile;
import io.lightsout.appliance.credentials.CredentialProfiles;
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

/** Credential profiles (admin only). Passwords are write-only: accepted, never returned. */
@Path("api/v1/credential-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public final class CredentialProfileResource {
    private final CredentialProfiles profiles;

    public CredentialProfileResource(CredentialProfiles profiles) {
        this.profiles = profiles;
    }

    public record ProfileView(String id, String name, String type, String username, String domain, String url,
                              boolean passwordSet, Instant createdAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "ProfileView[" + name + "]";
        }
    }

    /** The request body; {@code toString} leaves the password out. */
    public record ProfileInput(String name, String type, String username, String password, String domain,
                               String url) {
        @Override
        public String toString() {
            return "ProfileInput[" + name + ", " + type + "]";
        }

        CredentialProfiles.Input input() {
            return new CredentialProfiles.Input(name, type, username, password, domain, url);
        }
    }

    @GET
    public List<ProfileView> list() {
        return profiles.list().stream().map(CredentialProfileResource::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = ProfileView.class)
    public Response create(ProfileInput body, @Context ContainerRequestContext rc) {
        ProfileInput b = body == null ? new ProfileInput(null, null, null, null, null, null) : body;
        CredentialProfile p = profiles.create(b.input(), RequestContext.caller(rc).username(),
                RequestContext.source(rc));
        return Response.status(201).entity(view(p)).build();
    }

    @GET
    @Path("{id}")
    public ProfileView get(@PathParam("id") String id) {
        return view(profiles.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileView update(@PathParam("id") String id, ProfileInput body, @Context ContainerRequestContext rc) {
        ProfileInput b = body == null ? new ProfileInput(null, null, null, null, null, null) : body;
        return view(profiles.update(id, b.input(), RequestContext.caller(rc).username(), RequestContext.source(rc)));
    }

    @DELETE
    @Path("{id}")
    @Returns(status = 204)
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext rc) {
        profiles.delete(id, RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.noContent().build();
    }

    private static ProfileView view(CredentialProfile p) {
        return new ProfileView(p.id(), p.name(), p.type(), p.username(), p.domain(), p.url(), p.passwordSet(),
                p.createdAt(), p.updatedAt());
    }
}
