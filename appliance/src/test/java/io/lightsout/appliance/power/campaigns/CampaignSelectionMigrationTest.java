package io.lightsout.appliance.power.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.power.campaigns.Campaigns.Campaign;
import io.lightsout.appliance.power.campaigns.Campaigns.WindowReport;
import io.lightsout.appliance.power.campaign.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before campaigns kept their selection (migrated up to V200, campaigns with their node list fixed
 * at creation) opened by this version: V201 carries the campaigns over as explicit lists, the window a done
 * campaign ran keeps that list, and a recurring campaign's previous window is reported with it.
 */
class CampaignSelectionMigrationTest {

    private static final Instant RAN = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void campaignsFromBeforeBecomeExplicitListsAndKeepTheirWindowsLists() throws Exception {
        Path data = Files.createTempDirectory("campaign-v201-");
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("lightsout").toAbsolutePath();
        try {
            Flyway.configure().dataSource(url, "lightsout", "").locations("classpath:db/migration").target("200")
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(url, "lightsout", "");
                 Statement s = c.createStatement()) {
                for (String n : List.of("n1", "n2")) {
                    s.execute("INSERT INTO nodes (id, name, type, site, mac, created_at, updated_at) VALUES ('" + n
                            + "', 'pc-" + n + "', 'WOL_ONLY', 'default', '02:00:00:00:00:0" + n.charAt(1) + "', 0, 0)");
                }
                String spec = "name=old\nstart=" + RAN + "\ndeadline=" + RAN.plusSeconds(7200) + "\nretries=2\n"
                        + "retryDelay=PT5M\nrate=10.0\nverifyInterval=PT10S\nverifyPort=";
                s.execute("INSERT INTO wake_campaigns (id, name, spec, state, window_start, window_deadline,"
                        + " created_by, created_at) VALUES ('c-done', 'old', '" + spec + "', 'DONE', "
                        + RAN.toEpochMilli() + ", " + RAN.plusSeconds(7200).toEpochMilli() + ", 'admin', 0)");
                String recurring = spec.replace(RAN.toString(), NEXT.toString()).replace(
                        RAN.plusSeconds(7200).toString(), NEXT.plusSeconds(7200).toString())
                        + "\nrecurrence=0 1 * * *\nzone=UTC\nlastStart=" + RAN + "\nlastDeadline="
                        + RAN.plusSeconds(7200);
                s.execute("INSERT INTO wake_campaigns (id, name, spec, state, window_start, window_deadline,"
                        + " created_by, created_at) VALUES ('c-nightly', 'nightly', '" + recurring + "', 'SCHEDULED', "
                        + NEXT.toEpochMilli() + ", " + NEXT.plusSeconds(7200).toEpochMilli() + ", 'admin', 0)");
                for (String id : List.of("c-done", "c-nightly")) {
                    s.execute("INSERT INTO wake_campaign_nodes VALUES ('" + id + "', 0, 'n2')");
                    s.execute("INSERT INTO wake_campaign_nodes VALUES ('" + id + "', 1, 'n1')");
                }
            }
            try (TestAppliance t = TestAppliance.start(data, false, Clock.systemUTC(), Map.of())) {
                Campaigns campaigns = t.appliance().campaigns();
                Campaign done = campaigns.get("c-done");
                assertThat(done.definition().selection()).isEqualTo(new CampaignSelection.Nodes(List.of("n2", "n1")));
                WindowReport ran = campaigns.report(done);
                assertThat(ran.targets().atWindowOpen()).isTrue();
                assertThat(ran.targets().resolvedAt()).isEqualTo(RAN);
                assertThat(ids(ran)).containsExactly("n2", "n1");

                Campaign nightly = campaigns.get("c-nightly");
                WindowReport last = campaigns.lastReport(nightly).orElseThrow();
                assertThat(last.targets().atWindowOpen()).isTrue();
                assertThat(ids(last)).containsExactly("n2", "n1");
                // its next window resolves the list when it opens; until then the report is a preview
                t.appliance().nodes().delete("n1", "test", null);
                WindowReport next = campaigns.report(nightly);
                assertThat(next.targets().atWindowOpen()).isFalse();
                assertThat(next.targets().skipped()).isEqualTo(1);
                assertThat(ids(next)).containsExactly("n2");
            }
        } finally {
            TestAppliance.deleteTree(data);
        }
    }

    private static List<String> ids(WindowReport r) {
        return r.report().targets().stream().map(TargetState::nodeId).toList();
    }
}
