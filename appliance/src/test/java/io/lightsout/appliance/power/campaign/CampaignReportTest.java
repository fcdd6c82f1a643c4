package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.bmc.BmcException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignReportTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private final TargetState woken = TargetState.pending("pc-1").sent(WakeMethod.WOL, T0, "sent")
            .verified(T0.plusSeconds(90), "answered on tcp/445");
    private final TargetState up = TargetState.pending("srv-2").alreadyOn(T0.plusSeconds(5), "on");
    private final TargetState silent = TargetState.pending("=HYPERLINK(\"x\")")
            .attemptFailed(WakeMethod.BMC, T0, BmcException.Reason.TIMEOUT, "timed out, after 60s")
            .failed(FailureReason.NO_ANSWER, T0.plusSeconds(600), "timed out, after 60s");
    private final CampaignReport report = CampaignReport.of("night@" + T0, new Occurrence(T0, T0.plusSeconds(600)),
            List.of(woken, up, silent), T0.plusSeconds(601));

    @Test
    void countsReasonsAndRate() {
        assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 1).containsEntry(TargetStatus.ALREADY_ON, 1)
                .containsEntry(TargetStatus.FAILED, 1).containsEntry(TargetStatus.PENDING, 0);
        assertThat(report.failures()).containsExactlyEntriesOf(java.util.Map.of(FailureReason.NO_ANSWER, 1));
        assertThat(report.successRate()).isEqualTo(2 / 3.0);
    }

    @Test
    void theTimelineFollowsWhenNodesCameUp() {
        assertThat(report.timeline(Duration.ofMinutes(1))).extracting(CampaignReport.Point::succeeded)
                .containsExactly(0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        assertThat(report.timelineCsv(Duration.ofMinutes(5))).isEqualTo(
                "seconds_since_start,succeeded,success_rate\r\n0,0,0.0000\r\n300,2,0.6667\r\n600,2,0.6667\r\n");
    }

    @Test
    void csvIsQuotedAndDefusesFormulas() {
        String[] lines = report.toCsv(id -> id.equals("pc-1") ? "Desk 1" : id).split("\r\n");
        assertThat(lines[0]).isEqualTo("node,node_id,status,reason,method,attempts,last_attempt_at,done_at,power_off,"
                + "detail");
        assertThat(lines[1]).isEqualTo("Desk 1,pc-1,VERIFIED,,WOL,1,2026-11-24T01:00:00Z,2026-11-24T01:01:30Z,NONE,"
                + "answered on tcp/445");
        assertThat(lines[2]).startsWith("srv-2,srv-2,ALREADY_ON,,,0,,");
        assertThat(lines[3]).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",\"'=HYPERLINK(\"\"x\"\")\",FAILED,NO_ANSWER,BMC,1,"
                + "2026-11-24T01:00:00Z,2026-11-24T01:10:00Z,NONE,\"timed out, after 60s\"");
    }
}
