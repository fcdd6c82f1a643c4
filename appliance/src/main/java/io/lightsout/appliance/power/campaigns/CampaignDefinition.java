package io.lightsout.appliance.power.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A wake campaign as stored in {@code wake_campaigns.spec}: the node ids fixed at creation, the window and the pacing.
 * Stored as {@code key=value} lines so a restart rebuilds exactly the same run.
 */
public record CampaignDefinition(String id, String name, List<String> nodeIds, Instant start, Instant deadline,
                                 int retries, Duration retryDelay, double rate, Duration verifyInterval,
                                 Integer verifyPort) {

    String encode() {
        return String.join("\n", "name=" + name.replace('\n', ' '), "nodes=" + String.join(",", nodeIds),
                "start=" + start, "deadline=" + deadline, "retries=" + retries, "retryDelay=" + retryDelay,
                "rate=" + rate, "verifyInterval=" + verifyInterval, "verifyPort=" + (verifyPort == null ? ""
                        : verifyPort));
    }

    static CampaignDefinition decode(String id, String text) {
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            f.put(line.substring(0, eq), line.substring(eq + 1));
        }
        String port = f.get("verifyPort");
        return new CampaignDefinition(id, f.get("name"), Arrays.stream(f.get("nodes").split(","))
                .filter(s -> !s.isEmpty()).toList(), Instant.parse(f.get("start")), Instant.parse(f.get("deadline")),
                Integer.parseInt(f.get("retries")), Duration.parse(f.get("retryDelay")),
                Double.parseDouble(f.get("rate")), Duration.parse(f.get("verifyInterval")),
                port.isEmpty() ? null : Integer.valueOf(port));
    }
}
