package io.lightsout.wsman.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fast path of {@link SecureXml}: a strict reader of plain device answers (ASCII, elements, attributes, namespaces,
 * text with the five predefined entities and character references, comments, an XML declaration). Anything else —
 * a DOCTYPE, CDATA, processing instructions, non-ASCII bytes, an unknown entity, any well-formedness doubt, a limit
 * reached — returns null and the document goes to the hardened StAX reader, which decides, refuses and words the
 * error. So this class never accepts a document that reader would refuse and never words an error. It exists
 * because the StAX reader was 40% of the client's CPU per kept-alive power-state call. (The lab keeps parsing with
 * StAX on purpose: a test peer should not share its parser with the client it tests.)
 */
final class PlainXmlReader {
    private static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

    private final String s;
    private final int maxElements;
    private final int maxDepth;
    private int pos;
    private int elements;

    private PlainXmlReader(String s, int maxElements, int maxDepth) {
        this.s = s;
        this.maxElements = maxElements;
        this.maxDepth = maxDepth;
    }

    /** The tree, or null when the document is anything but plain (the caller then uses the full parser). */
    static XmlElement tryParse(byte[] bytes, int maxElements, int maxDepth) {
        for (byte b : bytes) {
            if (b < 0) {
                // non-ASCII: the full parser checks the UTF-8 (or other encoding) itself
                return null;
            }
        }
        PlainXmlReader p = new PlainXmlReader(new String(bytes, StandardCharsets.ISO_8859_1), maxElements, maxDepth);
        try {
            return p.document();
        } catch (RuntimeException notPlain) {
            // IndexOutOfBounds at a truncated document and the like: not plain, let the full parser say why
            return null;
        }
    }

    private XmlElement document() {
        if (s.startsWith("<?")) {
            int end = s.indexOf("?>");
            if (end < 0 || !s.startsWith("<?xml") || !plainDeclaration(s.substring(5, end))) {
                return null;
            }
            pos = end + 2;
        }
        if (!misc()) {
            return null;
        }
        if (pos >= s.length() || s.charAt(pos) != '<') {
            return null;
        }
        XmlElement root = element(Map.of("xml", "http://www.w3.org/XML/1998/namespace"), 1);
        if (root == null || !misc() || pos != s.length()) {
            return null;
        }
        return root;
    }

    /** version 1.0, then optionally a UTF-8 encoding and a standalone flag, each quoted either way. */
    private static boolean plainDeclaration(String decl) {
        if (decl.isEmpty() || !Character.isWhitespace(decl.charAt(0))) {
            return false;
        }
        List<String> parts = new ArrayList<>(3);
        int start = -1;
        for (int i = 0; i <= decl.length(); i++) {
            boolean space = i == decl.length() || Character.isWhitespace(decl.charAt(i));
            if (space && start >= 0) {
                parts.add(decl.substring(start, i).replace('\'', '"'));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (parts.isEmpty() || !parts.get(0).equals("version=\"1.0\"")) {
            return false;
        }
        for (String p : parts.subList(1, parts.size())) {
            if (!p.equalsIgnoreCase("encoding=\"UTF-8\"") && !p.equals("standalone=\"yes\"")
                    && !p.equals("standalone=\"no\"")) {
                return false;
            }
        }
        return true;
    }

    /** Skips whitespace and comments; false at anything else that is not an element start. */
    private boolean misc() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else if (s.startsWith("<!--", pos)) {
                if (!comment()) {
                    return false;
                }
            } else {
                return c == '<' && pos + 1 < s.length() && isNameStart(s.charAt(pos + 1));
            }
        }
        return true;
    }

    private boolean comment() {
        int end = s.indexOf("-->", pos + 4);
        if (end < 0 || s.substring(pos + 4, end).contains("--")) {
            return false;
        }
        pos = end + 3;
        return true;
    }

