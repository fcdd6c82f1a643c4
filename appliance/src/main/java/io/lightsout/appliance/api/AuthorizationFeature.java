package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Caller;
import io.lightsout.appliance.security.Public;
import io.lightsout.appliance.security.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Declarative access control: each resource method's {@link Allow} roles (or {@link Public}) become one filter.
 * Mutating requests authenticated by the session cookie must also carry the session's CSRF token in
 * {@code X-CSRF-Token}. A resource method with neither annotation stops start-up (fail closed).
 */
public final class AuthorizationFeature implements DynamicFeature {
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * The roles a method allows, or null when it is public: the method's own {@link Public} or {@link Allow}
     * first, then the class's. Throws when neither declares anything.
     */
    public static Set<Role> rolesOf(Class<?> type, Method m) {
        for (java.lang.reflect.AnnotatedElement e : new java.lang.reflect.AnnotatedElement[] {m, type}) {
            if (e.isAnnotationPresent(Public.class)) {
                return null;
            }
            Allow allow = e.getAnnotation(Allow.class);
            if (allow != null) {
                return EnumSet.copyOf(java.util.List.of(allow.value()));
            }
        }
        throw new IllegalStateException("REST method " + type.getSimpleName() + "." + m.getName()
                + " declares neither @Allow nor @Public");
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        if (info.getResourceClass() == null || !info.getResourceClass().getName().startsWith("io.lightsout.")) {
            return; // Jersey's generated OPTIONS handlers: they answer only the allowed methods
        }
        Set<Role> roles = rolesOf(info.getResourceClass(), info.getResourceMethod());
        if (roles != null) {
            context.register(new Check(roles));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {
        private final Set<Role> roles;

        Check(Set<Role> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext rc) {
            Caller caller = (Caller) rc.getProperty(RequestContext.CALLER);
            if (caller == null) {
                throw new ApplianceException.Unauthenticated("Log in first (session expired or missing) or send "
                        + "an API token");
            }
            if (!roles.contains(caller.role())) {
                throw new ApplianceException.Forbidden("The " + caller.role().id() + " role may not do this");
            }
            String method = rc.getMethod();
            boolean mutating = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
            if (mutating && caller.isSession()) {
                String sent = rc.getHeaderString(CSRF_HEADER);
                if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                        caller.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                    throw new ApplianceException.Forbidden("Missing or wrong " + CSRF_HEADER + " header");
                }
            }
        }
    }
}
