package io.lightsout.appliance.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Follows one API resource (a job, a campaign) until it is final: polls it every {@code interval}, hands a progress
 * line to {@code out} each time the line changes, and returns the final document for the caller to print and turn
 * into an exit code. Each poll is one API call with the client's own timeout.
 *
 * @param client   the API client
 * @param path     the resource, e.g. {@code /api/v1/jobs/12}
 * @param interval time between polls (at least a second is used)
 */
public record ProgressWatch(ApiClient client, String path, Duration interval) {

    /**
     * @param done  whether a document is final
     * @param line  the progress line for a document
     * @param out   where changed lines go ({@code line -> {}} to stay quiet, e.g. for {@code --json})
     * @return the first final document
     */
    public JsonNode until(Predicate<JsonNode> done, Function<JsonNode, String> line, Consumer<String> out)
            throws IOException, InterruptedException {
        long sleepMs = Math.max(1000, interval.toMillis());
        String last = null;
        while (true) {
            JsonNode now = client.get(path);
            String l = line.apply(now);
            if (!l.equals(last)) {
                out.accept(l);
                last = l;
            }
            if (done.test(now)) {
                return now;
            }
            Thread.sleep(sleepMs);
        }
    }
}
