package io.lightsout.appliance.power.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.power.campaign.AfterWindow;
import io.lightsout.appliance.power.campaign.MethodRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignDefinitionTest {

    private static CampaignDefinition nightly() {
        return new CampaignDefinition("c-1", "nightly", new CampaignSelection.Nodes(List.of("n1", "n2")), Instant.parse("2026-11-24T02:00:00Z"),
                Instant.parse("2026-11-24T04:00:00Z"), 1, Duration.ofMinutes(2), 25.5, Duration.ofSeconds(5), 22,
                MethodRule.FORCE_WOL, AfterWindow.POWER_OFF_WOKEN, "0 3 * * MON-FRI", ZoneId.of("Europe/Paris"), null,
                null);
    }

    @Test
    void storedFormRoundTrips() {
        CampaignDefinition d = nightly();
        assertThat(CampaignDefinition.decode(d.id(), d.encode(), List.of("n1", "n2"))).isEqualTo(d);
        CampaignDefinition group = new CampaignDefinition(d.id(), d.name(), new CampaignSelection.Group("g-42",
                "night shift"), d.start(), d.deadline(), d.retries(), d.retryDelay(), d.rate(), d.verifyInterval(),
                d.verifyPort(), d.method(), d.after(), d.recurrence(), d.zone(), d.lastStart(), d.lastDeadline());
        assertThat(CampaignDefinition.decode(d.id(), group.encode(), List.of())).isEqualTo(group);
    }

    @Test
    void aCampaignStoredBeforeTheOptionsExistedIsOneTimeAutoLeaveOn() {
        String old = "name=x\nstart=2026-11-24T02:00:00Z\ndeadline=2026-11-24T04:00:00Z\nretries=2\nretryDelay=PT5M\n"
                + "rate=10.0\nverifyInterval=PT10S\nverifyPort=";
        CampaignDefinition d = CampaignDefinition.decode("c-2", old, List.of("n"));
        // it did not keep its group: an explicit list (as V201 carries it over)
        assertThat(d.selection()).isEqualTo(new CampaignSelection.Nodes(List.of("n")));
        assertThat(d.method()).isEqualTo(MethodRule.AUTO);
        assertThat(d.after()).isEqualTo(AfterWindow.LEAVE_ON);
        assertThat(d.recurrence()).isNull();
        assertThat(d.nextWindow()).isEmpty();
    }

    @Test
    void aRecurringCampaignMovesToTheNextWeekdayWindowAndKeepsTheLastOne() {
        // Tuesday 03:00 Paris -> Wednesday 03:00 Paris; the next window opens after this one's deadline
        CampaignDefinition next = nightly().nextWindow().orElseThrow();
        assertThat(next.start()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        assertThat(next.deadline()).isEqualTo(Instant.parse("2026-11-25T04:00:00Z"));
        assertThat(next.lastStart()).isEqualTo(nightly().start());
        assertThat(next.lastDeadline()).isEqualTo(nightly().deadline());
        assertThat(next.selection()).isEqualTo(nightly().selection());
        // Friday's window is followed by Monday's
        CampaignDefinition friday = new CampaignDefinition("c-1", "nightly", new CampaignSelection.All(),
                Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T04:00:00Z"), 1, Duration.ofMinutes(2),
                1, Duration.ofSeconds(5), null, MethodRule.AUTO, AfterWindow.LEAVE_ON, "0 3 * * MON-FRI",
                ZoneId.of("Europe/Paris"), null, null);
        assertThat(friday.nextWindow().orElseThrow().start()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }
}
