package io.lightsout.appliance.power.campaign;

import io.lightsout.appliance.bmc.BmcTarget;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Targets waiting for their first attempt, handed out one site after the other: the campaign's order within each
 * site, the sites in turn in the order they first appear. Each site has its own limit of BMC calls in flight
 * ({@code bmc.limit.per-site}: its WAN link, its BMCs' switch), so reading a long list site after site would keep
 * every other site idle behind the first one's limit; taking the sites in turn keeps all of them busy and spreads a
 * campaign's power-ons (and their inrush current) over the sites. Used by the engine's own thread only.
 */
final class SiteRotation {
    /** Per site, in first-appearance order; a site leaves when it runs out and rejoins at the end if it comes back. */
    private final Map<String, Deque<BmcTarget>> bySite = new LinkedHashMap<>();
    private int size;

    void add(BmcTarget target) {
        bySite.computeIfAbsent(target.site(), s -> new ArrayDeque<>()).add(target);
        size++;
    }

    /** The next site's next target; that site then goes to the back of the turn. */
    Optional<BmcTarget> poll() {
        Iterator<Map.Entry<String, Deque<BmcTarget>>> it = bySite.entrySet().iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<String, Deque<BmcTarget>> first = it.next();
        it.remove();
        BmcTarget target = first.getValue().poll();
        if (!first.getValue().isEmpty()) {
            bySite.put(first.getKey(), first.getValue());
        }
        size--;
        return Optional.of(target);
    }

    int size() {
        return size;
    }

    void clear() {
        bySite.clear();
        size = 0;
    }
}
