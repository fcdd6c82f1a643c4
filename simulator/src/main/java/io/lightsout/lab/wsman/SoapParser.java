package io.lightsout.lab.wsman;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses request envelopes with a hardened StAX reader: any DOCTYPE is refused outright (no DTD, no internal or
 * external entities, so neither XXE nor entity expansion can reach the lab), depth and element count are bounded.
 */
public final class SoapParser {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ELEMENTS = 20_000;
    private static final XMLInputFactory FACTORY = hardenedFactory();
    /*
     * A JDK StAX reader costs more to create than a power-state request costs to parse. Requests are parsed on the
     * lab's IO threads (platform threads), so each keeps a factory with the JDK's "reuse-instance" property, which
     * hands out its closed reader again. Its symbol table keeps every name seen: the factory is replaced after
     * REUSE_LIMIT requests and large requests get a fresh reader, so hostile requests cannot grow it without bound.
     */
    private static final int REUSE_MAX_BYTES = 16 * 1024;
    private static final int REUSE_LIMIT = 256;
    private static final ThreadLocal<Reusable> REUSABLE = new ThreadLocal<>();

    private SoapParser() {
    }

    private static final class Reusable {
        final XMLInputFactory factory = hardenedFactory();
        int uses;

        Reusable() {
            factory.setProperty("reuse-instance", true);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Parses one envelope; a malformed or hostile document is a {@link WsmanFault} (400, Sender). */
    public static SoapRequest parse(byte[] bytes) {
        XmlElement envelope = parseTree(bytes);
        if (!"Envelope".equals(envelope.name()) || !Ns.SOAP.equals(envelope.namespace())) {
            throw new WsmanFault(400, true, Ns.SOAP, "VersionMismatch",
                    "The document element is not a SOAP 1.2 Envelope.", null);
        }
        XmlElement header = envelope.child("Header");
        XmlElement bodyEl = envelope.child("Body");
        if (bodyEl == null) {
            throw WsmanFault.schemaValidation("The envelope has no Body.");
        }
        String action = null;
        String to = null;
        String messageId = null;
        String resourceUri = null;
        int maxEnvelope = 0;
        Map<String, String> selectors = new LinkedHashMap<>();
        if (header != null) {
            for (XmlElement h : header.children()) {
                switch (h.name()) {
                    case "Action" -> action = h.text();
                    case "To" -> to = h.text();
                    case "MessageID" -> messageId = h.text();
                    case "ResourceURI" -> resourceUri = h.text();
                    case "SelectorSet" -> readSelectors(h, selectors);
                    case "MaxEnvelopeSize" -> maxEnvelope = positive(h.text());
                    default -> {
                        // ReplyTo, OperationTimeout, MaxEnvelopeSize, Locale, OptionSet: accepted, not acted on
                    }
                }
            }
        }
        XmlElement body = bodyEl.children().isEmpty() ? null : bodyEl.children().get(0);
        return new SoapRequest(action, to, messageId, resourceUri, Map.copyOf(selectors), body, maxEnvelope);
    }

    private static int positive(String s) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw WsmanFault.invalidParameter("MaxEnvelopeSize must be a positive integer: " + s);
    }

    /** Reads a SelectorSet; an EPR-valued selector is reduced to its own selectors' first value. */
    public static void readSelectors(XmlElement selectorSet, Map<String, String> into) {
        for (XmlElement s : selectorSet.children("Selector")) {
            String name = s.attributes().get("Name");
            if (name == null) {
                throw WsmanFault.invalidSelectors("selector without Name");
            }
            String value = s.text();
            XmlElement epr = s.find("SelectorSet");
            if (epr != null) {
                Map<String, String> inner = new LinkedHashMap<>();
                readSelectors(epr, inner);
                value = inner.values().stream().findFirst().orElse("");
            }
            into.put(name, value);
        }
    }

    /** Parses any small document into an {@link XmlElement} tree with the same hardening. */
    public static XmlElement parseTree(byte[] bytes) {
        XMLStreamReader r = null;
        Reusable reusable = null;
        boolean parsed = false;
        if (bytes.length <= REUSE_MAX_BYTES && !Thread.currentThread().isVirtual()) {
            reusable = REUSABLE.get();
            if (reusable == null || reusable.uses >= REUSE_LIMIT) {
                reusable = new Reusable();
                REUSABLE.set(reusable);
            }
            reusable.uses++;
        }
        try {
            r = (reusable != null ? reusable.factory : FACTORY).createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Builder> stack = new ArrayDeque<>();
            XmlElement root = null;
            int count = 0;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION ->
                            throw WsmanFault.schemaValidation("DOCTYPE and entities are not accepted.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++count > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                            throw new WsmanFault(400, true, Ns.WSMAN, "EncodingLimit",
                                    "The request exceeds the lab's element or depth limit.", null);
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        stack.push(new Builder(r.getNamespaceURI(), r.getLocalName(), attrs));
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
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw WsmanFault.schemaValidation("Empty document.");
            }
            parsed = true;
            return root;
        } catch (XMLStreamException e) {
            throw WsmanFault.schemaValidation("The request is not well-formed XML.");
        } finally {
            if (!parsed && reusable != null) {
                // a reader left mid-document is not handed out again
                REUSABLE.remove();
            }
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static final class Builder {
        final String ns;
        final String name;
        final Map<String, String> attrs;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>(4);

        Builder(String ns, String name, Map<String, String> attrs) {
            this.ns = ns == null ? "" : ns;
            this.name = name;
            this.attrs = attrs;
        }

        XmlElement build() {
            return new XmlElement(ns, name, attrs, text.toString().trim(), List.copyOf(children));
        }
    }
}
