package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.PowerReading;
import java.util.Map;

/**
 * Where the campaign engine hands the power states it reads (before a power-on, to verify one, to retry), so that
 * the nodes show what a campaign saw without waiting for the next power sync. The engine calls it behind its
 * sender, from its store writer, with everything read since the last call coalesced (the latest reading per node);
 * a reading that got no trustworthy answer (UNKNOWN) is not passed on: one failed read is not news.
 */
@FunctionalInterface
public interface ReadingSink {

    /** Keeps nothing: for engines whose targets are not registered nodes (benchmarks, tests). */
    ReadingSink NONE = readings -> {
    };

    /**
     * Records readings, by node id, in one commit if the sink has a database. May be slow (it runs behind the
     * engine, never on its sender) and may throw: a failure is logged and the campaign goes on, since a node's
     * power state is only what was last seen.
     *
     * @param readings the latest reading of each node read since the last call; never empty
     */
    void recordAll(Map<String, PowerReading> readings);
}
