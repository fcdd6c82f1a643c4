package io.lightsout.wsman;

import java.util.Objects;

/**
 * How to enumerate a class (DSP0226 §8).
 *
 * @param optimize send {@code wsman:OptimizeEnumeration} so the first items come in the EnumerateResponse
 * @param maxElements items asked for per response (Enumerate when optimized, and every Pull); devices may send fewer
 * @param maxCharacters {@code wsen:MaxCharacters} on Pull, or 0 for none
 * @param mode what each item carries
 * @param filter an optional filter, or {@code null}
 * @param limit stop after this many items and Release the context (0 = read to EndOfSequence)
 */
public record EnumerateOptions(boolean optimize, int maxElements, int maxCharacters, Mode mode, Filter filter,
                               int limit) {

    /** {@code wsman:EnumerationMode}. */
    public enum Mode {
        /** Instances only (no EnumerationMode element). */
        OBJECT,
        /** {@code EnumerateEPR}: references only. */
        EPR,
        /** {@code EnumerateObjectAndEPR}: each item is a {@code wsman:Item} with the instance and its reference. */
        OBJECT_AND_EPR
    }

    /**
     * A {@code wsman:Filter}.
     *
     * @param dialect the filter dialect URI (e.g. {@link #WQL})
     * @param expression the filter text
     */
    public record Filter(String dialect, String expression) {
        public static final String WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
        public static final String CQL = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";

        public Filter {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(expression, "expression");
        }
    }

    public EnumerateOptions {
        Objects.requireNonNull(mode, "mode");
        if (maxElements < 1 || maxCharacters < 0 || limit < 0) {
            throw new IllegalArgumentException("maxElements >= 1, maxCharacters >= 0, limit >= 0");
        }
    }

    /** Optimized enumeration of instances, 100 per response: one round trip for most classes. */
    public static EnumerateOptions defaults() {
        return new EnumerateOptions(true, 100, 0, Mode.OBJECT, null, 0);
    }

    /**
     * A plain Enumerate followed by Pulls of 999 items / 99,999 characters: what Intel's own AMT tools send, and
     * so the safest for AMT firmware.
     */
    public static EnumerateOptions amtStyle() {
        return new EnumerateOptions(false, 999, 99_999, Mode.OBJECT, null, 0);
    }

    public EnumerateOptions withMode(Mode m) {
        return new EnumerateOptions(optimize, maxElements, maxCharacters, m, filter, limit);
    }

    public EnumerateOptions withFilter(Filter f) {
        return new EnumerateOptions(optimize, maxElements, maxCharacters, mode, f, limit);
    }

    public EnumerateOptions withMaxElements(int n) {
        return new EnumerateOptions(optimize, n, maxCharacters, mode, filter, limit);
    }

    public EnumerateOptions withLimit(int n) {
        return new EnumerateOptions(optimize, maxElements, maxCharacters, mode, filter, n);
    }
}
