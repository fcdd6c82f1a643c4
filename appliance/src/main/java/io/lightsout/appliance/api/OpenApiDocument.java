package io.lightsout.appliance.api;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates the OpenAPI 3.1 document from the registered resource classes (JAX-RS annotations, record types,
 * {@code @Allow}/{@code @Public} as {@code x-roles}), so the document cannot drift from the routes.
 */
public final class OpenApiDocument {
    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {
    }

    /** Builds the document for these resource classes. */
    public static Map<String, Object> build(List<Class<?>> resources, String version) {
        OpenApiDocument d = new OpenApiDocument();
        Map<String, Object> paths = new TreeMap<>();
        for (Class<?> type : resources) {
            String base = type.getAnnotation(Path.class).value();
            List<Method> methods = Arrays.stream(type.getMethods()).filter(OpenApiDocument::httpMethod)
                    .sorted(Comparator.comparing(Method::getName)).toList();
            for (Method m : methods) {
                String path = "/" + base + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class)
                        .value() : "");
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path.replace("//", "/"),
                        k -> new TreeMap<>());
                item.put(verb(m), d.operation(type, m));
            }
        }
        d.schemas.put("Problem", Map.of("type", "object", "properties", Map.of("type", str(), "title", str(),
                "status", Map.of("type", "integer"), "detail", str(), "errors", Map.of("type", "array", "items",
                        Map.of("type", "object", "properties", Map.of("field", str(), "message", str()))))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "lightsout appliance API", "version", version, "description",
                "Errors are application/problem+json. Portal calls authenticate with the LIGHTSOUT_SESSION cookie "
                        + "and send X-CSRF-Token on every mutating request; scripts use Authorization: Bearer. "
                        + "x-roles lists the roles allowed to call an operation."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", d.schemas, "securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", AuthenticationFilter.COOKIE),
                "bearer", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("session", List.of()), Map.of("bearer", List.of())));
        return doc;
    }

    private static boolean httpMethod(Method m) {
        return m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class);
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        return m.isAnnotationPresent(PUT.class) ? "put" : "delete";
    }

    private Map<String, Object> operation(Class<?> type, Method m) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", Character.toLowerCase(type.getSimpleName().charAt(0))
                + type.getSimpleName().substring(1).replace("Resource", "") + "_" + m.getName());
        op.put("tags", List.of(type.getSimpleName().replace("Resource", "")));
        Set<Role> roles = AuthorizationFeature.rolesOf(type, m);
        if (roles == null) {
            op.put("security", List.of());
            op.put("x-roles", List.of("public"));
        } else {
            op.put("x-roles", roles.stream().map(Role::id).toList());
        }
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                params.add(Map.of("name", p.getAnnotation(PathParam.class).value(), "in", "path", "required", true,
                        "schema", schema(p.getParameterizedType())));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                Map<String, Object> s = new LinkedHashMap<>(schema(p.getParameterizedType()));
                if (p.isAnnotationPresent(DefaultValue.class)) {
                    s.put("default", p.getAnnotation(DefaultValue.class).value());
                }
                params.add(Map.of("name", p.getAnnotation(QueryParam.class).value(), "in", "query", "schema", s));
            } else if (!p.isAnnotationPresent(Context.class)) {
                String media = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class).value()[0]
                        : "application/json";
                Map<String, Object> content = new LinkedHashMap<>();
                for (String mt : m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class).value()
                        : new String[] {media}) {
                    content.put(mt, Map.of("schema", schema(p.getParameterizedType())));
                }
                op.put("requestBody", Map.of("required", true, "content", content));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        op.put("responses", responses(type, m));
        return op;
    }

    private Map<String, Object> responses(Class<?> type, Method m) {
        Map<String, Object> responses = new LinkedHashMap<>();
        int status = 200;
        int[] also = {};
        Type body = m.getGenericReturnType();
        if (m.getReturnType() == Response.class) {
            Returns r = m.getAnnotation(Returns.class);
            if (r == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + m.getName() + " returns a Response "
                        + "without @Returns");
            }
            status = r.status();
            body = r.value();
            also = r.also();
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "Success");
        if (body != Void.class && body != void.class) {
            String media = produces(type, m);
            ok.put("content", Map.of(media, Map.of("schema", schema(body))));
        }
        responses.put(String.valueOf(status), ok);
        for (int other : also) {
            Map<String, Object> same = new LinkedHashMap<>(ok);
            same.put("description", "Answered with the same body (" + other + ")");
            responses.put(String.valueOf(other), same);
        }
        responses.put("default", Map.of("description", "Problem", "content", Map.of(Problem.MEDIA_TYPE,
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        return responses;
    }

    private static String produces(Class<?> type, Method m) {
        Produces p = m.isAnnotationPresent(Produces.class) ? m.getAnnotation(Produces.class)
                : type.getAnnotation(Produces.class);
        return p == null ? "application/json" : p.value()[0];
    }

    private Map<String, Object> schema(Type t) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(pt.getActualTypeArguments()[1]));
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return str();
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", c == long.class || c == Long.class ? "int64" : "int32");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> props = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.put(rc.getName(), schema(rc.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", props));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "string", "format", "binary");
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }
}
