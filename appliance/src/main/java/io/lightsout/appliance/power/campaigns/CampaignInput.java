package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.error.ApplianceException.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A campaign as a caller asks for it. Exactly one of {@code group}, {@code nodeIds} or {@code all}.
 *
 * @param start          {@code now} (default) or an ISO-8601 instant
 * @param deadline       a duration after the start ({@code 2h}, {@code 90m}, {@code PT2H}; default 2h) or an instant
 * @param retries        more power-ons for nodes not seen on (0-20, default 2)
 * @param retryDelay     between them (default 5m)
 * @param rate           power-ons and magic packets per second (default 10)
 * @param verifyPort     TCP port that answers once a BMC-less node's OS is up (default: each node's own)
 * @param verifyInterval how often woken nodes are checked (default 10s)
 */
public record CampaignInput(String name, String group, List<String> nodeIds, Boolean all, String start,
                            String deadline, Integer retries, String retryDelay, Double rate, Integer verifyPort,
                            String verifyInterval) {

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

    Instant deadlineAt(Instant from, List<FieldError> errors) {
        String d = deadline == null || deadline.isBlank() ? "2h" : deadline.strip();
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
        Duration length = duration(d, "deadline", errors, Duration.ofHours(2));
        return from.plus(length.compareTo(Duration.ofDays(7)) > 0 ? Duration.ofDays(7) : length);
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
