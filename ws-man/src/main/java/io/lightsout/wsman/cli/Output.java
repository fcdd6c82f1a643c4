package io.lightsout.wsman.cli;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.xml.XmlElement;
import io.lightsout.wsman.xml.XmlText;
import java.util.List;
import java.util.Map;

/** Renders instances as JSON (properties as strings or arrays, nil as null) or as indented XML. */
final class Output {

    private Output() {
    }

    static String json(CimInstance i) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : i.properties().entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            string(sb, e.getKey()).append(": ");
            List<String> v = e.getValue();
            if (v.isEmpty()) {
                sb.append("null");
            } else if (v.size() == 1) {
                string(sb, v.getFirst());
            } else {
                sb.append('[');
                for (int k = 0; k < v.size(); k++) {
                    string(k == 0 ? sb : sb.append(", "), v.get(k));
                }
                sb.append(']');
            }
        }
        return sb.append('}').toString();
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
