package io.lightsout.appliance.web;

import io.lightsout.appliance.config.HostNames;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The plain-HTTP listener's only handler: 308 to the same path on HTTPS; no content is ever served over HTTP.
 * The Location host is the configured public name, or else the request's Host header when it is a plain host name
 * or address: anything else (a missing, repeated or malformed Host) is a 400, so the header cannot steer the
 * redirect elsewhere or inject into the response.
 */
public final class HttpsRedirect implements HttpHandler {
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]*");
    private final String publicName;
    private final IntSupplier httpsPort;

    /**
     * @param publicName the host every redirect points to, or empty to take the (validated) Host header
     * @param httpsPort  the HTTPS port (read when redirecting, since it may be chosen at bind time)
     */
    public HttpsRedirect(String publicName, IntSupplier httpsPort) {
        if (!publicName.isEmpty() && HostNames.hostOfHeader(publicName) == null) {
            throw new IllegalArgumentException("not a host name or address: " + publicName);
        }
        this.publicName = publicName;
        this.httpsPort = httpsPort;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String host = publicName.isEmpty() ? requestHost(exchange) : publicName;
        String path = rawPath(exchange.getRequestURI());
        if (host == null || path == null) {
            exchange.setStatusCode(400);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
            exchange.getResponseSender().send("Bad request: use https:// and the appliance's name or address\n");
            return;
        }
        int port = httpsPort.getAsInt();
        String query = exchange.getQueryString();
        String location = "https://" + host + (port == 443 ? "" : ":" + port) + path
                + (query == null || query.isEmpty() || !VISIBLE.matcher(query).matches() ? "" : "?" + query);
        exchange.setStatusCode(308);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    /**
     * The path as the client sent it (still percent-encoded, so a decoded CR or LF can never reach the Location
     * header); an absolute-form target ({@code GET http://elsewhere/x}, RFC 9112 §3.2.2) keeps only its path.
     */
    private static String rawPath(String target) {
        String path = target;
        if (!path.startsWith("/")) {
            int authority = path.indexOf("://");
            if (authority < 0) {
                return null;
            }
            int slash = path.indexOf('/', authority + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return VISIBLE.matcher(path).matches() ? path : null;
    }

    private static String requestHost(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.HOST);
        return values == null || values.size() != 1 ? null : HostNames.hostOfHeader(values.getFirst());
    }
}
