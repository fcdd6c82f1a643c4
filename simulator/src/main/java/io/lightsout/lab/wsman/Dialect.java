package io.lightsout.lab.wsman;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How a vendor's stack writes its envelopes: namespace prefixes and MessageID form. Clients must be namespace
 * aware, so the lab deliberately uses each vendor's own prefixes (iDRAC {@code s:/wsa:/n1:}, AMT
 * {@code a:/b:/c:/g:/h:}) instead of one set.
 */
public record Dialect(String soap, String wsa, String wsman, String wsen, String cls, boolean amtMessageIds,
                      boolean emptyFinalEnumerateContext) {

    /** Dell iDRAC (python-dracclient mocks): s/wsa/wsman/wsen/n1, uuid MessageIDs, empty final context. */
    public static final Dialect IDRAC = new Dialect("s", "wsa", "wsman", "wsen", "n1", false, true);
    /** Intel AMT (go-wsman-messages recordings): a/b/c/g/h, uuid:00000000-8086-8086-8086-... MessageIDs. */
    public static final Dialect AMT = new Dialect("a", "b", "c", "g", "h", true, false);

    private static final AtomicLong COUNTER = new AtomicLong(0x1000);

    /** A fresh response MessageID in this vendor's form. */
    public String nextMessageId() {
        long n = COUNTER.incrementAndGet();
        if (amtMessageIds) {
            return String.format("uuid:00000000-8086-8086-8086-%012X", n);
        }
        return String.format("uuid:%08x-%04x-1%03x-8%03x-%012x", (int) (n * 2654435761L), (int) (n & 0xffff),
                (int) ((n >> 4) & 0xfff), (int) (n & 0xfff), n * 0x9E3779B97F4AL & 0xffffffffffffL);
    }
}
