package io.lightsout.wsman;

import io.lightsout.wsman.xml.XmlElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CIM instance (or a method's {@code _OUTPUT}) as returned by a device: its properties as strings, in wire
 * order. A repeated element is an array; {@code xsi:nil} is an empty list; a structured property (such as an
 * embedded EPR) is its flattened text, with the element kept in {@link #xml()} for mappers that need it.
 *
 * @param namespace the namespace of the instance element (normally the class resource URI)
 * @param className the element's local name (the class, or {@code Method_OUTPUT})
 * @param properties property name → values
 * @param xml the parsed element, or {@code null} for an instance built locally (e.g. for a Put)
 */
public record CimInstance(String namespace, String className, Map<String, List<String>> properties, XmlElement xml) {

    public CimInstance {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        properties = Collections.unmodifiableMap(copy);
    }

    /** Reads an instance element: each child is a property. */
    public static CimInstance of(XmlElement element) {
        Map<String, List<String>> props = new LinkedHashMap<>();
        for (XmlElement p : element.children()) {
            List<String> values = props.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (!p.isNil()) {
                values.add(p.children().isEmpty() ? p.trimmedText() : p.deepText());
            }
        }
        return new CimInstance(element.namespace(), element.name(), props, element);
    }

    /** The first value of a property, if present and not nil. */
    public Optional<String> get(String property) {
        List<String> v = properties.get(property);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** All values of a property (empty if absent or nil). */
    public List<String> values(String property) {
        return properties.getOrDefault(property, List.of());
    }

    /** The first value parsed as a long, if present and numeric. */
    public Optional<Long> number(String property) {
        return get(property).flatMap(CimInstance::parseLong);
    }

    /** The first value, stripped (devices pad some strings), or {@code ""} when absent or nil. */
    public String text(String property) {
        return get(property).map(String::strip).orElse("");
    }

    /** The first value as an int, or -1 when absent, nil or not a number. */
    public int intValue(String property) {
        return number(property).map(Long::intValue).orElse(-1);
    }

    /** Whether the first value is {@code true} (case-insensitive). */
    public boolean flag(String property) {
        return "true".equalsIgnoreCase(text(property));
    }

    /** A copy with one property replaced (or appended), for Get-modify-Put. */
    public CimInstance with(String property, String... values) {
        Map<String, List<String>> m = new LinkedHashMap<>(properties);
        m.put(property, List.of(values));
        return new CimInstance(namespace, className, m, null);
    }

    /** The element of an embedded reference property, if this instance was parsed and has one. */
    public Optional<XmlElement> element(String property) {
        return xml == null ? Optional.empty() : xml.childNamed(property);
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
