package io.lightsout.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.cli.client.Trust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTPS calls to a test appliance (JDK HttpClient, certificate pinned), with session or token auth. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client;

    public Http(String base, String sha256) {
        this.base = base;
        this.client = HttpClient.newBuilder().sslContext(Trust.pinned(sha256)).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** How a request authenticates: a session (cookie + CSRF token), a bearer token, or nothing. */
    public record Auth(String cookie, String csrf, String bearer) {
        public static final Auth NONE = new Auth(null, null, null);

        public static Auth bearer(String token) {
            return new Auth(null, null, token);
        }

        /** The same session without its CSRF token. */
        public Auth withoutCsrf() {
            return new Auth(cookie, null, bearer);
        }
    }

    /** A response: status, headers and body. */
    public record Res(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Res get(String path, Auth auth) {
        return send("GET", path, null, null, auth);
    }

    public Res json(String method, String path, Object body, Auth auth) {
        try {
            return send(method, path, body == null ? null : body instanceof String s ? s
                    : JSON.writeValueAsString(body), "application/json", auth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Res send(String method, String path, String body, String contentType, Auth auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (auth.cookie() != null) {
            b.header("Cookie", auth.cookie());
        }
        if (auth.csrf() != null) {
            b.header("X-CSRF-Token", auth.csrf());
        }
        if (auth.bearer() != null) {
            b.header("Authorization", "Bearer " + auth.bearer());
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the session; fails the test when the login is refused. */
    public Auth login(String user, String password) {
        Res r = json("POST", "/api/v1/sessions", java.util.Map.of("username", user, "password", password), Auth.NONE);
        if (r.status() != 201) {
            throw new AssertionError("login of " + user + " answered " + r.status() + ": " + r.body());
        }
        String setCookie = r.header("set-cookie");
        return new Auth(setCookie.substring(0, setCookie.indexOf(';')), r.json().path("csrfToken").asText(), null);
    }
}
