package io.lightsout.appliance.power.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.power.campaign.FailureReason;
import io.lightsout.appliance.power.campaign.TargetState;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.campaigns.Campaigns.Campaign;
import io.lightsout.appliance.power.campaigns.Campaigns.WindowReport;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import io.lightsout.lab.SimulatedBmc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each window of a campaign targets its selection as it is when the window opens, keeps that list when it is
 * resumed, and reports it ever after; a deleted group fails the window clearly. Real parts: the appliance on H2, lab
 * BMCs on loopback. The appliance's clock runs a day ahead of the wall clock, so db-scheduler (on the wall clock)
 * never starts these windows by itself; the test opens each one as the scheduler's task would, by calling
 * {@link Campaigns#run}, after moving the clock to just before it.
 */
class CampaignWindowTargetsTest {

    /** The wall clock moved by an offset the test sets: time flows, and jumps when the test says so. */
    static final class JumpClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void jumpTo(Instant at) {
            offset = Duration.between(Instant.now(), at);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    private final JumpClock clock = new JumpClock();
    private Lab lab;
    private TestAppliance t;
    private Campaigns campaigns;

    @BeforeEach
    void start() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        lab = Lab.builder().idrac(4).amt(0).base("127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".1")
                .idracPort(0).amtPort(0).powerDelay(Duration.ofMillis(400)).start();
        lab.bmcs().forEach(b -> b.setPowerState(PowerState.OFF));
        clock.jumpTo(Instant.now().plus(Duration.ofDays(1)));
        t = TestAppliance.started(clock, Map.of());
        campaigns = t.appliance().campaigns();
    }

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** To a minute boundary less a moment: a cron window "* * * * *" created now opens just after. */
    private void justBeforeAMinute() {
        clock.jumpTo(nextMinute(clock.instant()).minusMillis(300));
    }

    private static Instant nextMinute(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    }

    /** Imports lab BMCs as nodes named a, b, c, d (by index) with these tags; returns their node ids. */
    private List<String> importNodes(String tags, int... indexes) {
        StringBuilder csv = new StringBuilder("name,type,address,port,username,password,tags\n");
        for (int i : indexes) {
            SimulatedBmc b = lab.bmcs().get(i);
            csv.append((char) ('a' + i)).append(",IDRAC,").append(b.address()).append(',').append(b.port())
                    .append(',').append(b.username()).append(',').append(b.password()).append(',').append(tags)
                    .append('\n');
        }
        assertThat(t.appliance().nodes().importCsv(csv.toString(), "test", null).imported())
                .isEqualTo(indexes.length);
        Map<String, String> byName = t.appliance().nodes().names().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return java.util.Arrays.stream(indexes).mapToObj(i -> byName.get(String.valueOf((char) ('a' + i)))).toList();
    }

    private static CampaignInput input(String name, String group, List<String> nodeIds, String recurrence) {
        return new CampaignInput(name, group, nodeIds, null, null, "20s", 0, null, 50.0, null, "200ms", null, null,
                recurrence, "UTC");
    }

    private static Map<String, TargetStatus> statuses(WindowReport r) {
        return r.report().targets().stream().collect(Collectors.toMap(TargetState::nodeId, TargetState::status));
    }

    private int boots(int index) {
        return lab.bmcs().get(index).boots();
    }

    @Test
    void eachWindowOfARecurringCampaignWakesItsDynamicGroupAsItIsWhenTheWindowOpens() {
        List<String> abc = importNodes("night", 0, 1, 2);
        NodeGroups.Group night = t.appliance().groups().create(new NodeGroups.Input("night-shift", true, null, null,
                null, "night"), "test", null);
        justBeforeAMinute();
        Campaign c = campaigns.create(input("patch", night.name(), null, "* * * * *"), "test", null);
        Instant first = c.definition().start();
        assertThat(first).isEqualTo(nextMinute(clock.instant()));
        WindowReport preview = campaigns.report(c);
        assertThat(preview.targets().atWindowOpen()).isFalse();
        assertThat(preview.targets().selection()).isEqualTo("group night-shift (dynamic)");

        assertThat(campaigns.run(c.id())).contains(first.plus(Duration.ofMinutes(1)));
        WindowReport w1 = campaigns.report(campaigns.get(c.id()), first).orElseThrow();
        assertThat(w1.targets().atWindowOpen()).isTrue();
        assertThat(w1.targets().resolvedAt()).isAfterOrEqualTo(first.minusSeconds(1));
        assertThat(statuses(w1)).containsOnlyKeys(abc).containsValues(TargetStatus.VERIFIED)
                .doesNotContainValue(TargetStatus.FAILED);

        // between the windows: node a is deleted (and its machine powered off), machine d joins with the tag
        t.appliance().nodes().delete(abc.getFirst(), "test", null);
        lab.bmcs().get(0).setPowerState(PowerState.OFF);
        String d = importNodes("night", 3).getFirst();
        // renamed (there is no rename operation yet: the row changes as one would): the campaign holds the group by id
        t.appliance().database().jdbc().update("UPDATE node_groups SET name = ? WHERE id = ?", "night-owls",
                night.id());
        Campaign scheduled = campaigns.get(c.id());
        assertThat(scheduled.state()).isEqualTo(Campaigns.State.SCHEDULED);
        WindowReport next = campaigns.report(scheduled);
        assertThat(next.targets().atWindowOpen()).as("a window not open yet is a preview").isFalse();
        assertThat(statuses(next)).containsOnlyKeys(abc.get(1), abc.get(2), d);

        clock.jumpTo(scheduled.definition().start().minusMillis(300));
        assertThat(campaigns.run(c.id())).isPresent();
        WindowReport w2 = campaigns.lastReport(campaigns.get(c.id())).orElseThrow();
        assertThat(w2.report().window().start()).isEqualTo(first.plus(Duration.ofMinutes(1)));
        assertThat(statuses(w2)).isEqualTo(Map.of(abc.get(1), TargetStatus.ALREADY_ON, abc.get(2),
                TargetStatus.ALREADY_ON, d, TargetStatus.VERIFIED));
        assertThat(w2.targets().selection()).isEqualTo("group night-owls (dynamic)");
        assertThat(boots(0)).as("the deleted node is not woken again").isEqualTo(1);
        assertThat(boots(3)).isEqualTo(1);

        // the first window's report is its own list, deleted node included, as it was
        WindowReport again = campaigns.report(campaigns.get(c.id()), first).orElseThrow();
        assertThat(again.report().targets()).isEqualTo(w1.report().targets());
        assertThat(again.targets()).isEqualTo(w1.targets());
    }

    @Test
    void aResumedWindowKeepsTheTargetsItOpenedWith() throws Exception {
        List<String> ids = importNodes("rack", 1, 2);
        // a node whose BMC never answers: it stays pending (attempts failing) until it is deleted mid-window
        t.appliance().nodes().importCsv("name,type,address,port,username,password\nx,IDRAC,127.250."
                + ThreadLocalRandom.current().nextInt(256) + ".1,1,x,x-pass\n", "test", null);
        String x = t.appliance().nodes().names().entrySet().stream().filter(e -> e.getValue().equals("x"))
                .findFirst().orElseThrow().getKey();
        NodeGroups groups = t.appliance().groups();
        NodeGroups.Group rack = groups.create(new NodeGroups.Input("rack-7", false, null, null, null, null), "test",
                null);
        groups.addMembers(rack.id(), List.of(ids.getFirst(), x), "test", null);
        Campaign c = campaigns.create(input("once", "rack-7", null, null), "test", null);

        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread window = Thread.ofVirtual().start(() -> {
            try {
                campaigns.run(c.id());
            } catch (RuntimeException e) {
                died.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> statuses(
                campaigns.report(campaigns.get(c.id()))).get(ids.getFirst()) == TargetStatus.SENT);
        window.interrupt(); // as at a shutdown: the window stays running and resumes on the next start
        window.join(5_000);
        assertThat(died.get()).hasMessageContaining("resumes on start");
        assertThat(campaigns.get(c.id()).state()).isEqualTo(Campaigns.State.RUNNING);

        groups.addMembers(rack.id(), List.of(ids.get(1)), "test", null);
        t.appliance().nodes().delete(x, "test", null);
        assertThat(campaigns.run(c.id())).isEmpty();
        WindowReport r = campaigns.report(campaigns.get(c.id()));
        assertThat(statuses(r)).isEqualTo(Map.of(ids.getFirst(), TargetStatus.VERIFIED, x, TargetStatus.FAILED));
        assertThat(r.report().failures()).isEqualTo(Map.of(FailureReason.NODE_DELETED, 1));
        assertThat(r.targets().count()).isEqualTo(2);
        assertThat(campaigns.get(c.id()).state()).isEqualTo(Campaigns.State.DONE);
        assertThat(boots(1)).isEqualTo(1);
        assertThat(boots(2)).as("joined the group after its window opened").isZero();
    }

    @Test
    void aGroupDeletedBeforeTheWindowOpensFailsItClearlyAndDeletedListedNodesAreSkipped() {
        List<String> ids = importNodes("rack", 1, 2);
        NodeGroups groups = t.appliance().groups();
        NodeGroups.Group gone = groups.create(new NodeGroups.Input("soon-gone", false, null, null, null, null),
                "test", null);
        groups.addMembers(gone.id(), List.of(ids.getFirst()), "test", null);
        Campaign byGroup = campaigns.create(input("by-group", "soon-gone", null, "* * * * *"), "test", null);
        Campaign listed = campaigns.create(input("listed", null, ids, null), "test", null);
        groups.delete(gone.id(), "test", null);
        t.appliance().nodes().delete(ids.get(1), "test", null);

        assertThat(campaigns.run(byGroup.id())).as("no next window, no exception for the scheduler").isEqualTo(
                Optional.empty());
        Campaign failed = campaigns.get(byGroup.id());
        assertThat(failed.state()).isEqualTo(Campaigns.State.FAILED);
        assertThat(failed.failure()).contains("soon-gone").contains("was deleted");
        WindowReport fr = campaigns.report(failed);
        assertThat(fr.targets().failure()).isEqualTo(failed.failure());
        assertThat(fr.report().targets()).isEmpty();
        assertThat(t.appliance().database().jdbc().queryLong("SELECT COUNT(*) FROM audit_log WHERE action = ? AND"
                + " outcome = ? AND target = ?", "campaign.window", "failure", "by-group")).isEqualTo(1);
        assertThat(boots(1)).isZero();

        assertThat(campaigns.run(listed.id())).isEmpty();
        WindowReport lr = campaigns.report(campaigns.get(listed.id()));
        assertThat(lr.targets().skipped()).isEqualTo(1);
        assertThat(statuses(lr)).isEqualTo(Map.of(ids.getFirst(), TargetStatus.VERIFIED));
        assertThat(campaigns.get(listed.id()).state()).isEqualTo(Campaigns.State.DONE);
    }
}
