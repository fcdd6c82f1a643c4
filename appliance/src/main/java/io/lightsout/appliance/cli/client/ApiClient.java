package io.lightsout.appliance.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A small client of the appliance REST API for CLI commands: JDK HttpClient, per-client TLS trust, bearer token,
 * explicit timeouts, problem+json turned into {@link ApiException} with the server's own words.
 */
public final class ApiClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base  the appliance URL, e.g. {@code https://appliance.example.com}
     * @param token an API token, or null for public calls
     * @param ssl   trust for the appliance certificate ({@link Trust})
     */
    public ApiClient(URI base, String token, SSLContext ssl) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An error answer of the appliance, or a transport failure (status 0). */
    public static final class ApiException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public ApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public JsonNode get(String path) throws IOException {
        return json(send("GET", path, null));
    }

    public JsonNode post(String path, Object body) throws IOException {
        return json(send("POST", path, body));
    }

    public JsonNode delete(String path) throws IOException {
        return json(send("DELETE", path, null));
    }

    /** Sends a request; returns the body text of a 2xx answer; throws {@link ApiException} otherwise. */
    public String send(String method, String path, Object body) throws IOException {
        return body == null ? sendText(method, path, null, null)
                : sendText(method, path, json.writeValueAsString(body), "application/json");
    }

    /** Sends a request with a text body of {@code contentType} (CSV, say), or none when {@code text} is null. */
    public String sendText(String method, String path, String text, String contentType) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, text/csv");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (text != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted");
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new ApiException(0, "TLS: the appliance certificate is not trusted (" + e.getMessage()
                    + "); use --ca FILE or --trust-fingerprint SHA256");
        } catch (IOException e) {
            throw new ApiException(0, "cannot reach " + base + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (r.statusCode() / 100 != 2) {
            throw new ApiException(r.statusCode(), problem(r));
        }
        return r.body();
    }

    private String problem(HttpResponse<String> r) {
        try {
            JsonNode p = json.readTree(r.body());
            String detail = p.path("detail").asText(p.path("title").asText("HTTP " + r.statusCode()));
            StringBuilder sb = new StringBuilder(detail);
            p.path("errors").forEach(e -> sb.append("; ").append(e.path("field").asText()).append(": ")
                    .append(e.path("message").asText()));
            return sb.toString();
        } catch (IOException e) {
            return "HTTP " + r.statusCode();
        }
    }

    private JsonNode json(String body) throws IOException {
        return body == null || body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
