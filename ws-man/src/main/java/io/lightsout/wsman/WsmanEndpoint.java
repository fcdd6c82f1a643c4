package io.lightsout.wsman;

import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to talk to one BMC. Build with {@link #builder(URI, Credentials)}.
 *
 * @param url the WS-Man URL, e.g. {@code https://10.0.0.5/wsman} or {@code http://10.0.0.6:16992/wsman}
 * @param credentials the account
 * @param auth how to authenticate
 * @param trust how to trust the certificate (https only)
 * @param connectTimeout TCP + TLS connect timeout
 * @param responseTimeout time allowed for the response after the request is sent
 * @param operationTimeout the {@code wsman:OperationTimeout} asked of the device (kept below responseTimeout)
 * @param maxRetries extra attempts for transient failures of idempotent requests
 * @param retryBackoff pause before a retry
 * @param maxResponseBytes responses larger than this are refused
 * @param maxEnvelopeSize the {@code wsman:MaxEnvelopeSize} asked of the device
 * @param lenientXml strip characters XML forbids and retry the parse once (iDRAC inventory strings)
 */
public record WsmanEndpoint(URI url, Credentials credentials, AuthScheme auth, TrustPolicy trust,
                            Duration connectTimeout, Duration responseTimeout, Duration operationTimeout,
                            int maxRetries, Duration retryBackoff, long maxResponseBytes, int maxEnvelopeSize,
                            boolean lenientXml) {

    public WsmanEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(auth, "auth");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("WS-Man URL must be http(s)://host[:port]/path: " + url);
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("credentials do not belong in the URL");
        }
        if ("https".equals(scheme)) {
            Objects.requireNonNull(trust, "an https endpoint needs a trust policy");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(operationTimeout, "operationTimeout");
        if (maxRetries < 0 || maxRetries > 5 || maxResponseBytes < 1024 || maxEnvelopeSize < 8192) {
            throw new IllegalArgumentException("maxRetries 0..5, maxResponseBytes >= 1024, maxEnvelopeSize >= 8192");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive (timeouts are never disabled)");
        }
    }

    /** The port, defaulted from the scheme. */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** The URL as shown in errors and logs. */
    public String display() {
        return url.toString();
    }

    public static Builder builder(URI url, Credentials credentials) {
        return new Builder(url, credentials);
    }

    /** Defaults: Digest for http (AMT), Basic for https (iDRAC), 5 s connect, 60 s response, 1 retry, 8 MiB. */
    public static final class Builder {
        private final URI url;
        private final Credentials credentials;
        private AuthScheme auth;
        private TrustPolicy trust;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private Duration operationTimeout;
        private int maxRetries = 1;
        private Duration retryBackoff = Duration.ofMillis(500);
        private long maxResponseBytes = 8L << 20;
        private int maxEnvelopeSize = 512_000;
        private boolean lenientXml = true;

        private Builder(URI url, Credentials credentials) {
            this.url = url;
            this.credentials = credentials;
        }

        public Builder auth(AuthScheme a) {
            auth = a;
            return this;
        }

        public Builder trust(TrustPolicy t) {
            trust = t;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        public Builder responseTimeout(Duration d) {
            responseTimeout = d;
            return this;
        }

        public Builder operationTimeout(Duration d) {
            operationTimeout = d;
            return this;
        }

        public Builder maxRetries(int n) {
            maxRetries = n;
            return this;
        }

        public Builder retryBackoff(Duration d) {
            retryBackoff = d;
            return this;
        }

        public Builder maxResponseBytes(long n) {
            maxResponseBytes = n;
            return this;
        }

        public Builder maxEnvelopeSize(int n) {
            maxEnvelopeSize = n;
            return this;
        }

        public Builder lenientXml(boolean b) {
            lenientXml = b;
            return this;
        }

        public WsmanEndpoint build() {
            AuthScheme a = auth != null ? auth : "https".equals(url.getScheme()) ? AuthScheme.BASIC : AuthScheme.DIGEST;
            Duration op = operationTimeout != null ? operationTimeout
                    : responseTimeout.compareTo(Duration.ofSeconds(2)) > 0 ? responseTimeout.minusSeconds(1)
                    : responseTimeout;
            return new WsmanEndpoint(url, credentials, a, trust, connectTimeout, responseTimeout, op, maxRetries,
                    retryBackoff, maxResponseBytes, maxEnvelopeSize, lenientXml);
        }
    }
}
