package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.power.campaign.AfterWindow;
import io.lightsout.appliance.power.campaign.CronExpression;
import io.lightsout.appliance.power.campaign.MethodRule;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A campaign as a caller asks for it. Exactly one of {@code group}, {@code nodeIds} or {@code all}.
 *
 * @param start          {@code now} (default) or an ISO-8601 instant
 * @param deadline       a duration after the start ({@code 2h}, {@code 90m}, {@code PT2H}; at most 7 days; default
 *                       {@code campaign.window}, 2h) or an instant
 * @param retries        more power-ons for nodes not seen on (0-20, default {@code campaign.retries}, 2)
 * @param retryDelay     between them (default {@code campaign.retry-delay}, 5m)
 * @param rate           power-ons and magic packets per second (default {@code campaign.rate}, 10)
 * @param verifyPort     TCP port that answers once a BMC-less node's OS is up (default: each node's own)
 * @param verifyInterval how often woken nodes are checked (default {@code campaign.verify-interval}, 10s)
 * @param method         {@code auto} (default: BMC power-on when the node has a BMC, else wake-on-LAN), {@code bmc}
 *                       or {@code wol} (forced for every node)
 * @param afterWindow    {@code leave-on} (default) or {@code power-off-woken}: once the window closes, shut down
 *                       gracefully the nodes this campaign woke (never those that were already on)
 * @param recurrence     a cron expression ({@code minute hour day-of-month month day-of-week}, e.g.
 *                       {@code 0 1 * * MON-FRI}) for a recurring window; {@code deadline} is then a duration after
 *                       each window's start and {@code start} the earliest time the first window may open
 * @param timeZone       the IANA zone the recurrence is read in (default the appliance's, {@code time-zone})
 */
public record CampaignInput(String name, String group, List<String> nodeIds, Boolean all, String start,
                            String deadline, Integer retries, String retryDelay, Double rate, Integer verifyPort,
                            String verifyInterval, String method, String afterWindow, String recurrence,
                            String timeZone) {

    /** Nothing given: every field takes its default (and the selection is then missing). */
    public static CampaignInput empty() {
        return new CampaignInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    MethodRule methodRule(List<FieldError> errors) {
        String m = method == null ? "auto" : method.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "auto" -> MethodRule.AUTO;
            case "bmc" -> MethodRule.FORCE_BMC;
            case "wol" -> MethodRule.FORCE_WOL;
            default -> {
                errors.add(new FieldError("method", "auto, bmc or wol."));
                yield MethodRule.AUTO;
            }
        };
    }

    AfterWindow after(List<FieldError> errors) {
        String a = afterWindow == null ? "leave-on" : afterWindow.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "leave-on" -> AfterWindow.LEAVE_ON;
            case "power-off-woken" -> AfterWindow.POWER_OFF_WOKEN;
            default -> {
                errors.add(new FieldError("afterWindow", "leave-on or power-off-woken."));
                yield AfterWindow.LEAVE_ON;
            }
        };
    }

    ZoneId zone(ZoneId applianceZone, List<FieldError> errors) {
        if (timeZone == null || timeZone.isBlank()) {
            return applianceZone;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "An IANA time zone such as Europe/Paris or UTC."));
            return applianceZone;
        }
    }

    /** The recurrence, or null for a one-time window. */
    CronExpression cron(List<FieldError> errors) {
        if (recurrence == null || recurrence.isBlank()) {
            return null;
        }
        try {
            return CronExpression.parse(recurrence);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("recurrence", e.getMessage() + " (minute hour day-of-month month day-of-week,"
                    + " e.g. 0 1 * * MON-FRI)."));
            return null;
        }
    }

    /** The length of each window of a recurring campaign: {@code deadline} as a duration, at most 7 days. */
    Duration windowLength(Duration window, List<FieldError> errors) {
        if (deadline != null && deadline.contains("T") && !deadline.strip().startsWith("P")) {
            errors.add(new FieldError("deadline", "With a recurrence the deadline is a duration after each window's"
                    + " start, such as 2h."));
            return window;
        }
        Duration d = duration(deadline, "deadline", errors, window);
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            errors.add(new FieldError("deadline", "A window lasts at most 7 days."));
        }
        return d;
    }

    Instant startAt(Clock clock, List<FieldError> errors) {
        if (start == null || start.isBlank() || start.strip().equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(start.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("start", "now or an ISO-8601 instant such as 2026-11-24T01:00:00Z."));
            return clock.instant();
        }
    }

    Instant deadlineAt(Instant from, Duration window, List<FieldError> errors) {
        if (deadline == null || deadline.isBlank()) {
            return from.plus(window);
        }
        String d = deadline.strip();
        if (d.contains("T") && !d.startsWith("P")) {
            try {
                Instant at = Instant.parse(d);
                if (!at.isAfter(from)) {
                    errors.add(new FieldError("deadline", "The deadline must be after the start."));
                    return from.plusSeconds(1);
                }
                return at;
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("deadline", "A duration such as 2h or an ISO-8601 instant."));
                return from.plusSeconds(1);
            }
        }
        Duration length = duration(d, "deadline", errors, window);
        if (length.compareTo(Duration.ofDays(7)) > 0) {
            errors.add(new FieldError("deadline", "A window lasts at most 7 days."));
        }
        return from.plus(length);
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT...}; positive. */
    static Duration duration(String text, String field, List<FieldError> errors, Duration dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.matches("\\d{1,7}(ms|s|m|h|d)")) {
                long n = Long.parseLong(t.replaceAll("\\D", ""));
                d = switch (t.replaceAll("\\d", "")) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                throw new DateTimeParseException("not a duration", t, 0);
            }
            if (!d.isPositive()) {
                throw new DateTimeParseException("not positive", t, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A positive duration such as 90s, 15m, 2h or PT2H."));
            return dflt;
        }
    }
}
