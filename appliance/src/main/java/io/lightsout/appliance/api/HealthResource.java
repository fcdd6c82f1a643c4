package io.lightsout.appliance.api;

import io.lightsout.appliance.security.Public;
import io.lightsout.appliance.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness for load balancers and monitoring: 200 when the database answers, else 503. No details leak. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final Database database;

    public HealthResource(Database database) {
        this.database = database;
    }

    public record Health(String status, Map<String, String> checks) {
    }

    @GET
    @Public
    @Returns(value = Health.class)
    public Response health() {
        boolean db = database.isUp();
        Health h = new Health(db ? "UP" : "DOWN", Map.of("database", db ? "UP" : "DOWN"));
        return Response.status(db ? 200 : 503).entity(h).build();
    }
}
