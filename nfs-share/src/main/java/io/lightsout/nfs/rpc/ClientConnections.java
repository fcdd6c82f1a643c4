package io.lightsout.nfs.rpc;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Open TCP connections per client address, shared by the share's listeners: the "active clients" metric. */
public final class ClientConnections {
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** @return the number of connections from {@code peer} including this one */
    int opened(InetAddress peer) {
        return open.merge(peer, 1, Integer::sum);
    }

    void closed(InetAddress peer) {
        open.computeIfPresent(peer, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Addresses with at least one open connection. */
    public Set<InetAddress> active() {
        return Set.copyOf(open.keySet());
    }
}
