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
        StringBuilder b = new StringBuilder(41);
        if (amtMessageIds) {
            return hex(b.append("uuid:00000000-8086-8086-8086-"), n, 12, true).toString();
        }
        // uuid:%08x-%04x-1%03x-8%03x-%012x, without a Formatter on every answer
        hex(b.append("uuid:"), (n * 2654435761L) & 0xffffffffL, 8, false).append('-');
        hex(b, n & 0xffff, 4, false).append("-1");
        hex(b, (n >> 4) & 0xfff, 3, false).append("-8");
        hex(b, n & 0xfff, 3, false).append('-');
        return hex(b, n * 0x9E3779B97F4AL & 0xffffffffffffL, 12, false).toString();
    }

    /** Appends the low {@code digits} hex digits of {@code v}, zero-padded. */
    static StringBuilder hex(StringBuilder b, long v, int digits, boolean upper) {
        String alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(alphabet.charAt((int) (v >>> shift) & 0xf));
        }
        return b;
    }
}
