package io.lightsout.wsman.cli;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EndpointReference;
import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.Responses;
import io.lightsout.wsman.Value;
import io.lightsout.wsman.xml.XmlElement;
import io.lightsout.wsman.xml.XmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Renders instances as JSON (properties as strings, arrays or objects, nil as null) or as indented XML. */
final class Output {

    private Output() {
    }

    /**
     * An instance as one JSON object. A repeated property is an array, nil is null, an EPR-valued property
     * (CIM REF, e.g. an association's ends or Dell's Job output) is {@code {"Address", "ResourceURI",
     * "SelectorSet"}}, and another structured property (an embedded instance) is a nested object.
     */
    static String json(CimInstance i) {
        // everything printed here came from a device, so it carries its parsed element
        return json(new StringBuilder(), Objects.requireNonNull(i.xml(), "xml")).toString();
    }

    private static StringBuilder json(StringBuilder sb, XmlElement instance) {
        Map<String, List<XmlElement>> byName = new LinkedHashMap<>();
        instance.children().forEach(c -> byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c));
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, List<XmlElement>> e : byName.entrySet()) {
            string(first ? sb : sb.append(", "), e.getKey()).append(": ");
            first = false;
            List<XmlElement> v = e.getValue().stream().filter(x -> !x.isNil()).toList();
            if (v.isEmpty()) {
                sb.append("null");
            } else if (v.size() == 1) {
                value(sb, v.getFirst());
            } else {
                sb.append('[');
                for (int k = 0; k < v.size(); k++) {
                    value(k == 0 ? sb : sb.append(", "), v.get(k));
                }
                sb.append(']');
            }
        }
        return sb.append('}');
    }

    private static void value(StringBuilder sb, XmlElement property) {
        if (property.children().isEmpty()) {
            string(sb, property.trimmedText());
            return;
        }
        Optional<EndpointReference> epr = Responses.referenceIn(property);
        if (epr.isPresent()) {
            epr(sb, epr.get());
        } else {
            json(sb, property);
        }
    }

    private static void epr(StringBuilder sb, EndpointReference r) {
        string(sb.append('{'), "Address").append(": ");
        string(sb, r.address()).append(", ");
        string(sb, "ResourceURI").append(": ");
        string(sb, r.resourceUri()).append(", ");
        string(sb, "SelectorSet").append(": {");
        boolean first = true;
        for (Map.Entry<String, Value> s : r.selectors().selectors().entrySet()) {
            string(first ? sb : sb.append(", "), s.getKey()).append(": ");
            first = false;
            switch (s.getValue()) {
                case Value.Text t -> string(sb, t.value());
                case Value.Ref ref -> epr(sb, ref.reference());
            }
        }
        sb.append("}}");
    }

    static String jsonArray(List<CimInstance> instances) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < instances.size(); k++) {
            sb.append(k == 0 ? "\n  " : ",\n  ").append(json(instances.get(k)));
        }
        return sb.append(instances.isEmpty() ? "]" : "\n]").toString();
    }

    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Indented XML; each element declares its namespace as the default one when it differs from its parent's. */
    static String xml(XmlElement e) {
        StringBuilder sb = new StringBuilder();
        xml(sb, e, "", null);
        return sb.toString();
    }

    /**
     * Several instances as one well-formed document: a {@code wsen:Items} root (as in a PullResponse) holding
     * each instance, so the output of an enumeration can be fed to any XML tool.
     */
    static String xmlItems(List<XmlElement> items) {
        StringBuilder sb = new StringBuilder("<wsen:Items xmlns:wsen=\"").append(Namespaces.WSEN).append("\">\n");
        items.forEach(i -> xml(sb, i, "  ", null));
        return sb.append("</wsen:Items>\n").toString();
    }

    private static void xml(StringBuilder sb, XmlElement e, String indent, String parentNs) {
        sb.append(indent).append('<').append(e.name());
        if (!e.namespace().equals(parentNs)) {
            XmlText.escape(sb.append(" xmlns=\""), e.namespace()).append('"');
        }
        e.attributes().forEach((k, v) -> {
            if (!k.startsWith("{")) {
                XmlText.escape(sb.append(' ').append(k).append("=\""), v).append('"');
            } else if (k.endsWith("}nil")) {
                sb.append(" xsi:nil=\"").append(v).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
            }
        });
        String text = e.trimmedText();
        if (e.children().isEmpty()) {
            if (text.isEmpty()) {
                sb.append("/>\n");
            } else {
                XmlText.escape(sb.append('>'), text).append("</").append(e.name()).append(">\n");
            }
            return;
        }
        sb.append(">\n");
        for (XmlElement c : e.children()) {
            xml(sb, c, indent + "  ", e.namespace());
        }
        sb.append(indent).append("</").append(e.name()).append(">\n");
    }
}
