package io.lightsout.appliance.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Objects;

/** Adds the security headers to every HTTPS response (portal and API alike). */
public final class SecurityHeaders implements HttpHandler {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; "
            + "object-src 'none'";
    private final HttpHandler next;

    public SecurityHeaders(HttpHandler next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var h = exchange.getResponseHeaders();
        h.put(HttpString.tryFromString("Content-Security-Policy"), CSP);
        h.put(HttpString.tryFromString("Strict-Transport-Security"), "max-age=31536000");
        h.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        h.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
        h.put(HttpString.tryFromString("Referrer-Policy"), "no-referrer");
        h.put(HttpString.tryFromString("Cross-Origin-Opener-Policy"), "same-origin");
        h.put(HttpString.tryFromString("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
        next.handleRequest(exchange);
    }
}
