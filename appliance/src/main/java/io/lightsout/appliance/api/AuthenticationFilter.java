package io.lightsout.appliance.api;

import io.lightsout.appliance.security.Caller;
import io.lightsout.appliance.security.Session;
import io.lightsout.appliance.security.SessionStore;
import io.lightsout.appliance.security.TokenService;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Finds who is calling: a bearer token ({@code Authorization: Bearer lo_...}) or the portal's session cookie.
 * It never refuses a request itself; {@link AuthorizationFeature} decides per method.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    public static final String COOKIE = "LIGHTSOUT_SESSION";
    private final SessionStore sessions;
    private final TokenService tokens;
    @Context
    private HttpServletRequest servletRequest;

    public AuthenticationFilter(SessionStore sessions, TokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext rc) {
        rc.setProperty(RequestContext.SOURCE, servletRequest.getRemoteAddr());
        String auth = rc.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = tokens.authenticate(auth.substring(7).strip());
        } else {
            Cookie c = rc.getCookies().get(COOKIE);
            caller = sessions.touch(c == null ? null : c.getValue()).map(Session::caller);
        }
        caller.ifPresent(value -> rc.setProperty(RequestContext.CALLER, value));
    }
}
