package io.lightsout.appliance.power.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.bmc.BmcCommand;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.PowerAction;
import io.lightsout.appliance.bmc.PowerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The engine against fake drivers of our own SPI, on a manual clock: no wall time, exact schedules. */
class CampaignEngineTest extends CampaignFixture {

    @Test
    void wakesTheOffRetriesOnlyTheSilentAndLeavesTheAlreadyOnAlone() throws Exception {
        idrac.bootDelay("fast", Duration.ofSeconds(90));
        idrac.state("up", PowerState.ON);
        idrac.neverBoots("dead");

        CampaignReport report = run(spec(List.of(server("fast"), server("up"), server("dead")), MethodRule.AUTO,
                AfterWindow.LEAVE_ON));

        Map<String, TargetState> s = byNode(report);
        assertThat(s.get("fast").status()).isEqualTo(TargetStatus.VERIFIED);
        assertThat(s.get("fast").doneAt()).contains(START.plusSeconds(120));
        assertThat(s.get("up").status()).isEqualTo(TargetStatus.ALREADY_ON);
        assertThat(s.get("dead").failure()).contains(FailureReason.NOT_VERIFIED_BY_DEADLINE);
        assertThat(idrac.count("fast", ON)).isEqualTo(1);
        assertThat(idrac.count("up", ON)).isZero();
        assertThat(idrac.count("dead", ON)).isEqualTo(3);
        // the nodes learn what the campaign read, with the time read, in batches behind the sender
        assertThat(nodeStates.get("fast").state()).isEqualTo(PowerState.ON);
        assertThat(nodeStates.get("fast").readAt()).isEqualTo(START.plusSeconds(120));
        assertThat(nodeStates.get("up").state()).isEqualTo(PowerState.ON);
        assertThat(nodeStates.get("dead").state()).isEqualTo(PowerState.OFF);
        // paced at 1000/s: "dead" went out 1 ms after "fast", and its retries keep that offset
        assertThat(s.get("dead").lastAttemptAt()).contains(START.plus(Duration.ofMinutes(20)).plusMillis(1));
        assertThat(s.get("fast").lastAttemptAt()).contains(START);
        assertThat(s.get("dead").doneAt()).contains(START.plus(Duration.ofHours(2)));
        assertThat(report.successRate()).isEqualTo(2 / 3.0);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void aRunEndsWhenItsLastTargetIsSettledNotAtTheDeadline() throws Exception {
        idrac.state("up", PowerState.ON);

        // the read that settles the last target comes back in the same turn it was started in
        CampaignReport report = run(spec(List.of(server("up")), MethodRule.AUTO, AfterWindow.LEAVE_ON));

        assertThat(byNode(report).get("up").status()).isEqualTo(TargetStatus.ALREADY_ON);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void rejectedCredentialsFailAtOnceAndAreNeverRetried() throws Exception {
        idrac.fail("locked", BmcException.Reason.AUTH_FAILED, Integer.MAX_VALUE);
        idrac.fail("onoff", c -> c instanceof BmcCommand.ChangePower, BmcException.Reason.AUTH_FAILED, 99);

        CampaignReport report = run(spec(List.of(server("locked"), server("onoff")), MethodRule.AUTO,
                AfterWindow.LEAVE_ON));

        assertThat(report.targets()).allSatisfy(t -> assertThat(t.failure()).contains(FailureReason.AUTH_FAILED));
        assertThat(idrac.count("locked", ON)).isZero();
        assertThat(idrac.count("onoff", ON)).isEqualTo(1);
        // nothing left to wait for: the run ends long before the deadline
        assertThat(clock.instant()).isBefore(START.plusSeconds(60));
    }

    @Test
    void aBmcThatNeverAcceptsFailsAsNoAnswerOrBmcError() throws Exception {
        idrac.fail("silent", BmcException.Reason.UNREACHABLE, Integer.MAX_VALUE);
        idrac.fail("broken", c -> c instanceof BmcCommand.ChangePower, BmcException.Reason.BMC_ERROR, 99);

        Map<String, TargetState> s = byNode(run(spec(List.of(server("silent"), server("broken")), MethodRule.AUTO,
                AfterWindow.LEAVE_ON)));

        assertThat(s.get("silent").failure()).contains(FailureReason.NO_ANSWER);
        assertThat(s.get("silent").attempts()).isEqualTo(3);
        assertThat(s.get("broken").failure()).contains(FailureReason.BMC_ERROR);
        assertThat(s.get("broken").detail()).isEqualTo("injected BMC_ERROR");
        assertThat(idrac.count("broken", ON)).isEqualTo(3);
    }

    @Test
    void methodRulesPickBmcOrWakeOnLan() throws Exception {
        wol.bootDelay("pc", Duration.ofSeconds(30));
        idrac.neverBoots("srv");
        CampaignReport auto = run(spec(List.of(server("srv"), desktop("pc")), MethodRule.AUTO, AfterWindow.LEAVE_ON));
        assertThat(byNode(auto).get("pc").method()).contains(WakeMethod.WOL);
        assertThat(byNode(auto).get("srv").method()).contains(WakeMethod.BMC);
        assertThat(wol.count("pc", ON)).isEqualTo(1);
        assertThat(wol.count("srv", ON)).isZero();

        var forcedWol = new CampaignSpec("night-2", "n", List.of(server("srv2")), spec(List.of(), MethodRule.AUTO,
                AfterWindow.LEAVE_ON).schedule(), MethodRule.FORCE_WOL, 1000, Duration.ofMinutes(1),
                new CampaignSpec.Retries(0, Duration.ofMinutes(1)), AfterWindow.LEAVE_ON);
        engine(store, clock.sleeper()).run(forcedWol,
                new Occurrence(clock.instant(), clock.instant().plusSeconds(300)));
        assertThat(wol.count("srv2", ON)).isEqualTo(1);
        assertThat(idrac.count("srv2", ON)).isZero();
        assertThat(idrac.count("srv2", new BmcCommand.GetPowerState())).isPositive(); // verified through its BMC

        var forcedBmc = new CampaignSpec("night-3", "n", List.of(desktop("pc2")), forcedWol.schedule(),
                MethodRule.FORCE_BMC, 1000, Duration.ofMinutes(1), forcedWol.retries(), AfterWindow.LEAVE_ON);
        CampaignReport r = engine(store, clock.sleeper()).run(forcedBmc,
                new Occurrence(clock.instant(), clock.instant().plusSeconds(300)));
        assertThat(r.targets().get(0).failure()).contains(FailureReason.NOT_SUPPORTED);
        assertThat(r.targets().get(0).detail()).contains("forces BMC");
    }

    @Test
    void pacingSpacesPowerOnsAndTargetsNotReachedByTheDeadlineSaySo() throws Exception {
        List<BmcTarget> five = IntStream.range(0, 5).mapToObj(i -> server("n" + i)).toList();
        five.forEach(t -> idrac.neverBoots(t.nodeId()));
        var slow = new CampaignSpec("slow", "n", five, new CampaignSchedule.Once(new Occurrence(START,
                START.plusMillis(2500))), MethodRule.AUTO, 1, Duration.ofMinutes(1),
                new CampaignSpec.Retries(0, Duration.ofMinutes(1)), AfterWindow.LEAVE_ON);

        Map<String, TargetState> s = byNode(run(slow));

        assertThat(IntStream.range(0, 3).mapToObj(i -> s.get("n" + i).lastAttemptAt().orElseThrow()))
                .containsExactly(START, START.plusSeconds(1), START.plusSeconds(2));
        assertThat(s.get("n3").attempts()).isZero();
        assertThat(s.get("n3").detail()).isEqualTo("not reached before the deadline");
        assertThat(s.get("n4").failure()).contains(FailureReason.NOT_VERIFIED_BY_DEADLINE);
    }

    @Test
    void eachNodeIsReadJustBeforeItsPowerOnAndThePaceNeverWaitsForVerification() throws Exception {
        List<BmcTarget> six = IntStream.range(0, 6).mapToObj(i -> server("n" + i)).toList();
        six.forEach(t -> idrac.bootDelay(t.nodeId(), Duration.ofMillis(1500)));
        var paced = new CampaignSpec("paced", "n", six, new CampaignSchedule.Once(new Occurrence(START,
                START.plusSeconds(60))), MethodRule.AUTO, 2, Duration.ofSeconds(1),
                new CampaignSpec.Retries(0, Duration.ofMinutes(1)), AfterWindow.LEAVE_ON);

        CampaignReport report = run(paced);

        // 2 power-ons/s, one every 500 ms with no gap; each node is read at most the read-ahead (1 s at this pace,
        // 2 nodes) before its power-on: n0 and n1 at the start, then n(i) when n(i-2) goes out
        assertThat(CampaignPipeline.READ_AHEAD).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 6; i++) {
            String n = "n" + i;
            var firstRead = idrac.calls().stream().filter(c -> c.nodeId().equals(n)).findFirst().orElseThrow();
            Instant powerOn = byNode(report).get(n).lastAttemptAt().orElseThrow();
            assertThat(firstRead.command()).isEqualTo(new BmcCommand.GetPowerState());
            assertThat(powerOn).as(n).isEqualTo(START.plusMillis(500L * i));
            assertThat(firstRead.at()).as(n).isEqualTo(START.plusMillis(500L * Math.max(0, i - 2)))
                    .isBetween(powerOn.minus(CampaignPipeline.READ_AHEAD), powerOn);
        }
        assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 6);
        // n0 was verified (its check 1 s after its power-on read it off, the next one on) before n5 was sent
        assertThat(byNode(report).get("n0").doneAt()).contains(START.plusSeconds(2));
    }

