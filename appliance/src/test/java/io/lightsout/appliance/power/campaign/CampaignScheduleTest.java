package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final CampaignSchedule.Weekly tueThu = new CampaignSchedule.Weekly(
            Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(2, 0), Duration.ofHours(3), BERLIN);

    @Test
    void weeklyWindowsOpenAtLocalTimeInTheirZone() {
        // Monday 2026-11-23 12:00 UTC -> Tuesday 02:00 Berlin (CET, UTC+1) = 01:00 UTC
        assertThat(tueThu.next(Instant.parse("2026-11-23T12:00:00Z"))).contains(new Occurrence(
                Instant.parse("2026-11-24T01:00:00Z"), Instant.parse("2026-11-24T04:00:00Z")));
        // during Tuesday's window, that window is the answer
        assertThat(tueThu.next(Instant.parse("2026-11-24T03:59:59Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        // right after it closes, Thursday's
        assertThat(tueThu.next(Instant.parse("2026-11-24T04:00:00Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
    }

    @Test
    void aStartTimeSkippedByDaylightSavingMovesForwardAndTheLengthIsElapsedTime() {
        // 2027-03-28 is a Sunday; in Berlin 02:00-03:00 does not exist that night
        var sunday = new CampaignSchedule.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), Duration.ofHours(2),
                BERLIN);
        Occurrence o = sunday.next(Instant.parse("2027-03-27T12:00:00Z")).orElseThrow();
        assertThat(o.start()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z")); // 03:30 CEST
        assertThat(Duration.between(o.start(), o.deadline())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aSingleWindowIsOfferedUntilItsDeadline() {
        var once = new CampaignSchedule.Once(new Occurrence(Instant.parse("2026-11-24T01:00:00Z"),
                Instant.parse("2026-11-24T05:00:00Z")));
        assertThat(once.next(Instant.parse("2026-11-24T04:00:00Z"))).isPresent();
        assertThat(once.next(Instant.parse("2026-11-24T05:00:00Z"))).isEmpty();
    }

    @Test
    void badWindowsAreRefused() {
        assertThatThrownBy(() -> new CampaignSchedule.Weekly(Set.of(), LocalTime.NOON, Duration.ofHours(1), BERLIN))
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new CampaignSchedule.Weekly(Set.of(DayOfWeek.MONDAY), LocalTime.NOON,
                Duration.ZERO, BERLIN)).hasMessageContaining("window length");
    }
}
