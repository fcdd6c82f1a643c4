package io.lightsout.lab.wsman;

import java.util.List;
import java.util.Map;

/** Response envelopes written as text templates (no DOM): one method per response shape. */
public final class Envelope {
    private Envelope() {
    }

    /** Opening of an envelope up to and including {@code <s:Body>}; {@code classNs} may be null. */
    static StringBuilder open(Dialect d, String action, String relatesTo, String resourceUri, String classNs) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        b.append('<').append(d.soap()).append(":Envelope xmlns:").append(d.soap()).append("=\"").append(Ns.SOAP)
                .append("\" xmlns:").append(d.wsa()).append("=\"").append(Ns.WSA)
                .append("\" xmlns:").append(d.wsman()).append("=\"").append(Ns.WSMAN)
                .append("\" xmlns:").append(d.wsen()).append("=\"").append(Ns.WSEN)
                .append("\" xmlns:xsi=\"").append(Ns.XSI).append('"');
        if (classNs != null) {
            b.append(" xmlns:").append(d.cls()).append("=\"").append(Xml.escape(classNs)).append('"');
        }
        b.append("><").append(d.soap()).append(":Header>");
        el(b, d.wsa(), "To", Ns.ANONYMOUS);
        if (relatesTo != null) {
            el(b, d.wsa(), "RelatesTo", relatesTo);
        }
        el(b, d.wsa(), "Action", action);
        el(b, d.wsa(), "MessageID", d.nextMessageId());
        if (d.amtMessageIds() && resourceUri != null) {
            el(b, d.wsman(), "ResourceURI", resourceUri);
        }
        b.append("</").append(d.soap()).append(":Header><").append(d.soap()).append(":Body>");
        return b;
    }

    static String close(Dialect d, StringBuilder b) {
        return b.append("</").append(d.soap()).append(":Body></").append(d.soap()).append(":Envelope>").toString();
    }

    static void el(StringBuilder b, String prefix, String name, String text) {
        b.append('<').append(prefix).append(':').append(name).append('>').append(Xml.escape(text))
                .append("</").append(prefix).append(':').append(name).append('>');
    }

    /** Writes an instance as {@code <cls:Class>...</cls:Class>} with the dialect's class prefix. */
    public static void instance(Dialect d, StringBuilder b, CimInstance inst) {
        String p = d.cls();
        b.append('<').append(p).append(':').append(inst.className()).append('>');
        for (CimInstance.Property prop : inst.properties()) {
            switch (prop) {
                case CimInstance.Value v -> {
                    if (v.value() == null) {
                        b.append('<').append(p).append(':').append(v.name()).append(" xsi:nil=\"true\"/>");
                    } else {
                        el(b, p, v.name(), v.value());
                    }
                }
                case CimInstance.Ref r -> {
                    b.append('<').append(p).append(':').append(r.name()).append('>');
                    epr(d, b, r.resourceUri(), r.selectors());
                    b.append("</").append(p).append(':').append(r.name()).append('>');
                }
            }
        }
        b.append("</").append(p).append(':').append(inst.className()).append('>');
    }

    /** An EndpointReference body: Address + ReferenceParameters(ResourceURI, SelectorSet). */
    public static void epr(Dialect d, StringBuilder b, String resourceUri, Map<String, String> selectors) {
        el(b, d.wsa(), "Address", Ns.ANONYMOUS);
        b.append('<').append(d.wsa()).append(":ReferenceParameters>");
        el(b, d.wsman(), "ResourceURI", resourceUri);
        b.append('<').append(d.wsman()).append(":SelectorSet>");
        for (Map.Entry<String, String> s : selectors.entrySet()) {
            b.append('<').append(d.wsman()).append(":Selector Name=\"").append(Xml.escape(s.getKey())).append("\">")
                    .append(Xml.escape(s.getValue())).append("</").append(d.wsman()).append(":Selector>");
        }
        b.append("</").append(d.wsman()).append(":SelectorSet></").append(d.wsa()).append(":ReferenceParameters>");
    }

    /** A Get/Put response carrying one instance. */
    public static String transfer(Dialect d, String action, String relatesTo, String resourceUri, CimInstance inst) {
        StringBuilder b = open(d, action, relatesTo, resourceUri, inst.namespace());
        instance(d, b, inst);
        return close(d, b);
    }

    /** An EnumerateResponse: optimized ones carry wsman:Items; {@code end} means nothing is left to pull. */
    public static String enumerateResponse(Dialect d, String relatesTo, String resourceUri, String classNs,
                                           List<CimInstance> items, boolean optimized, String context, boolean end) {
        StringBuilder b = open(d, Ns.WSEN + "/EnumerateResponse", relatesTo, resourceUri, classNs);
        b.append('<').append(d.wsen()).append(":EnumerateResponse>");
        if (!end || !optimized) {
            el(b, d.wsen(), "EnumerationContext", context);
        }
        if (optimized) {
            b.append('<').append(d.wsman()).append(":Items>");
            for (CimInstance i : items) {
                instance(d, b, i);
            }
            b.append("</").append(d.wsman()).append(":Items>");
            if (end) {
                if (d.emptyFinalEnumerateContext()) {
                    // iDRAC: an empty context next to EndOfSequence (python-dracclient lifecycle_job mock)
                    b.append('<').append(d.wsen()).append(":EnumerationContext/>");
                }
                b.append('<').append(d.wsman()).append(":EndOfSequence/>");
            }
        }
        b.append("</").append(d.wsen()).append(":EnumerateResponse>");
        return close(d, b);
    }

    /** A PullResponse: a new context unless done, wsen:Items, EndOfSequence when done. */
    public static String pullResponse(Dialect d, String relatesTo, String resourceUri, String classNs,
                                      List<CimInstance> items, String context, boolean end) {
        StringBuilder b = open(d, Ns.WSEN + "/PullResponse", relatesTo, resourceUri, classNs);
        b.append('<').append(d.wsen()).append(":PullResponse>");
        if (!end) {
            el(b, d.wsen(), "EnumerationContext", context);
        }
        b.append('<').append(d.wsen()).append(":Items>");
        for (CimInstance i : items) {
            instance(d, b, i);
        }
        b.append("</").append(d.wsen()).append(":Items>");
        if (end) {
            b.append('<').append(d.wsen()).append(":EndOfSequence/>");
        }
        b.append("</").append(d.wsen()).append(":PullResponse>");
        return close(d, b);
    }

    /** An empty-bodied response such as ReleaseResponse. */
    public static String empty(Dialect d, String action, String relatesTo, String resourceUri) {
        return close(d, open(d, action, relatesTo, resourceUri, null));
    }

    /** A method output {@code <cls:Method_OUTPUT>} with the given properties (ReturnValue first by convention). */
    public static String methodOutput(Dialect d, String relatesTo, String resourceUri, String classNs, String method,
                                      List<CimInstance.Property> out) {
        StringBuilder b = open(d, resourceUri + "/" + method + "Response", relatesTo, resourceUri, classNs);
        CimInstance output = new CimInstance(classNs, method + "_OUTPUT", out);
        instance(d, b, output);
        return close(d, b);
    }

    /** IdentifyResponse (DSP0226 11). */
    public static String identify(Dialect d, String vendor, String version) {
        StringBuilder b = new StringBuilder(512);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><").append(d.soap()).append(":Envelope xmlns:")
                .append(d.soap()).append("=\"").append(Ns.SOAP).append("\" xmlns:wsmid=\"").append(Ns.WSMID)
                .append("\"><").append(d.soap()).append(":Header/><").append(d.soap())
                .append(":Body><wsmid:IdentifyResponse>");
        el(b, "wsmid", "ProtocolVersion", Ns.WSMAN);
        el(b, "wsmid", "ProductVendor", vendor);
        el(b, "wsmid", "ProductVersion", version);
        b.append("</wsmid:IdentifyResponse>");
        return close(d, b);
    }

    /** A SOAP 1.2 fault with a WS-Man subcode and, if given, a wsman:FaultDetail. */
    public static String fault(Dialect d, String relatesTo, WsmanFault f) {
        String faultAction = switch (f.subcodeNs()) {
            case Ns.WSA -> Ns.WSA + "/fault";
            case Ns.WSEN -> Ns.WSEN + "/fault";
            case Ns.WXF -> Ns.WXF + "/fault";
            default -> "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
        };
        StringBuilder b = open(d, faultAction, relatesTo, null, null);
        String s = d.soap();
        String subPrefix = prefixFor(d, f.subcodeNs());
        b.append('<').append(s).append(":Fault");
        if (subPrefix.equals("wxf")) {
            b.append(" xmlns:wxf=\"").append(Ns.WXF).append('"');
        }
        b.append("><").append(s).append(":Code><").append(s).append(":Value>").append(s)
                .append(f.sender() ? ":Sender" : ":Receiver").append("</").append(s).append(":Value><").append(s)
                .append(":Subcode><").append(s).append(":Value>").append(subPrefix).append(':').append(f.subcode())
                .append("</").append(s).append(":Value></").append(s).append(":Subcode></").append(s)
                .append(":Code><").append(s).append(":Reason><").append(s).append(":Text xml:lang=\"en-US\">")
                .append(Xml.escape(f.reason())).append("</").append(s).append(":Text></").append(s)
                .append(":Reason>");
        if (f.detail() != null) {
            b.append('<').append(s).append(":Detail>");
            el(b, d.wsman(), "FaultDetail", Ns.FAULT_DETAIL + f.detail());
            b.append("</").append(s).append(":Detail>");
        }
        b.append("</").append(s).append(":Fault>");
        return close(d, b);
    }

    private static String prefixFor(Dialect d, String ns) {
        return switch (ns) {
            case Ns.WSA -> d.wsa();
            case Ns.WSEN -> d.wsen();
            case Ns.SOAP -> d.soap();
            case Ns.WXF -> "wxf";
            default -> d.wsman();
        };
    }
}