    @Test
    void sitesTakeTurnsSoThatOneSitesLimitNeverHoldsUpTheOthers() throws Exception {
        // listed site after site; each site keeps its own order
        List<BmcTarget> listed = List.of(server("a1", "nyc"), server("a2", "nyc"), server("a3", "nyc"),
                server("b1", "lon"), server("c1", "par"), server("c2", "par"));
        var paced = new CampaignSpec("sites", "n", listed, new CampaignSchedule.Once(new Occurrence(START,
                START.plusSeconds(60))), MethodRule.AUTO, 1, Duration.ofSeconds(30),
                new CampaignSpec.Retries(0, Duration.ofMinutes(1)), AfterWindow.LEAVE_ON);

        CampaignReport report = run(paced);

        List<String> sent = report.targets().stream()
                .sorted(java.util.Comparator.comparing(t -> t.lastAttemptAt().orElseThrow()))
                .map(TargetState::nodeId).toList();
        assertThat(sent).containsExactly("a1", "b1", "c1", "a2", "c2", "a3");
        assertThat(report.counts()).containsEntry(TargetStatus.VERIFIED, 6);
    }

    @Test
    void aReadingSinkThatFailsDoesNotStopTheCampaign() throws Exception {
        idrac.bootDelay("a", Duration.ofSeconds(30));
        sink = readings -> {
            sinkCalls.incrementAndGet();
            throw new IllegalStateException("database gone");
        };
        Map<String, TargetState> s = byNode(run(spec(List.of(server("a"), server("b")), MethodRule.AUTO,
                AfterWindow.LEAVE_ON)));
        assertThat(s.get("a").status()).isEqualTo(TargetStatus.VERIFIED);
        assertThat(sinkCalls.get()).isPositive();
        assertThat(store.load("night-1@" + START)).hasSize(2);
    }

