package io.lightsout.lab.wsman;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open enumeration contexts of one BMC. A context holds the remaining items and expires after a fixed idle time
 * (a Pull renews it, as DSP0226 8.2 lets a service do); an expired, released or unknown context is
 * {@code wsen:InvalidEnumerationContext}. The number of open contexts is bounded (oldest dropped first).
 */
public final class Enumerations {
    private static final int MAX_OPEN = 32;

    private final Clock clock;
    private final Duration expiry;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private long next;

    private record Open(String resourceUri, String classNs, List<CimInstance> remaining, Instant expires) {
    }

    /** A page handed out: its items, the context to continue with (null when done). */
    public record Page(List<CimInstance> items, String context, boolean end, String classNs) {
    }

    public Enumerations(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Opens a context over {@code items} and takes the first {@code max} (0 takes none). */
    public synchronized Page start(String resourceUri, String classNs, List<CimInstance> items, int max) {
        purge();
        int n = Math.min(max, items.size());
        List<CimInstance> first = items.subList(0, n);
        List<CimInstance> rest = items.subList(n, items.size());
        String id = newId();
        boolean end = rest.isEmpty() && max > 0;
        if (!end) {
            open.put(id, new Open(resourceUri, classNs, List.copyOf(rest), clock.instant().plus(expiry)));
        }
        return new Page(List.copyOf(first), id, end, classNs);
    }

    /** Continues a context; the old id is consumed and a new one issued unless the sequence ends. */
    public synchronized Page pull(String context, int max) {
        Open o = context == null ? null : open.remove(context);
        if (o == null || clock.instant().isAfter(o.expires)) {
            throw WsmanFault.invalidEnumerationContext();
        }
        int n = Math.min(Math.max(max, 1), o.remaining.size());
        List<CimInstance> page = o.remaining.subList(0, n);
        List<CimInstance> rest = o.remaining.subList(n, o.remaining.size());
        if (rest.isEmpty()) {
            return new Page(List.copyOf(page), null, true, o.classNs);
        }
        String id = newId();
        open.put(id, new Open(o.resourceUri, o.classNs, List.copyOf(rest), clock.instant().plus(expiry)));
        return new Page(List.copyOf(page), id, false, o.classNs);
    }

    /** Releases a context; releasing an unknown one is a fault, as for Pull. */
    public synchronized void release(String context) {
        if (context == null || open.remove(context) == null) {
            throw WsmanFault.invalidEnumerationContext();
        }
    }

    /** Number of contexts currently open (for tests). */
    public synchronized int openCount() {
        purge();
        return open.size();
    }

    private void purge() {
        Instant now = clock.instant();
        open.values().removeIf(o -> now.isAfter(o.expires));
        Iterator<String> it = open.keySet().iterator();
        while (open.size() >= MAX_OPEN && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private String newId() {
        next++;
        StringBuilder b = new StringBuilder(36);
        Dialect.hex(b, next, 8, true).append("-0000-0000-0000-");
        return Dialect.hex(b, System.identityHashCode(this) & 0xffffffffL, 12, true).toString();
    }
}
