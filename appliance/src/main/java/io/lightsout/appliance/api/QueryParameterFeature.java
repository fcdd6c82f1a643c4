package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses query parameters a resource method does not declare, with a 400 naming them: a misspelt filter
 * ({@code ?usr=bob}) would otherwise be ignored and answer with everything, which looks like a correct answer.
 * The allowed names are read once per method from its {@link QueryParam} annotations.
 */
public final class QueryParameterFeature implements DynamicFeature {

    /** The query parameter names {@code m} declares. */
    static Set<String> declared(Method m) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : m.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        if (info.getResourceClass() == null || !info.getResourceClass().getName().startsWith("io.lightsout.")) {
            return; // Jersey's generated OPTIONS handlers
        }
        context.register(new Check(declared(info.getResourceMethod())));
    }

    // after authentication and authorization: an anonymous caller learns nothing about the parameters
    @Priority(Priorities.USER)
    private static final class Check implements ContainerRequestFilter {
        private final Set<String> allowed;

        Check(Set<String> allowed) {
            this.allowed = Set.copyOf(allowed);
        }

        @Override
        public void filter(ContainerRequestContext rc) {
            List<ApplianceException.FieldError> unknown = new ArrayList<>();
            for (String name : new TreeSet<>(rc.getUriInfo().getQueryParameters().keySet())) {
                if (!allowed.contains(name)) {
                    unknown.add(new ApplianceException.FieldError(show(name), allowed.isEmpty()
                            ? "This operation takes no query parameters."
                            : "Unknown query parameter; this operation takes " + String.join(", ",
                            new TreeSet<>(allowed)) + "."));
                }
            }
            if (!unknown.isEmpty()) {
                throw new ApplianceException.BadRequest("Unknown query parameter" + (unknown.size() > 1 ? "s" : "")
                        + " " + String.join(", ", unknown.stream().map(e -> "'" + e.field() + "'")
                        .toList()), unknown);
            }
        }

        private static String show(String name) {
            return name.length() > 64 ? name.substring(0, 64) + "…" : name;
        }
    }
}