    @Test
    void afterTheWindowOnlyNodesTheCampaignWokeArePoweredOff() throws Exception {
        idrac.bootDelay("woken", Duration.ofSeconds(10));
        idrac.state("was-on", PowerState.ON);
        wol.bootDelay("pc", Duration.ofSeconds(10));

        Map<String, TargetState> s = byNode(run(spec(List.of(server("woken"), server("was-on"), desktop("pc")),
                MethodRule.AUTO, AfterWindow.POWER_OFF_WOKEN)));

        BmcCommand.ChangePower off = new BmcCommand.ChangePower(PowerAction.OFF_GRACEFUL);
        assertThat(idrac.count("woken", off)).isEqualTo(1);
        assertThat(idrac.count("was-on", off)).isZero();
        assertThat(s.get("woken").powerOff()).isEqualTo(TargetState.PowerOff.DONE);
        assertThat(s.get("woken").detail()).as("the verification evidence stays").isEqualTo("fake");
        assertThat(s.get("was-on").powerOff()).isEqualTo(TargetState.PowerOff.NONE);
        assertThat(s.get("pc").powerOff()).isEqualTo(TargetState.PowerOff.NOT_POSSIBLE);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void badSpecsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> spec(List.of(server("a"), server("a")), MethodRule.AUTO, AfterWindow.LEAVE_ON))
                .hasMessageContaining("node a is a target twice");
        assertThatThrownBy(() -> new CampaignSpec.Retries(-1, Duration.ofMinutes(1))).hasMessageContaining("0..20");
        assertThatThrownBy(() -> new Occurrence(START, START)).hasMessageContaining("must be after");
    }
}
