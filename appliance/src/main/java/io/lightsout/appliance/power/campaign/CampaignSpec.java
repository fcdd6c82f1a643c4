package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcTarget;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A wake campaign as configured.
 *
 * @param id             stable id; a run of one window is {@code id@start}
 * @param name           for people
 * @param targets        the nodes, each with what its driver needs (unique node ids)
 * @param schedule       once or weekly, in an explicit time zone
 * @param method         how to pick BMC power-on or wake-on-LAN per node
 * @param powerOnsPerSecond how fast the campaign starts nodes (BMC power-ons and WoL sends alike; many servers
 *                       powering on at once trip breakers, many magic packets flood a WAN link); WoL packets are
 *                       additionally paced per subnet by the sender
 * @param verifyInterval how often a woken node's state is checked
 * @param retries        how many more power-ons a node that has not verified gets, and how long after the previous
 *                       one; nodes that verified or were already on are never sent anything again
 * @param after          what happens to nodes this campaign woke once the window closes
 */
public record CampaignSpec(String id, String name, List<BmcTarget> targets, CampaignSchedule schedule,
                           MethodRule method, double powerOnsPerSecond, Duration verifyInterval, Retries retries,
                           AfterWindow after) {

    /** Retries for silent targets only. */
    public record Retries(int count, Duration delay) {
        public Retries {
            if (count < 0 || count > 20) {
                throw new IllegalArgumentException("campaign retries must be 0..20, was " + count);
            }
            if (delay == null || !delay.isPositive()) {
                throw new IllegalArgumentException("campaign retry delay must be positive, was " + delay);
            }
        }
    }

    public CampaignSpec {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("campaign id must be 1-64 of [A-Za-z0-9._-]");
        }
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        Set<String> seen = new HashSet<>();
        for (BmcTarget t : targets) {
            if (!seen.add(t.nodeId())) {
                throw new IllegalArgumentException("node " + t.nodeId() + " is a target twice");
            }
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(method, "method");
        if (!(powerOnsPerSecond > 0)) {
            throw new IllegalArgumentException("campaign pacing must be > 0 power-ons per second");
        }
        if (verifyInterval == null || !verifyInterval.isPositive()) {
            throw new IllegalArgumentException("campaign verify interval must be positive");
        }
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(after, "after");
    }
}
