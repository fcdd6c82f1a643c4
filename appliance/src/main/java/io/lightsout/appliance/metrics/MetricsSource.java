package io.lightsout.appliance.metrics;

/**
 * A part of the appliance that adds its own figures to /metrics (Prometheus text format 0.0.4). Implementations
 * write complete metric families (HELP, TYPE, samples) and must be cheap: they run on every scrape.
 */
@FunctionalInterface
public interface MetricsSource {

    /** Appends this source's metric families to {@code out}. */
    void render(StringBuilder out);

    /** Appends one gauge family with a single sample. */
    static void gauge(StringBuilder out, String name, String help, double value) {
        family(out, name, help, "gauge", value);
    }

    /** Appends one counter family with a single sample; {@code name} should end in {@code _total}. */
    static void counter(StringBuilder out, String name, String help, double value) {
        family(out, name, help, "counter", value);
    }

    private static void family(StringBuilder out, String name, String help, String type, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ')
                .append(type).append('\n').append(name).append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
    }
}
