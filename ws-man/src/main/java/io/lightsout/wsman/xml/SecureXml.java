package io.lightsout.wsman.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened StAX parsing of device XML into {@link XmlElement} trees. No DTD is accepted (a document that declares
 * one is refused, so neither external entities nor entity expansion can happen); depth and element count are
 * bounded. {@link #parseLenient} additionally strips characters XML 1.0 forbids, which some iDRAC firmware emits in
 * inventory strings, and whitespace before the XML declaration.
 */
public final class SecureXml {

    /** The XML Schema instance namespace ({@code xsi:nil}). */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 500_000;
    private static final XMLInputFactory FACTORY = newFactory();
    /*
     * Creating a JDK StAX reader (symbol table, scanner, entity manager) costs about as much as parsing a power-state
     * answer. A factory with the JDK's "reuse-instance" property hands out its last reader again once it is closed,
     * so small documents are parsed with pooled factories (one reader each; a factory is not thread-safe, hence
     * taken from the pool for one parse). A reader's symbol table keeps the names it has seen: a factory is retired
     * after REUSE_LIMIT parses and large documents get a fresh reader, which bounds what a hostile device can make
     * the pool retain (POOL × REUSE_LIMIT × REUSE_MAX_BYTES).
     */
    private static final String REUSE_INSTANCE = "reuse-instance";
    private static final int REUSE_MAX_BYTES = 16 * 1024;
    private static final int REUSE_LIMIT = 256;
    private static final ArrayBlockingQueue<Pooled> POOL =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());
    // C0 controls other than TAB, LF, CR, and their character references, are not allowed in XML 1.0.
    private static final Pattern FORBIDDEN = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|&#(?:x0*[0-8bBcCeEfF]|x0*1[0-9a-fA-F]|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));");

    private SecureXml() {
    }

    private static XMLInputFactory newFactory() {
        // The JDK's own parser, whatever else is on the class path (CXF brings Woodstox): the hardening below is
        // tested against this implementation.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    /** Parses strictly. */
    public static XmlElement parse(byte[] document) throws XmlParseException {
        XmlElement plain = PlainXmlReader.tryParse(document, MAX_ELEMENTS, MAX_DEPTH);
        return plain != null ? plain : parseWithStax(document);
    }

    /** The hardened StAX reader: the authority on anything but plain documents, and the one that words errors. */
    static XmlElement parseWithStax(byte[] document) throws XmlParseException {
        Pooled pooled = document.length <= REUSE_MAX_BYTES ? take() : null;
        XMLInputFactory factory = pooled != null ? pooled.factory : FACTORY;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            XmlElement root;
            try {
                root = read(r);
            } finally {
                r.close();
            }
            if (pooled != null && ++pooled.uses < REUSE_LIMIT) {
                // only after a clean parse: a reader left mid-document is never handed out again
                POOL.offer(pooled);
            }
            return root;
        } catch (XMLStreamException e) {
            throw new XmlParseException(XmlParseException.Reason.MALFORMED, "not well-formed XML: "
                    + shortMessage(e), e);
        }
    }

    private static Pooled take() {
        Pooled p = POOL.poll();
        if (p != null) {
            return p;
        }
        XMLInputFactory f = newFactory();
        f.setProperty(REUSE_INSTANCE, true);
        return new Pooled(f);
    }

    private static final class Pooled {
        final XMLInputFactory factory;
        int uses;

        Pooled(XMLInputFactory factory) {
            this.factory = factory;
        }
    }

    /**
     * Parses strictly, and on a well-formedness error once more after removing forbidden characters and leading
     * whitespace. A refused document (DTD, entities, limits) stays refused.
     */
    public static XmlElement parseLenient(byte[] document) throws XmlParseException {
        try {
            return parse(document);
        } catch (XmlParseException e) {
            if (e.reason() == XmlParseException.Reason.REFUSED) {
                throw e;
            }
            String text = new String(document, StandardCharsets.UTF_8).stripLeading();
            String cleaned = FORBIDDEN.matcher(text).replaceAll("");
            return parse(cleaned.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static XmlElement read(XMLStreamReader r) throws XMLStreamException, XmlParseException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw refused("a DOCTYPE is not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw refused("entity references are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS) {
                        throw refused("more than " + MAX_ELEMENTS + " elements");
                    }
                    if (stack.size() >= MAX_DEPTH) {
                        throw refused("nesting deeper than " + MAX_DEPTH);
                    }
                    stack.push(new Builder(r));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = stack.pop().build();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().children.add(done);
                    }
                }
                default -> { }
            }
        }
        if (root == null) {
            throw new XmlParseException(XmlParseException.Reason.MALFORMED, "no root element", null);
        }
        return root;
    }

    private static XmlParseException refused(String why) {
        return new XmlParseException(XmlParseException.Reason.REFUSED, "refused XML: " + why, null);
    }

    private static String shortMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf("\nMessage: ");
        return nl >= 0 ? m.substring(nl + 10).strip() : m.strip();
    }

    private static final class Builder {
        final String ns;
        final String local;
        final Map<String, String> attrs;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(XMLStreamReader r) {
            ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            local = r.getLocalName();
            int n = r.getAttributeCount();
            attrs = n == 0 ? Map.of() : new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String ans = r.getAttributeNamespace(i);
                String key = ans == null || ans.isEmpty() ? r.getAttributeLocalName(i)
                        : "{" + ans + "}" + r.getAttributeLocalName(i);
                attrs.put(key, r.getAttributeValue(i));
            }
        }

        XmlElement build() {
            return new XmlElement(ns, local, attrs, text.toString(), children);
        }
    }
}
