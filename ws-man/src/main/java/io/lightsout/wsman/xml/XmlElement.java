package io.lightsout.wsman.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, namespace-aware XML element as parsed by {@link SecureXml}: the small tree the mappers read.
 *
 * @param namespace the element's namespace URI, {@code ""} when it has none
 * @param name the local name
 * @param attributes attribute values keyed by {@code {namespace}local} or by the bare local name when unqualified
 * @param text the element's own character data (not its descendants'), untrimmed
 * @param children the child elements in document order
 */
public record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
                         List<XmlElement> children) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first child with this namespace and local name, if any. */
    public Optional<XmlElement> child(String ns, String local) {
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first child with this local name in any namespace, if any. */
    public Optional<XmlElement> childNamed(String local) {
        for (XmlElement c : children) {
            if (c.name.equals(local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child with this namespace and local name. */
    public List<XmlElement> children(String ns, String local) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The trimmed text of the first matching child, if present. */
    public Optional<String> childText(String ns, String local) {
        return child(ns, local).map(XmlElement::trimmedText);
    }

    /** Whether this element has the given namespace and local name. */
    public boolean is(String ns, String local) {
        return name.equals(local) && namespace.equals(ns);
    }

    /** The attribute with this namespace ({@code ""} for none) and local name. */
    public Optional<String> attribute(String ns, String local) {
        return Optional.ofNullable(attributes.get(ns.isEmpty() ? local : "{" + ns + "}" + local));
    }

    /** Whether the element carries {@code xsi:nil="true"}. */
    public boolean isNil() {
        return attribute(SecureXml.XSI, "nil").map(v -> v.trim().equals("true") || v.trim().equals("1"))
                .orElse(false);
    }

    /** The element's own text, trimmed. */
    public String trimmedText() {
        return text.strip();
    }

    /** The text of this element and all its descendants, in document order, each piece trimmed, space-joined. */
    public String deepText() {
        StringBuilder sb = new StringBuilder();
        appendDeep(this, sb);
        return sb.toString().strip();
    }

    private static void appendDeep(XmlElement e, StringBuilder sb) {
        String t = e.text.strip();
        if (!t.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t);
        }
        for (XmlElement c : e.children) {
            appendDeep(c, sb);
        }
    }

    @Override
    public String toString() {
        return "{" + namespace + "}" + name;
    }
}
