package io.lightsout.wsman;

import static io.lightsout.wsman.xml.XmlText.escape;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds request envelopes (pure: request in, XML text out). Headers follow DSP0226 §5–6 with WS-Addressing
 * 2004/08: To, ResourceURI, ReplyTo anonymous, Action, MessageID, MaxEnvelopeSize, Locale, SelectorSet,
 * OperationTimeout — mustUnderstand on those a service has to honour.
 */
public final class Envelopes {

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"" + Namespaces.SOAP + "\" xmlns:wsa=\"" + Namespaces.WSA
            + "\" xmlns:wsman=\"" + Namespaces.WSMAN + "\" xmlns:xsi=\"" + Namespaces.XSI + "\">";
    private static final String MU = " s:mustUnderstand=\"true\"";

    private Envelopes() {
    }

    /**
     * Addressing and limits for one request.
     *
     * @param to the {@code wsa:To} value (the endpoint URL)
     * @param messageId the {@code wsa:MessageID}, {@code uuid:...}
     * @param operationTimeout the {@code wsman:OperationTimeout}, or {@code null} to omit
     * @param maxEnvelopeSize the {@code wsman:MaxEnvelopeSize} in octets, or 0 to omit
     * @param locale the {@code wsman:Locale} language tag, or {@code null} to omit
     */
    public record Addressing(String to, String messageId, Duration operationTimeout, int maxEnvelopeSize,
                             String locale) {
    }

    /** The full envelope text for a request. */
    public static String envelope(Request r, Addressing a) {
        StringBuilder sb = new StringBuilder(1024 + r.body().length()).append(OPEN).append("<s:Header>");
        if (r.action() != null) {
            element(sb.append("<wsa:To").append(MU).append('>'), a.to(), "wsa:To");
            element(sb.append("<wsman:ResourceURI").append(MU).append('>'), r.resourceUri(), "wsman:ResourceURI");
            sb.append("<wsa:ReplyTo><wsa:Address").append(MU).append('>').append(Namespaces.ANONYMOUS)
                    .append("</wsa:Address></wsa:ReplyTo>");
            element(sb.append("<wsa:Action").append(MU).append('>'), r.action(), "wsa:Action");
            if (a.maxEnvelopeSize() > 0) {
                sb.append("<wsman:MaxEnvelopeSize").append(MU).append('>').append(a.maxEnvelopeSize())
                        .append("</wsman:MaxEnvelopeSize>");
            }
            element(sb.append("<wsa:MessageID").append(MU).append('>'), a.messageId(), "wsa:MessageID");
            if (a.locale() != null) {
                escape(sb.append("<wsman:Locale xml:lang=\""), a.locale())
                        .append("\" s:mustUnderstand=\"false\"/>");
            }
            if (!r.selectors().isEmpty()) {
                selectorSet(sb, r.selectors(), "wsman:");
            }
            if (a.operationTimeout() != null) {
                sb.append("<wsman:OperationTimeout>").append(duration(a.operationTimeout()))
                        .append("</wsman:OperationTimeout>");
            }
        }
        return sb.append("</s:Header><s:Body>").append(r.body()).append("</s:Body></s:Envelope>").toString();
    }

    /** Identify: no addressing headers, body {@code wsmid:Identify} (DSP0226 §11). */
    public static Request identify() {
        return new Request(null, null, SelectorSet.EMPTY,
                "<wsmid:Identify xmlns:wsmid=\"" + Namespaces.WSMID + "\"/>", true);
    }

    public static Request get(String resourceUri, SelectorSet selectors) {
        return new Request(Namespaces.ACTION_GET, resourceUri, selectors, "", true);
    }

    /** Put of a whole instance: the body is the instance element in the resource URI's namespace. */
    public static Request put(String resourceUri, SelectorSet selectors, CimInstance instance) {
        StringBuilder sb = new StringBuilder(512);
        String cls = Namespaces.className(resourceUri);
        escape(sb.append("<p:").append(cls).append(" xmlns:p=\""), resourceUri).append("\">");
        for (Map.Entry<String, List<String>> e : instance.properties().entrySet()) {
            requireName(e.getKey(), "property");
            if (e.getValue().isEmpty()) {
                sb.append("<p:").append(e.getKey()).append(" xsi:nil=\"true\"/>");
            }
            for (String v : e.getValue()) {
                element(sb.append("<p:").append(e.getKey()).append('>'), v, "p:" + e.getKey());
            }
        }
        return new Request(Namespaces.ACTION_PUT, resourceUri, selectors, sb.append("</p:").append(cls)
                .append('>').toString(), true);
    }

