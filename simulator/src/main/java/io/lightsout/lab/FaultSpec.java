package io.lightsout.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --faults} language: comma-separated items {@code kind[=arg][:probability][@target]}.
 * Kinds: {@code timeout, reset, http500, malformed, ctrlchars, xxe, bomb, oversized[=SIZE], wrongpass,
 * certchange, pull1, latency=MIN[-MAX] | latency=MEDIAN~P99} (ms). Probability defaults to 1. Target is a BMC address (127.20.0.3) or
 * index (#3, zero-based); without one the fault applies to the whole fleet. Example:
 * {@code reset:0.02,http500:0.05,oversized=16m@#0,latency=1000-3000@127.20.0.9}.
 */
public final class FaultSpec {

    /** One parsed item: the fault and its target (null = every BMC). */
    public record Item(Fault fault, String target) {
    }

    private FaultSpec() {
    }

    /** Parses a spec; a bad item is an {@link IllegalArgumentException} naming it. */
    public static List<Item> parse(String spec) {
        List<Item> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String raw : spec.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            try {
                out.add(parseItem(item));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad fault '" + item + "': " + e.getMessage()
                        + " (expected kind[=arg][:probability][@target])", e);
            }
        }
        return out;
    }

    private static Item parseItem(String item) {
        String target = null;
        int at = item.indexOf('@');
        if (at >= 0) {
            target = item.substring(at + 1).trim();
            item = item.substring(0, at);
        }
        double p = 1.0;
        int colon = item.indexOf(':');
        if (colon >= 0) {
            p = Double.parseDouble(item.substring(colon + 1));
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probability must be within 0..1");
            }
            item = item.substring(0, colon);
        }
        String arg = null;
        int eq = item.indexOf('=');
        if (eq >= 0) {
            arg = item.substring(eq + 1);
            item = item.substring(0, eq);
        }
        Fault f = switch (item.toLowerCase(Locale.ROOT)) {
            case "timeout" -> new Fault.Timeout(p);
            case "reset" -> new Fault.ConnectionReset(p);
            case "http500", "500" -> new Fault.ServerError(p);
            case "malformed" -> new Fault.MalformedXml(p);
            case "ctrlchars" -> new Fault.ControlCharacters(p);
            case "xxe" -> new Fault.XxePayload(p);
            case "bomb" -> new Fault.EntityExpansion(p);
            case "oversized" -> new Fault.Oversized(p, arg == null ? 8 << 20 : size(arg));
            case "wrongpass", "401" -> new Fault.WrongPassword(p);
            case "pull1" -> new Fault.OneItemPerPull(p);
            case "certchange" -> new Fault.CertificateChange(p);
            case "latency" -> latency(arg);
            default -> throw new IllegalArgumentException("unknown kind");
        };
        return new Item(f, target);
    }

    /** Parses {@code L}, {@code MIN-MAX} (uniform) or {@code MEDIAN~P99} (log-normal) milliseconds. */
    public static Fault.Delay latency(String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("latency needs =L, =MIN-MAX or =MEDIAN~P99 milliseconds");
        }
        if (arg.contains("~")) {
            String[] t = arg.split("~", 2);
            long median = Long.parseLong(t[0].trim());
            long p99 = Long.parseLong(t[1].trim());
            if (median < 1 || p99 < median) {
                throw new IllegalArgumentException("latency needs 1 <= MEDIAN <= P99");
            }
            return new Fault.TailLatency(Duration.ofMillis(median), Duration.ofMillis(p99));
        }
        String[] parts = arg.split("-", 2);
        long min = Long.parseLong(parts[0].trim());
        long max = parts.length > 1 ? Long.parseLong(parts[1].trim()) : min;
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("latency needs 0 <= MIN <= MAX");
        }
        return new Fault.Latency(Duration.ofMillis(min), Duration.ofMillis(max));
    }

    private static int size(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        int mult = 1;
        if (a.endsWith("k")) {
            mult = 1 << 10;
        } else if (a.endsWith("m")) {
            mult = 1 << 20;
        }
        if (mult > 1) {
            a = a.substring(0, a.length() - 1);
        }
        long v = Long.parseLong(a) * mult;
        if (v <= 0 || v > (256 << 20)) {
            throw new IllegalArgumentException("size must be within 1..256m");
        }
        return (int) v;
    }
}
