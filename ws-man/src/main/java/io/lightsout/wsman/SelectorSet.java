package io.lightsout.wsman;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code wsman:SelectorSet}: the keys of one instance, in order. Values are text or, for association keys,
 * endpoint references.
 *
 * @param selectors selector name → value, iteration order is wire order
 */
public record SelectorSet(Map<String, Value> selectors) {

    public static final SelectorSet EMPTY = new SelectorSet(Map.of());

    public SelectorSet {
        selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
    }

    /** Text selectors from alternating names and values: {@code of("InstanceID", "JID_1")}. */
    public static SelectorSet of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("selectors come in name/value pairs");
        }
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], Value.text(namesAndValues[i + 1]));
        }
        return new SelectorSet(m);
    }

    /** This set plus one more selector. */
    public SelectorSet with(String name, Value value) {
        Map<String, Value> m = new LinkedHashMap<>(selectors);
        m.put(name, value);
        return new SelectorSet(m);
    }

    /** The text value of a selector, if it is present and textual. */
    public Optional<String> text(String name) {
        return selectors.get(name) instanceof Value.Text(String v) ? Optional.of(v) : Optional.empty();
    }

    public boolean isEmpty() {
        return selectors.isEmpty();
    }
}