    public static Request enumerate(String resourceUri, EnumerateOptions o) {
        StringBuilder sb = new StringBuilder(256).append("<wsen:Enumerate xmlns:wsen=\"").append(Namespaces.WSEN)
                .append("\">");
        switch (o.mode()) {
            case OBJECT -> { }
            case EPR -> sb.append("<wsman:EnumerationMode>EnumerateEPR</wsman:EnumerationMode>");
            case OBJECT_AND_EPR -> sb.append("<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>");
        }
        if (o.optimize()) {
            sb.append("<wsman:OptimizeEnumeration/><wsman:MaxElements>").append(o.maxElements())
                    .append("</wsman:MaxElements>");
        }
        if (o.filter() != null) {
            escape(sb.append("<wsman:Filter Dialect=\""), o.filter().dialect()).append("\">");
            escape(sb, o.filter().expression()).append("</wsman:Filter>");
        }
        String body = o.optimize() || o.filter() != null || o.mode() != EnumerateOptions.Mode.OBJECT
                ? sb.append("</wsen:Enumerate>").toString()
                : "<wsen:Enumerate xmlns:wsen=\"" + Namespaces.WSEN + "\"/>";
        return new Request(Namespaces.ACTION_ENUMERATE, resourceUri, SelectorSet.EMPTY, body, true);
    }

    public static Request pull(String resourceUri, String context, EnumerateOptions o) {
        StringBuilder sb = new StringBuilder(256).append("<wsen:Pull xmlns:wsen=\"").append(Namespaces.WSEN)
                .append("\">");
        element(sb.append("<wsen:EnumerationContext>"), context, "wsen:EnumerationContext");
        sb.append("<wsen:MaxElements>").append(o.maxElements()).append("</wsen:MaxElements>");
        if (o.maxCharacters() > 0) {
            sb.append("<wsen:MaxCharacters>").append(o.maxCharacters()).append("</wsen:MaxCharacters>");
        }
        return new Request(Namespaces.ACTION_PULL, resourceUri, SelectorSet.EMPTY,
                sb.append("</wsen:Pull>").toString(), true);
    }

    public static Request release(String resourceUri, String context) {
        StringBuilder sb = new StringBuilder(200).append("<wsen:Release xmlns:wsen=\"").append(Namespaces.WSEN)
                .append("\">");
        element(sb.append("<wsen:EnumerationContext>"), context, "wsen:EnumerationContext");
        return new Request(Namespaces.ACTION_RELEASE, resourceUri, SelectorSet.EMPTY,
                sb.append("</wsen:Release>").toString(), true);
    }

    /** Invoke of an extrinsic method: Action {@code <ResourceURI>/<Method>}, body {@code <Method>_INPUT}. */
    public static Request invoke(String resourceUri, String method, SelectorSet selectors, List<Parameter> params) {
        requireName(method, "method");
        StringBuilder sb = new StringBuilder(512);
        escape(sb.append("<p:").append(method).append("_INPUT xmlns:p=\""), resourceUri).append("\">");
        for (Parameter p : params) {
            requireName(p.name(), "parameter");
            for (Value v : p.values()) {
                sb.append("<p:").append(p.name()).append('>');
                value(sb, v);
                sb.append("</p:").append(p.name()).append('>');
            }
        }
        sb.append("</p:").append(method).append("_INPUT>");
        return new Request(resourceUri + "/" + method, resourceUri, selectors, sb.toString(), false);
    }

    /** Names become element names: only CIM identifiers, so nothing can break out of the element. */
    private static void requireName(String name, String what) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a " + what + " name: " + name);
        }
    }

    private static void value(StringBuilder sb, Value v) {
        switch (v) {
            case Value.Text(String s) -> escape(sb, s);
            case Value.Ref(EndpointReference epr) -> reference(sb, epr);
        }
    }

    /** An EPR's content: {@code wsa:Address} and {@code wsa:ReferenceParameters} (DSP0226 §5.1, DSP0227 §8). */
    static void reference(StringBuilder sb, EndpointReference epr) {
        element(sb.append("<wsa:Address>"), epr.address(), "wsa:Address");
        element(sb.append("<wsa:ReferenceParameters><wsman:ResourceURI>"), epr.resourceUri(), "wsman:ResourceURI");
        selectorSet(sb, epr.selectors(), "wsman:");
        sb.append("</wsa:ReferenceParameters>");
    }

    private static void selectorSet(StringBuilder sb, SelectorSet set, String p) {
        sb.append('<').append(p).append("SelectorSet>");
        for (Map.Entry<String, Value> e : set.selectors().entrySet()) {
            escape(sb.append('<').append(p).append("Selector Name=\""), e.getKey()).append("\">");
            if (e.getValue() instanceof Value.Ref(EndpointReference epr)) {
                sb.append("<wsa:EndpointReference>");
                reference(sb, epr);
                sb.append("</wsa:EndpointReference>");
            } else {
                value(sb, e.getValue());
            }
            sb.append("</").append(p).append("Selector>");
        }
        sb.append("</").append(p).append("SelectorSet>");
    }

    private static StringBuilder element(StringBuilder sb, String text, String close) {
        return escape(sb, text).append("</").append(close).append('>');
    }

    /** An xs:duration with millisecond precision, e.g. {@code PT60.000S}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        String frac = Long.toString(1000 + ms % 1000).substring(1);
        return "PT" + ms / 1000 + "." + frac + "S";
    }
}
