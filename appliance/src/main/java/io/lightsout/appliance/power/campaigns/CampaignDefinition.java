package io.lightsout.appliance.power.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A wake campaign as stored: the window and the pacing in {@code wake_campaigns.spec} as {@code key=value} lines, the
 * node ids fixed at creation in {@code wake_campaign_nodes}, so a restart rebuilds exactly the same run.
 */
public record CampaignDefinition(String id, String name, List<String> nodeIds, Instant start, Instant deadline,
                                 int retries, Duration retryDelay, double rate, Duration verifyInterval,
                                 Integer verifyPort) {

    String encode() {
        return String.join("\n", "name=" + name.replace('\n', ' '), "start=" + start, "deadline=" + deadline, "retries=" + retries, "retryDelay=" + retryDelay,
                "rate=" + rate, "verifyInterval=" + verifyInterval, "verifyPort=" + (verifyPort == null ? ""
                        : verifyPort));
    }

    static CampaignDefinition decode(String id, String text, List<String> nodeIds) {
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            f.put(line.substring(0, eq), line.substring(eq + 1));
        }
        String port = f.get("verifyPort");
        return new CampaignDefinition(id, f.get("name"), nodeIds, Instant.parse(f.get("start")), Instant.parse(f.get("deadline")),
                Integer.parseInt(f.get("retries")), Duration.parse(f.get("retryDelay")),
                Double.parseDouble(f.get("rate")), Duration.parse(f.get("verifyInterval")),
                port.isEmpty() ? null : Integer.valueOf(port));
    }
}
