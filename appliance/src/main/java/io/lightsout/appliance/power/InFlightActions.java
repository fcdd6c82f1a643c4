package io.lightsout.appliance.power;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One power action in flight per node. A second request for a node that has one is refused with what is running
 * and since when, never queued behind it (two queued cycles would cycle the node twice).
 */
public final class InFlightActions {

    /** What is running on a node. */
    public record InFlight(String nodeId, String action, Instant since) {
    }

    /** Held while the action runs; closing it frees the node. */
    public final class Ticket implements AutoCloseable {
        private final InFlight entry;

        private Ticket(InFlight entry) {
            this.entry = entry;
        }

        @Override
        public void close() {
            running.remove(entry.nodeId(), entry);
        }
    }

    private final Map<String, InFlight> running = new ConcurrentHashMap<>();
    private final Clock clock;

    public InFlightActions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Claims the node for {@code action}.
     *
     * @return a ticket, or empty when another action is in flight ({@link #current} says which)
     */
    public Optional<Ticket> tryBegin(String nodeId, String action) {
        InFlight mine = new InFlight(nodeId, action, clock.instant());
        return running.putIfAbsent(nodeId, mine) == null ? Optional.of(new Ticket(mine)) : Optional.empty();
    }

    public Optional<InFlight> current(String nodeId) {
        return Optional.ofNullable(running.get(nodeId));
    }
}
