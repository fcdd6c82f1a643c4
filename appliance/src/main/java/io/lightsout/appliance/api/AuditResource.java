package io.lightsout.appliance.api;

import io.lightsout.appliance.audit.AuditEntry;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.audit.AuditQuery;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The activity log, filtered and paged, newest first. */
@Path("api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public AuditPage find(@QueryParam("user") String user, @QueryParam("action") String action,
                          @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        AuditLog.Page p = audit.find(new AuditQuery(empty(user), empty(action), time("from", from), time("to", to),
                empty(q), page, size));
        return new AuditPage(p.items(), page, size, p.total());
    }

    private static String empty(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant time(String field, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApplianceException.BadRequest.field(field, "An ISO-8601 time such as 2026-01-31T22:00:00Z.");
        }
    }
}
