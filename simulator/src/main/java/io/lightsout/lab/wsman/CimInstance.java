package io.lightsout.lab.wsman;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CIM instance as the lab renders it: the class namespace (its resource URI), the class name and the
 * properties in order. Array properties repeat the name; references are EPRs.
 */
public record CimInstance(String namespace, String className, List<Property> properties) {

    /** A property of an instance. */
    public sealed interface Property permits Value, Ref {
        String name();
    }

    /** A scalar value; {@code value == null} renders {@code xsi:nil="true"}. */
    public record Value(String name, String value) implements Property {
    }

    /** An EPR-valued property (ResourceURI + selectors). */
    public record Ref(String name, String resourceUri, Map<String, String> selectors) implements Property {
    }

    /** First value of a property by name, or null. */
    public String get(String name) {
        for (Property p : properties) {
            if (p instanceof Value v && v.name().equalsIgnoreCase(name)) {
                return v.value();
            }
        }
        return null;
    }

    /** True if the instance has a property with this name. */
    public boolean has(String name) {
        for (Property p : properties) {
            if (p.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public static Builder builder(String namespace, String className) {
        return new Builder(namespace, className);
    }

    /** Collects properties in order. */
    public static final class Builder {
        private final String namespace;
        private final String className;
        private final List<Property> props = new ArrayList<>();

        private Builder(String namespace, String className) {
            this.namespace = namespace;
            this.className = className;
        }

        public Builder p(String name, Object value) {
            props.add(new Value(name, value == null ? null : String.valueOf(value)));
            return this;
        }

        public Builder array(String name, Object... values) {
            for (Object v : values) {
                p(name, v);
            }
            return this;
        }

        public Builder ref(String name, String resourceUri, String... selectorPairs) {
            Map<String, String> sel = new LinkedHashMap<>();
            for (int i = 0; i + 1 < selectorPairs.length; i += 2) {
                sel.put(selectorPairs[i], selectorPairs[i + 1]);
            }
            props.add(new Ref(name, resourceUri, sel));
            return this;
        }

        public CimInstance build() {
            return new CimInstance(namespace, className, List.copyOf(props));
        }
    }
}
