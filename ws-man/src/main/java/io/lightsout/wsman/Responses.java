package io.lightsout.wsman;

import io.lightsout.wsman.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads response envelopes (pure: parsed XML in, records out). Tolerates what devices really send: items in
 * {@code wsman:Items} or {@code wsen:Items}, an empty final EnumerationContext, EndOfSequence in either namespace.
 */
public final class Responses {

    private Responses() {
    }

    /**
     * One page of an enumeration.
     *
     * @param items the items of this response
     * @param context the context for the next Pull; empty when absent or empty
     * @param endOfSequence whether the device said this is the last page
     */
    public record Page(List<EnumeratedItem> items, Optional<String> context, boolean endOfSequence) {
    }

    /** The {@code s:Body} of an envelope. */
    public static XmlElement body(String endpoint, XmlElement envelope) {
        if (!envelope.is(Namespaces.SOAP, "Envelope")) {
            throw unexpected(endpoint, "not a SOAP 1.2 envelope: " + envelope);
        }
        return envelope.child(Namespaces.SOAP, "Body")
                .orElseThrow(() -> unexpected(endpoint, "envelope without a Body"));
    }

    /** The fault in an envelope's body, as an exception to throw, if the body holds one. */
    public static Optional<WsmanFaultException> fault(String endpoint, int httpStatus, XmlElement envelope) {
        Optional<XmlElement> f = body(endpoint, envelope).child(Namespaces.SOAP, "Fault");
        if (f.isEmpty()) {
            return Optional.empty();
        }
        XmlElement fault = f.get();
        Optional<XmlElement> code = fault.child(Namespaces.SOAP, "Code");
        String codeValue = code.flatMap(c -> c.child(Namespaces.SOAP, "Value")).map(v -> qname(v)).orElse("");
        String subcode = code.flatMap(c -> c.child(Namespaces.SOAP, "Subcode"))
                .flatMap(s -> s.child(Namespaces.SOAP, "Value")).map(v -> qname(v)).orElse("");
        String reason = fault.child(Namespaces.SOAP, "Reason")
                .map(r -> r.child(Namespaces.SOAP, "Text").map(XmlElement::trimmedText).orElse(r.deepText()))
                .orElse("");
        String detail = fault.child(Namespaces.SOAP, "Detail")
                .map(d -> d.childText(Namespaces.WSMAN, "FaultDetail").orElse(d.deepText())).orElse("");
        return Optional.of(new WsmanFaultException(endpoint, httpStatus, codeValue, subcode, reason, detail));
    }

    /** A Get/Put response: the instance element is the body's only child. */
    public static CimInstance instance(String endpoint, XmlElement body) {
        if (body.children().isEmpty()) {
            throw unexpected(endpoint, "empty Body where an instance was expected");
        }
        return CimInstance.of(body.children().getFirst());
    }

    /** An EnumerateResponse or PullResponse. */
    public static Page page(String endpoint, XmlElement body) {
        XmlElement r = body.child(Namespaces.WSEN, "EnumerateResponse")
                .or(() -> body.child(Namespaces.WSEN, "PullResponse"))
                .orElseThrow(() -> unexpected(endpoint, "no EnumerateResponse/PullResponse in Body"));
        Optional<String> context = r.childText(Namespaces.WSEN, "EnumerationContext").filter(s -> !s.isEmpty());
        boolean end = r.child(Namespaces.WSMAN, "EndOfSequence").isPresent()
                || r.child(Namespaces.WSEN, "EndOfSequence").isPresent();
        List<EnumeratedItem> items = new ArrayList<>();
        for (XmlElement container : r.children()) {
            if (container.name().equals("Items")
                    && (container.namespace().equals(Namespaces.WSMAN) || container.namespace().equals(Namespaces.WSEN))) {
                for (XmlElement item : container.children()) {
                    items.add(item(item));
                }
            }
        }
        return new Page(items, context, end);
    }

