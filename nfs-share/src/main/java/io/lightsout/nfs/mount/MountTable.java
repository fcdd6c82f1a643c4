package io.lightsout.nfs.mount;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Who has mounted what, for MOUNT DUMP (RFC 1813 appendix I). Advisory only, as the RFC says; bounded so that a
 * client mounting in a loop cannot grow it.
 */
final class MountTable {
    private static final int MAX = 4096;

    /** One mount: the client's address and the path it mounted. */
    record Entry(String host, String path) {}

    private final SequencedSet<Entry> entries = new LinkedHashSet<>();

    synchronized void add(String host, String path) {
        Entry e = new Entry(host, path);
        entries.remove(e);
        entries.addLast(e);
        while (entries.size() > MAX) {
            entries.removeFirst();
        }
    }

    synchronized void remove(String host, String path) {
        entries.remove(new Entry(host, path));
    }

    synchronized void removeAll(String host) {
        entries.removeIf(e -> e.host().equals(host));
    }

    synchronized List<Entry> list() {
        return List.copyOf(entries);
    }
}
