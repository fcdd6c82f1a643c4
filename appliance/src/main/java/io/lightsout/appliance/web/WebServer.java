package io.lightsout.appliance.web;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.xnio.Options;
import org.xnio.Sequence;

/**
 * The two web listeners: HTTPS (TLS 1.2/1.3, AEAD suites with forward secrecy) serving the REST API, health,
 * metrics and the static portal; plain HTTP answering only 308 redirects. HTTPS starts first and stops last.
 */
public final class WebServer implements AutoCloseable {
    /** TLS 1.3 suites, then TLS 1.2 ECDHE suites with AES-GCM or ChaCha20-Poly1305 (Mozilla "intermediate"). */
    public static final List<String> CIPHER_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final long MAX_BODY = 1024 * 1024;

    private final String bind;
    private final int httpsPortWanted;
    private final int httpPortWanted;
    private final SSLContext ssl;
    private final ResourceConfig api;
    private final String publicName;
    private final ClassLoader loader;
    private final UnaryOperator<HttpHandler> instrument;
    private DeploymentManager deployment;
    private Undertow https;
    private Undertow http;
    private volatile int httpsPort;
    private volatile int httpPort;

    /**
     * @param bind       address to bind
     * @param httpsPort  HTTPS port (0 = any free)
     * @param httpPort   HTTP redirect port (0 = any free)
     * @param publicName host the HTTP redirects point to, or empty for the request's (validated) Host header
     * @param ssl        server TLS context (protocols and suites are restricted here)
     * @param api        the Jersey application (resources under {@code api/v1}, {@code health}, {@code metrics})
     * @param loader     class loader holding the portal under {@code web/}
     * @param instrument wraps the HTTPS handler (request metrics)
     */
    public WebServer(String bind, int httpsPort, int httpPort, String publicName, SSLContext ssl, ResourceConfig api,
                     ClassLoader loader, UnaryOperator<HttpHandler> instrument) {
        this.bind = bind;
        this.httpsPortWanted = httpsPort;
        this.httpPortWanted = httpPort;
        this.publicName = publicName;
        this.ssl = ssl;
        this.api = api;
        this.loader = loader;
        this.instrument = instrument;
    }

    public void start() throws ServletException {
        DeploymentInfo di = Servlets.deployment().setClassLoader(loader).setContextPath("/")
                .setDeploymentName("lightsout-api").addServlet(Servlets.servlet("api", ServletContainer.class,
                        new ImmediateInstanceFactory<>(new ServletContainer(api))).addMapping("/*")
                        .setLoadOnStartup(1));
        deployment = Servlets.newContainer().addDeployment(di);
        deployment.deploy();
        HttpHandler apiHandler = deployment.start();
        HttpHandler routes = Handlers.path(new StaticPortal(loader)).addPrefixPath("/api", apiHandler)
                .addExactPath("/health", apiHandler).addExactPath("/metrics", apiHandler);
        https = Undertow.builder().addHttpsListener(httpsPortWanted, bind, ssl)
                .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(PROTOCOLS))
                .setSocketOption(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(CIPHER_SUITES))
                .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .setHandler(instrument.apply(new SecurityHeaders(routes))).build();
        listen(https, "https.port", httpsPortWanted);
        httpsPort = ((InetSocketAddress) https.getListenerInfo().getFirst().getAddress()).getPort();
        http = Undertow.builder().addHttpListener(httpPortWanted, bind)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setHandler(new HttpsRedirect(publicName, () -> httpsPort)).build();
        listen(http, "http.port", httpPortWanted);
        httpPort = ((InetSocketAddress) http.getListenerInfo().getFirst().getAddress()).getPort();
    }

    private void listen(Undertow server, String key, int port) {
        try {
            server.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot listen on " + bind + ":" + port + " (" + key + "): "
                    + cause.getMessage(), e);
        }
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop();
        }
        if (https != null) {
            https.stop();
        }
        if (deployment != null) {
            try {
                deployment.stop();
            } catch (ServletException e) {
                // stopping anyway
            }
            deployment.undeploy();
        }
    }
}