    private static EnumeratedItem item(XmlElement e) {
        if (e.is(Namespaces.WSA, "EndpointReference")) {
            return new EnumeratedItem(null, reference(e));
        }
        if (e.is(Namespaces.WSMAN, "Item")) {
            CimInstance instance = null;
            EndpointReference ref = null;
            for (XmlElement c : e.children()) {
                if (c.is(Namespaces.WSA, "EndpointReference")) {
                    ref = reference(c);
                } else if (instance == null) {
                    instance = CimInstance.of(c);
                }
            }
            return new EnumeratedItem(instance, ref);
        }
        return new EnumeratedItem(CimInstance.of(e), null);
    }

    /** A {@code <Method>_OUTPUT} body. */
    public static InvokeResult invoke(String endpoint, String method, XmlElement body) {
        XmlElement out = body.children().stream().filter(c -> c.name().endsWith("_OUTPUT")).findFirst()
                .orElseThrow(() -> unexpected(endpoint, "no " + method + "_OUTPUT in Body"));
        CimInstance output = CimInstance.of(out);
        Map<String, EndpointReference> refs = new LinkedHashMap<>();
        for (XmlElement p : out.children()) {
            referenceIn(p).ifPresent(epr -> refs.putIfAbsent(p.name(), epr));
        }
        OptionalLong rv = output.number("ReturnValue").map(OptionalLong::of).orElse(OptionalLong.empty());
        return new InvokeResult(method, rv, output, refs);
    }

    /** An IdentifyResponse body. */
    public static IdentifyResult identify(String endpoint, XmlElement body) {
        XmlElement r = body.child(Namespaces.WSMID, "IdentifyResponse")
                .orElseThrow(() -> unexpected(endpoint, "no IdentifyResponse in Body"));
        List<String> profiles = r.child(Namespaces.WSMID, "SecurityProfiles")
                .map(sp -> sp.children().stream().map(XmlElement::trimmedText).toList()).orElse(List.of());
        return new IdentifyResult(r.childText(Namespaces.WSMID, "ProtocolVersion").orElse(""),
                r.childText(Namespaces.WSMID, "ProductVendor").orElse(""),
                r.childText(Namespaces.WSMID, "ProductVersion").orElse(""), profiles);
    }

    /**
     * The EPR a property holds: either the property itself carries {@code wsa:Address}/{@code
     * wsa:ReferenceParameters}, or it wraps a {@code wsa:EndpointReference} (Dell's job outputs).
     */
    public static Optional<EndpointReference> referenceIn(XmlElement property) {
        if (property.child(Namespaces.WSA, "ReferenceParameters").isPresent()) {
            return Optional.of(reference(property));
        }
        return property.child(Namespaces.WSA, "EndpointReference").map(Responses::reference);
    }

    /** Reads an element holding {@code wsa:Address} and {@code wsa:ReferenceParameters}. */
    public static EndpointReference reference(XmlElement e) {
        String address = e.childText(Namespaces.WSA, "Address").orElse(Namespaces.ANONYMOUS);
        Optional<XmlElement> params = e.child(Namespaces.WSA, "ReferenceParameters");
        String uri = params.flatMap(p -> p.childText(Namespaces.WSMAN, "ResourceURI")).orElse("");
        Map<String, Value> selectors = new LinkedHashMap<>();
        params.flatMap(p -> p.child(Namespaces.WSMAN, "SelectorSet")).ifPresent(set -> {
            for (XmlElement s : set.children(Namespaces.WSMAN, "Selector")) {
                String name = s.attribute("", "Name").orElse("");
                Optional<XmlElement> nested = s.child(Namespaces.WSA, "EndpointReference");
                selectors.put(name, nested.<Value>map(n -> Value.ref(reference(n)))
                        .orElseGet(() -> Value.text(s.trimmedText())));
            }
        });
        return new EndpointReference(address, uri, new SelectorSet(selectors));
    }

    private static String qname(XmlElement valueElement) {
        return valueElement.trimmedText();
    }

    private static WsmanProtocolException unexpected(String endpoint, String why) {
        return new WsmanProtocolException(endpoint, WsmanProtocolException.Kind.UNEXPECTED_CONTENT, 200, why, null);
    }
}
