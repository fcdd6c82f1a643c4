package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant next(String cron, String after, ZoneId zone) {
        return CronExpression.parse(cron).nextStart(Instant.parse(after), zone).orElseThrow();
    }

    @Test
    void weekdaysAtOneInTheMorningInTheGivenZone() {
        // Monday 2026-11-23 12:00 UTC: next 01:00 Paris (CET, UTC+1) on a weekday is Tuesday 00:00 UTC
        assertThat(next("0 1 * * MON-FRI", "2026-11-23T12:00:00Z", PARIS))
                .isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        // Friday 2026-11-27 after 01:00 Paris -> Monday 2026-11-30
        assertThat(next("0 1 * * 1-5", "2026-11-27T00:00:00Z", PARIS))
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        // strictly after: a match at the instant itself is not returned
        assertThat(next("30 2 * * *", "2026-11-23T02:30:00Z", UTC)).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
    }

    @Test
    void listsStepsRangesAndNames() {
        assertThat(next("*/15 * * * *", "2026-11-23T10:07:00Z", UTC)).isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
        assertThat(next("0 22,2 * * *", "2026-11-23T03:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
        assertThat(next("0 0 1 jan,jul *", "2026-11-23T00:00:00Z", UTC)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(next("0 3 * * 7", "2026-11-23T00:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-29T03:00:00Z"));
        assertThat(next("0 0 10-20/5 * *", "2026-11-16T00:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void bothDayFieldsRestrictedMatchEitherAsInVixieCron() {
        // the 1st of the month OR a Monday: after Tuesday 2026-11-24 the next is Monday 11-30, then Tuesday 12-01
        assertThat(next("0 0 1 * MON", "2026-11-24T00:00:00Z", UTC)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(next("0 0 1 * MON", "2026-11-30T00:00:00Z", UTC)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void leapDayAndDaylightSavingGap() {
        assertThat(next("0 0 29 2 *", "2026-11-23T00:00:00Z", UTC)).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        // 2027-03-28 02:30 does not exist in Paris: it moves forward by the gap to 03:30 CEST = 01:30 UTC
        assertThat(next("30 2 * * *", "2027-03-27T12:00:00Z", PARIS)).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aRecurringScheduleOffersTheOpenWindowThenTheNext() {
        var s = new CampaignSchedule.Cron(CronExpression.parse("0 1 * * *"), Duration.ofHours(3), UTC);
        assertThat(s.next(Instant.parse("2026-11-24T02:00:00Z"))).contains(new Occurrence(
                Instant.parse("2026-11-24T01:00:00Z"), Instant.parse("2026-11-24T04:00:00Z")));
        assertThat(s.next(Instant.parse("2026-11-24T04:00:00Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
        assertThat(s.firstFrom(Instant.parse("2026-11-24T01:00:00Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    }

    @Test
    void badExpressionsNameTheField() {
        assertThatThrownBy(() -> CronExpression.parse("0 1 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronExpression.parse("60 1 * * *")).hasMessageContaining("minute field '60'");
        assertThatThrownBy(() -> CronExpression.parse("0 24 * * *")).hasMessageContaining("hour field");
        assertThatThrownBy(() -> CronExpression.parse("0 1 * FOO *")).hasMessageContaining("month field 'FOO'");
        assertThatThrownBy(() -> CronExpression.parse("0 1 * * 5-1")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> CronExpression.parse("0 1 30 2 *")).hasMessageContaining("never matches");
        assertThatThrownBy(() -> CronExpression.parse("0 1 * * */0")).hasMessageContaining("day of week");
    }
}
