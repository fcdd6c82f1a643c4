package io.lightsout.lab.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed element of a request: namespace, local name, attributes (by local name), trimmed text and children.
 * Requests are small, so the lab keeps this tiny tree rather than a DOM.
 */
public record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
                         List<XmlElement> children) {

    /** The first child with this local name, or null. */
    public XmlElement child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    /** The first child with this local name compared case-insensitively (Dell's UserName/Username), or null. */
    public XmlElement childIgnoreCase(String localName) {
        for (XmlElement c : children) {
            if (c.name.equalsIgnoreCase(localName)) {
                return c;
            }
        }
        return null;
    }

    /** Text of the first child with this local name (case-insensitive), or null. */
    public String childText(String localName) {
        XmlElement c = childIgnoreCase(localName);
        return c == null ? null : c.text;
    }

    /** All children with this local name. */
    public List<XmlElement> children(String localName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Depth-first search for the first descendant with this local name, or null. */
    public XmlElement find(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
            XmlElement f = c.find(localName);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
