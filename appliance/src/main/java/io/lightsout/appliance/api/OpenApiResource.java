package io.lightsout.appliance.api;

import io.lightsout.appliance.security.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/openapi.json}: the API description, generated at start from the registered resources. */
@Path("api/v1/openapi.json")
public final class OpenApiResource {
    private final List<Class<?>> resources;
    private final String version;
    private volatile Map<String, Object> document;

    /**
     * The resource classes to describe (a record rather than a bare generic list, which Jersey's constructor
     * introspection warns about).
     */
    public record Routes(List<Class<?>> classes) {
    }

    /** @param routes every resource class served, including this one */
    public OpenApiResource(Routes routes, String version) {
        this.resources = List.copyOf(routes.classes());
        this.version = version;
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        Map<String, Object> d = document;
        if (d == null) {
            d = OpenApiDocument.build(resources, version);
            document = d;
        }
        return d;
    }
}
