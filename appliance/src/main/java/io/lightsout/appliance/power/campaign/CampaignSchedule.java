package io.lightsout.appliance.power.campaign;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** When a campaign's windows open. */
public sealed interface CampaignSchedule {

    /**
     * The window that is open at {@code now}, or else the next one to open; empty when there is none.
     */
    Optional<Occurrence> next(Instant now);

    /** A single window. */
    record Once(Occurrence window) implements CampaignSchedule {
        public Once {
            Objects.requireNonNull(window, "window");
        }

        @Override
        public Optional<Occurrence> next(Instant now) {
            return now.isBefore(window.deadline()) ? Optional.of(window) : Optional.empty();
        }
    }

    /**
     * A recurring window: on the given days at {@code start} local time in {@code zone} (the appliance's time zone,
     * always explicit), lasting {@code length}. A start time that a DST change skips moves forward by the gap;
     * the length is elapsed time, so a window across a DST change still lasts {@code length}.
     */
    record Weekly(Set<DayOfWeek> days, LocalTime start, Duration length, ZoneId zone) implements CampaignSchedule {
        public Weekly {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a recurring window needs at least one day");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            if (length == null || !length.isPositive() || length.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("window length must be in (0, 7 days], was " + length);
            }
        }

        @Override
        public Optional<Occurrence> next(Instant now) {
            LocalDate day = now.atZone(zone).toLocalDate().minusDays(7); // an earlier window may still be open
            for (int i = 0; i <= 15; i++, day = day.plusDays(1)) {
                if (!days.contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant opens = ZonedDateTime.of(day, start, zone).toInstant();
                Instant closes = opens.plus(length);
                if (now.isBefore(closes)) {
                    return Optional.of(new Occurrence(opens, closes));
                }
            }
            return Optional.empty(); // unreachable with a non-empty day set; kept for the contract
        }
    }

    /**
     * A recurring window opening at each time {@code cron} matches in {@code zone} (the appliance's time zone unless
     * the campaign names another, always explicit), lasting {@code length} of elapsed time.
     */
    record Cron(CronExpression cron, Duration length, ZoneId zone) implements CampaignSchedule {
        public Cron {
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(zone, "zone");
            if (length == null || !length.isPositive() || length.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("window length must be in (0, 7 days], was " + length);
            }
        }

        @Override
        public Optional<Occurrence> next(Instant now) {
            return cron.nextStart(now.minus(length), zone).map(s -> new Occurrence(s, s.plus(length)));
        }

        /** The first window that opens at or after {@code notBefore}. */
        public Optional<Occurrence> firstFrom(Instant notBefore) {
            return cron.nextStart(notBefore.minusNanos(1), zone).map(s -> new Occurrence(s, s.plus(length)));
        }
    }
}
