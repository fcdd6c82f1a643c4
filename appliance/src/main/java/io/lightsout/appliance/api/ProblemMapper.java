package io.lightsout.appliance.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ErrorReference;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: typed appliance errors map to their status, JSON errors to
 * 400, JAX-RS errors keep theirs, anything else is a 500 whose details go to the log, never to the client.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Problem p = switch (e) {
            case ApplianceException ae -> map(ae);
            case UnrecognizedPropertyException u -> problem(400, "bad-request", "Bad request",
                    "Unknown field '" + u.getPropertyName() + "'", List.of(new ApplianceException.FieldError(
                            u.getPropertyName(), "Unknown field.")));
            case JsonProcessingException j -> json(j);
            case ParamException.QueryParamException q -> problem(400, "bad-request", "Bad request",
                    "Query parameter '" + q.getParameterName() + "' has a value of the wrong form",
                    List.of(new ApplianceException.FieldError(q.getParameterName(), "Wrong form.")));
            case WebApplicationException w -> web(w);
            default -> problem(500, "internal", "Internal error", "The appliance could not complete the request: "
                    + ErrorReference.log(LOG, "answering a request", e), null);
        };
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static Problem map(ApplianceException e) {
        return switch (e) {
            case ApplianceException.BadRequest b -> problem(400, "bad-request", "Bad request", b.getMessage(),
                    b.errors().isEmpty() ? null : b.errors());
            case ApplianceException.Unauthenticated u -> problem(401, "unauthenticated", "Unauthenticated",
                    u.getMessage(), null);
            case ApplianceException.Forbidden f -> problem(403, "forbidden", "Forbidden", f.getMessage(), null);
            case ApplianceException.NotFound n -> problem(404, "not-found", "Not found", n.getMessage(), null);
            case ApplianceException.Conflict c -> problem(409, "conflict", "Conflict", c.getMessage(), null);
            case ApplianceException.Locked l -> problem(423, "locked", "Account locked", l.getMessage(), null);
            case ApplianceException.Unavailable u -> problem(503, "unavailable", "Unavailable", u.getMessage(), null);
        };
    }

    private static Problem web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type is not available";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type";
            default -> status >= 500 ? "The appliance could not complete the request" : "Bad request";
        };
        if (status >= 500) {
            detail += ": " + ErrorReference.log(LOG, "answering a request", w);
        }
        Response.StatusType st = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, st == null ? "Error" : st.getReasonPhrase(), detail, null);
    }

    /**
     * Jackson's own messages name Java classes and quote the input back; say where the problem is in the
     * caller's terms instead.
     */
    private static Problem json(JsonProcessingException j) {
        if (j instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(400, "bad-request", "Bad request", "Field '" + field
                    + "' has a value of the wrong type or form", List.of(new ApplianceException.FieldError(field,
                    "Wrong type or form.")));
        }
        JsonLocation at = j.getLocation();
        return problem(400, "bad-request", "Bad request", "The request body is not valid JSON for this operation"
                + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")"), null);
    }

    private static Problem problem(int status, String type, String title, String detail,
                                   List<ApplianceException.FieldError> errors) {
        return new Problem("urn:lightsout:problem:" + type, title, status, detail, errors);
    }
}
