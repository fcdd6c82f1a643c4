package io.lightsout.appliance.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * Serves the portal: static files on the class path under {@code web/}, {@code /} → {@code web/index.html}. HTML is
 * revalidated on every load (so an upgrade shows at once); other assets may be cached for five minutes.
 */
public final class StaticPortal implements HttpHandler {
    private final ResourceHandler resources;

    public StaticPortal(ClassLoader loader) {
        this.resources = new ResourceHandler(new ClassPathResourceManager(loader, "web"))
                .setWelcomeFiles("index.html").setDirectoryListingEnabled(false);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.setStatusCode(405);
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            exchange.endExchange();
            return;
        }
        String path = exchange.getRelativePath();
        boolean html = path.endsWith("/") || path.endsWith(".html");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, html ? "no-cache" : "public, max-age=300");
        resources.handleRequest(exchange);
    }
}
