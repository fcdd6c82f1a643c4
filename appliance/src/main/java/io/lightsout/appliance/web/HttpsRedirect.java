package io.lightsout.appliance.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.IntSupplier;

/** The plain-HTTP listener's only handler: 308 to the same path on HTTPS; no content is ever served over HTTP. */
public final class HttpsRedirect implements HttpHandler {
    private static final String HOST = "[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]";
    private final String fallbackHost;
    private final IntSupplier httpsPort;

    /**
     * @param fallbackHost host used when the request's Host header is missing or malformed
     * @param httpsPort    the HTTPS port (read when redirecting, since it may be chosen at bind time)
     */
    public HttpsRedirect(String fallbackHost, IntSupplier httpsPort) {
        this.fallbackHost = fallbackHost;
        this.httpsPort = httpsPort;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String host = exchange.getHostName();
        if (host == null || !host.matches(HOST)) {
            host = fallbackHost;
        }
        int port = httpsPort.getAsInt();
        String query = exchange.getQueryString();
        String location = "https://" + host + (port == 443 ? "" : ":" + port) + exchange.getRequestPath()
                + (query == null || query.isEmpty() ? "" : "?" + query);
        exchange.setStatusCode(308);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }
}
