package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;

/** What the authentication filter attaches to a request: the caller and the client's address. */
public final class RequestContext {
    static final String CALLER = "lightsout.caller";
    static final String SOURCE = "lightsout.source";

    private RequestContext() {
    }

    /** The authenticated caller (the authorization filter guarantees one on non-public methods). */
    public static Caller caller(ContainerRequestContext rc) {
        Object c = rc.getProperty(CALLER);
        if (c == null) {
            throw new ApplianceException.Unauthenticated("Log in first");
        }
        return (Caller) c;
    }

    /** The client's IP address, for the activity log. */
    public static String source(ContainerRequestContext rc) {
        Object s = rc.getProperty(SOURCE);
        return s == null ? null : s.toString();
    }
}