    /** At '<' of a start tag. */
    private XmlElement element(Map<String, String> scope, int depth) {
        if (++elements > maxElements || depth > maxDepth) {
            return null;
        }
        pos++;
        String qname = name();
        List<String> raw = new ArrayList<>(4); // name, value, name, value, ...
        Map<String, String> ns = scope;
        boolean empty;
        while (true) {
            boolean space = skipSpace();
            char c = s.charAt(pos);
            if (c == '>' || c == '/') {
                if (c == '/' && s.charAt(++pos) != '>') {
                    return null;
                }
                empty = c == '/';
                pos++;
                break;
            }
            String an = space ? name() : null;
            if (an == null || !skipEquals()) {
                return null;
            }
            String value = attributeValue();
            if (value == null) {
                return null;
            }
            for (int k = 0; k < raw.size(); k += 2) {
                if (raw.get(k).equals(an)) {
                    return null;
                }
            }
            raw.add(an);
            raw.add(value);
            if (an.equals("xmlns") || an.startsWith("xmlns:")) {
                if (ns == scope) {
                    ns = new HashMap<>(scope);
                }
                ns.put(an.equals("xmlns") ? "" : an.substring(6), value);
            }
        }
        String[] resolved = resolve(qname, ns, true);
        if (resolved == null) {
            return null;
        }
        Map<String, String> attrs = raw.isEmpty() ? Map.of() : new HashMap<>(raw.size());
        for (int i = 0; i < raw.size(); i += 2) {
            String[] an = resolve(raw.get(i), ns, false);
            if (an == null) {
                return null;
            }
            // two prefixes bound to one namespace can name one attribute twice: not well-formed
            if (!XMLNS_URI.equals(an[0])
                    && attrs.put(an[0].isEmpty() ? an[1] : "{" + an[0] + "}" + an[1], raw.get(i + 1)) != null) {
                return null;
            }
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>(4);
        if (!empty) {
            while (true) {
                int lt = s.indexOf('<', pos);
                if (lt < 0 || !text(pos, lt, text)) {
                    return null;
                }
                pos = lt;
                if (s.startsWith("</", pos)) {
                    pos += 2;
                    if (!qname.equals(name())) {
                        return null;
                    }
                    skipSpace();
                    if (s.charAt(pos++) != '>') {
                        return null;
                    }
                    break;
                } else if (s.startsWith("<!--", pos)) {
                    if (!comment()) {
                        return null;
                    }
                } else if (pos + 1 < s.length() && isNameStart(s.charAt(pos + 1))) {
                    XmlElement child = element(ns, depth + 1);
                    if (child == null) {
                        return null;
                    }
                    children.add(child);
                } else {
                    return null; // CDATA, processing instruction, DOCTYPE, stray '<'
                }
            }
        }
        return new XmlElement(resolved[0], resolved[1], attrs, text.toString(), children);
    }

    /** {namespace, local name}; null for an unbound prefix. Unprefixed attributes have no namespace. */
    private static String[] resolve(String qname, Map<String, String> ns, boolean element) {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            if (qname.equals("xmlns") && !element) {
                return new String[] {XMLNS_URI, qname};
            }
            return new String[] {element ? ns.getOrDefault("", "") : "", qname};
        }
        String prefix = qname.substring(0, colon);
        String local = qname.substring(colon + 1);
        if (prefix.equals("xmlns") && !element) {
            return new String[] {XMLNS_URI, local};
        }
        String uri = ns.get(prefix);
        if (uri == null || uri.isEmpty() || local.isEmpty() || local.indexOf(':') >= 0) {
            return null;
        }
        return new String[] {uri, local};
    }

    /** Appends decoded character data of [from, to); false at markup or references that are not plain. */
    private boolean text(int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            int amp = s.indexOf('&', i);
            int end = amp < 0 || amp > to ? to : amp;
            boolean cr = false;
            for (int k = i; k < end; k++) {
                char c = s.charAt(k);
                boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
                if (control || (c == '>' && k >= 2 && s.startsWith("]]>", k - 2))) {
                    return false;
                }
                cr |= c == '\r';
            }
            if (cr) {
                // end-of-line handling (XML 1.0 2.11): CR LF and a lone CR both become LF
                for (int k = i; k < end; k++) {
                    char c = s.charAt(k);
                    if (c != '\r') {
                        out.append(c);
                    } else if (k + 1 >= end || s.charAt(k + 1) != '\n') {
                        out.append('\n');
                    }
                }
            } else {
                out.append(s, i, end);
            }
            if (end == to) {
                return true;
            }
            int semi = s.indexOf(';', amp);
            if (semi < 0 || semi > to) {
                return false;
            }
            int ch = reference(s.substring(amp + 1, semi));
            if (ch < 0) {
                return false;
            }
            out.appendCodePoint(ch);
            i = semi + 1;
        }
        return true;
    }

    private static int reference(String name) {
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                break;
        }
        try {
            int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                    : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1;
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            return allowed ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String attributeValue() {
        char q = s.charAt(pos);
        if (q != '"' && q != '\'') {
            return null;
        }
        int start = pos + 1;
        int end = s.indexOf(q, start);
        if (end < 0) {
            return null;
        }
        boolean references = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            // '<' is not allowed; literal TAB/CR/LF are normalised to spaces (XML 1.0 3.3.3): the full parser does that
            if (c == '<' || c < 0x20) {
                return null;
            }
            references |= c == '&';
        }
        String value;
        if (references) {
            StringBuilder v = new StringBuilder(end - start);
            if (!text(start, end, v)) {
                return null;
            }
            value = v.toString();
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0) {
                return null;
            }
        } else {
            value = s.substring(start, end);
        }
        pos = end + 1;
        return value;
    }

    private boolean skipEquals() {
        skipSpace();
        if (s.charAt(pos) != '=') {
            return false;
        }
        pos++;
        skipSpace();
        return true;
    }

    private boolean skipSpace() {
        int start = pos;
        while (true) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return pos > start;
            }
            pos++;
        }
    }

    private String name() {
        int start = pos;
        if (!isNameStart(s.charAt(pos))) {
            return null;
        }
        pos++;
        while (true) {
            char c = s.charAt(pos);
            if (!(isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }
}
