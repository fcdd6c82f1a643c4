package io.lightsout.wsman.testing;

import io.lightsout.wsman.xml.SecureXml;
import io.lightsout.wsman.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two WS-Man requests the same call: action, resource, selectors and body, compared by namespace URI
 * and local name (prefixes, MessageID, other headers and whitespace ignored).
 */
public record RequestShape(String action, String resourceUri, Map<String, String> selectors, String body) {

    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    public static RequestShape of(String envelope) {
        try {
            XmlElement env = SecureXml.parse(envelope.getBytes(StandardCharsets.UTF_8));
            XmlElement header = env.child(SOAP, "Header").orElseThrow();
            Map<String, String> selectors = new TreeMap<>();
            header.child(WSMAN, "SelectorSet").ifPresent(set -> set.children(WSMAN, "Selector")
                    .forEach(s -> selectors.put(s.attribute("", "Name").orElse(""), canonical(s))));
            StringBuilder body = new StringBuilder();
            env.child(SOAP, "Body").orElseThrow().children().forEach(c -> body.append(canonical(c)));
            return new RequestShape(header.childText(WSA, "Action").orElse(""),
                    header.childText(WSMAN, "ResourceURI").orElse(""), selectors, body.toString());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a parsable envelope", e);
        }
    }

    private static String canonical(XmlElement e) {
        StringBuilder sb = new StringBuilder().append('{').append(e.namespace()).append('}').append(e.name());
        new TreeMap<>(e.attributes()).forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
        sb.append('[').append(e.trimmedText());
        e.children().forEach(c -> sb.append(canonical(c)));
        return sb.append(']').toString();
    }
}
