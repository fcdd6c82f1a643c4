package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.power.campaign.AfterWindow;
import io.lightsout.appliance.power.campaign.CampaignSchedule;
import io.lightsout.appliance.power.campaign.CronExpression;
import io.lightsout.appliance.power.campaign.MethodRule;
import io.lightsout.appliance.power.campaign.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A wake campaign as stored: the window, the pacing and the {@link CampaignSelection} in {@code wake_campaigns.spec}
 * as {@code key=value} lines, the ids of an explicit node list in {@code wake_campaign_nodes}. The targets of each
 * window are resolved from the selection when it opens and kept with the window ({@link CampaignWindows}). For a
 * recurring campaign {@code start}/{@code deadline} are the current (or next) window and {@code lastStart} /
 * {@code lastDeadline} the one before it (null until one has run).
 */
public record CampaignDefinition(String id, String name, CampaignSelection selection, Instant start, Instant deadline,
                                 int retries, Duration retryDelay, double rate, Duration verifyInterval,
                                 Integer verifyPort, MethodRule method, AfterWindow after, String recurrence,
                                 ZoneId zone, Instant lastStart, Instant lastDeadline) {

    /** The schedule the engine runs: the current window once, or the cron recurrence. */
    public CampaignSchedule schedule() {
        Occurrence window = new Occurrence(start, deadline);
        return recurrence == null ? new CampaignSchedule.Once(window)
                : new CampaignSchedule.Cron(CronExpression.parse(recurrence), Duration.between(start, deadline), zone);
    }

    /** The definition moved on to the window after the current one, if the campaign recurs. */
    Optional<CampaignDefinition> nextWindow() {
        if (recurrence == null) {
            return Optional.empty();
        }
        // windows never overlap: the next one opens after this one's deadline
        return ((CampaignSchedule.Cron) schedule()).firstFrom(deadline).map(w -> new CampaignDefinition(id, name,
                selection, w.start(), w.deadline(), retries, retryDelay, rate, verifyInterval, verifyPort, method,
                after, recurrence, zone, start, deadline));
    }

    String encode() {
        return String.join("\n", "name=" + name.replace('\n', ' '), "start=" + start, "deadline=" + deadline,
                "retries=" + retries, "retryDelay=" + retryDelay, "rate=" + rate, "verifyInterval=" + verifyInterval,
                "verifyPort=" + (verifyPort == null ? "" : verifyPort), "method=" + method, "after=" + after,
                "recurrence=" + (recurrence == null ? "" : recurrence), "zone=" + zone,
                "lastStart=" + (lastStart == null ? "" : lastStart),
                "lastDeadline=" + (lastDeadline == null ? "" : lastDeadline), selection.encode());
    }

    /** @param listed the ids in {@code wake_campaign_nodes}: the nodes of an explicit list */
    static CampaignDefinition decode(String id, String text, List<String> listed) {
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            f.put(line.substring(0, eq), line.substring(eq + 1));
        }
        // campaigns stored before method/after/recurrence existed were one-time, AUTO, LEAVE_ON; before the selection
        // was kept, an explicit list (V201 carries them over as such)
        return new CampaignDefinition(id, f.get("name"), CampaignSelection.decode(f, listed), Instant.parse(f.get("start")),
                Instant.parse(f.get("deadline")), Integer.parseInt(f.get("retries")),
                Duration.parse(f.get("retryDelay")), Double.parseDouble(f.get("rate")),
                Duration.parse(f.get("verifyInterval")), blank(f.get("verifyPort")) ? null
                : Integer.valueOf(f.get("verifyPort")), MethodRule.valueOf(f.getOrDefault("method", "AUTO")),
                AfterWindow.valueOf(f.getOrDefault("after", "LEAVE_ON")),
                blank(f.get("recurrence")) ? null : f.get("recurrence"), ZoneId.of(f.getOrDefault("zone", "UTC")),
                blank(f.get("lastStart")) ? null : Instant.parse(f.get("lastStart")),
                blank(f.get("lastDeadline")) ? null : Instant.parse(f.get("lastDeadline")));
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
