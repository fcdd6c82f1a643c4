package io.lightsout.appliance.metrics;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts HTTPS requests by method and status and records their duration (an Undertow decorator). */
public final class HttpMetrics {
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();

    public HttpMetrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Wraps a handler so that every completed exchange is counted. */
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            long t0 = System.nanoTime();
            exchange.addExchangeCompleteListener((ex, nextListener) -> {
                record(ex, System.nanoTime() - t0);
                nextListener.proceed();
            });
            next.handleRequest(exchange);
        };
    }

    private void record(HttpServerExchange ex, long nanos) {
        String method = ex.getRequestMethod().toString();
        if (!method.matches("[A-Z]{3,7}")) {
            method = "OTHER";
        }
        counts.computeIfAbsent(method + "|" + ex.getStatusCode(), k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
            }
        }
        count.increment();
        sumNanos.add(nanos);
    }

    void render(StringBuilder out) {
        out.append("# HELP lightsout_http_requests_total HTTPS requests answered, by method and status code.\n")
                .append("# TYPE lightsout_http_requests_total counter\n");
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split("\\|");
            out.append("lightsout_http_requests_total{method=\"").append(k[0]).append("\",code=\"").append(k[1])
                    .append("\"} ").append(e.getValue().sum()).append('\n');
        });
        out.append("# HELP lightsout_http_request_duration_seconds Time to answer HTTPS requests.\n")
                .append("# TYPE lightsout_http_request_duration_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append("lightsout_http_request_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(buckets[i].sum()).append('\n');
        }
        out.append("lightsout_http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n')
                .append("lightsout_http_request_duration_seconds_sum ").append(sumNanos.sum() / 1e9).append('\n')
                .append("lightsout_http_request_duration_seconds_count ").append(count.sum()).append('\n');
    }
}
