package io.lightsout.lab.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The protocol half of a simulated service: routes a parsed request to a {@link CimProvider}. */
public final class WsmanDispatcher {
    /** An answer: HTTP status and envelope text. */
    public record Reply(int status, String body) {
    }

    private final Dialect dialect;
    private final CimProvider provider;
    private final Enumerations enumerations;

    public WsmanDispatcher(Dialect dialect, CimProvider provider, Enumerations enumerations) {
        this.dialect = dialect;
        this.provider = provider;
        this.enumerations = enumerations;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Parses and answers; every failure becomes a SOAP fault with its own HTTP status. */
    public Reply handle(byte[] requestBytes) {
        return handle(requestBytes, false);
    }

    /**
     * As {@link #handle(byte[])}; with {@code onePerPage} every Enumerate/Pull page holds at most one item
     * whatever MaxElements says, as some iDRACs do (openwsman#14).
     */
    public Reply handle(byte[] requestBytes, boolean onePerPage) {
        SoapRequest req = null;
        try {
            req = SoapParser.parse(requestBytes);
            String body = answer(req, onePerPage);
            // a char is at most 3 UTF-8 octets: count them only when the limit could be reached
            if (req.maxEnvelopeSize() > 0 && (long) body.length() * 3 > req.maxEnvelopeSize()
                    && utf8Length(body) > req.maxEnvelopeSize()) {
                // DSP0226 7.3: the service must not send more than the client's MaxEnvelopeSize
                throw new WsmanFault(400, true, Ns.WSMAN, "EncodingLimit", "The response of " + utf8Length(body)
                        + " octets exceeds the MaxEnvelopeSize of " + req.maxEnvelopeSize() + ".",
                        "MaxEnvelopeSize");
            }
            return new Reply(200, body);
        } catch (WsmanFault f) {
            return new Reply(f.httpStatus(), Envelope.fault(dialect, req == null ? null : req.messageId(), f));
        } catch (RuntimeException e) {
            WsmanFault f = WsmanFault.internalError("Internal error in the simulated service.");
            return new Reply(500, Envelope.fault(dialect, req == null ? null : req.messageId(), f));
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private String answer(SoapRequest req, boolean onePerPage) {
        if (req.isIdentify()) {
            String[] id = provider.identity();
            return Envelope.identify(dialect, id[0], id[1]);
        }
        if (req.action() == null) {
            throw new WsmanFault(400, true, Ns.WSA, "MessageInformationHeaderRequired",
                    "A required header property is missing: Action", null);
        }
        if (req.resourceUri() == null) {
            throw WsmanFault.destinationUnreachable("(none)");
        }
        String classNs = provider.classNamespace(req.resourceUri());
        if (classNs == null) {
            throw WsmanFault.destinationUnreachable(req.resourceUri());
        }
        String rel = req.messageId();
        String uri = req.resourceUri();
        return switch (req.action()) {
            case Ns.GET -> Envelope.transfer(dialect, Ns.WXF + "/GetResponse", rel, uri,
                    select(provider.instances(classNs), req.selectors()));
            case Ns.PUT -> Envelope.transfer(dialect, Ns.WXF + "/PutResponse", rel, uri,
                    provider.put(classNs, req.selectors(), requireBody(req)));
            case Ns.ENUMERATE -> enumerate(req, classNs, onePerPage);
            case Ns.PULL -> pull(req, onePerPage);
            case Ns.RELEASE -> {
                enumerations.release(contextOf(req));
                yield Envelope.empty(dialect, Ns.WSEN + "/ReleaseResponse", rel, uri);
            }
            default -> invoke(req, classNs);
        };
    }

    private String invoke(SoapRequest req, String classNs) {
        String action = req.action();
        int slash = action.lastIndexOf('/');
        String actionClass = slash < 0 ? "" : action.substring(0, slash);
        String method = action.substring(slash + 1);
        if (slash < 0 || !sameClass(actionClass, req.resourceUri())) {
            throw WsmanFault.actionNotSupported(action);
        }
        XmlElement input = req.body();
        if (input != null && !input.name().equals(method + "_INPUT")) {
            throw WsmanFault.invalidParameter("Body element " + input.name() + " does not match " + method + "_INPUT");
        }
        List<CimInstance.Property> out = provider.invoke(classNs, method, req.selectors(), input);
        return Envelope.methodOutput(dialect, req.messageId(), classNs, classNs, method, out);
    }

    private static boolean sameClass(String actionClass, String resourceUri) {
        return actionClass.equals(resourceUri)
                || lastSegment(actionClass).equals(lastSegment(resourceUri));
    }

    private static String lastSegment(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private String enumerate(SoapRequest req, String classNs, boolean onePerPage) {
        XmlElement e = requireBody(req);
        if (!e.name().equals("Enumerate")) {
            throw WsmanFault.schemaValidation("Enumerate action with body " + e.name());
        }
        List<CimInstance> all = provider.instances(classNs);
        XmlElement filterEl = e.child("Filter");
        if (filterEl != null) {
            Filter f = Filter.parse(filterEl.attributes().get("Dialect"), filterEl.text());
            List<CimInstance> kept = new ArrayList<>();
            for (CimInstance i : all) {
                if (f.matches(i)) {
                    kept.add(i);
                }
            }
            all = kept;
        }
        boolean optimize = e.child("OptimizeEnumeration") != null;
        int max = optimize ? (onePerPage ? 1 : intOr(e.child("MaxElements"), 1)) : 0;
        Enumerations.Page page = enumerations.start(req.resourceUri(), classNs, all, max);
        return Envelope.enumerateResponse(dialect, req.messageId(), req.resourceUri(), classNs, page.items(),
                optimize, page.context(), page.end());
    }

    private String pull(SoapRequest req, boolean onePerPage) {
        XmlElement p = requireBody(req);
        // MaxElements arrives in wsen (DSP0226) or wsman (python-dracclient) namespace; either is honoured
        int max = intOr(p.child("MaxElements"), 1);
        Enumerations.Page page = enumerations.pull(contextOf(req), onePerPage ? 1 : max);
        return Envelope.pullResponse(dialect, req.messageId(), req.resourceUri(), page.classNs(), page.items(),
                page.context(), page.end());
    }

    private static String contextOf(SoapRequest req) {
        XmlElement body = requireBody(req);
        XmlElement ctx = body.child("EnumerationContext");
        return ctx == null || ctx.text().isEmpty() ? null : ctx.text();
    }

    private static XmlElement requireBody(SoapRequest req) {
        if (req.body() == null) {
            throw WsmanFault.schemaValidation("The request body is empty.");
        }
        return req.body();
    }

    private static int intOr(XmlElement e, int dflt) {
        if (e == null || e.text().isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(e.text());
            if (v < 1) {
                throw WsmanFault.invalidParameter("MaxElements must be positive");
            }
            return v;
        } catch (NumberFormatException x) {
            throw WsmanFault.invalidParameter("MaxElements is not a number");
        }
    }

    /** Picks the instance a Get addresses: every selector (except __cimnamespace) must match a property. */
    static CimInstance select(List<CimInstance> instances, Map<String, String> selectors) {
        if (instances.isEmpty()) {
            throw WsmanFault.invalidSelectors("no instance exists");
        }
        for (CimInstance i : instances) {
            boolean all = true;
            for (Map.Entry<String, String> s : selectors.entrySet()) {
                if (s.getKey().equals("__cimnamespace")) {
                    continue;
                }
                String v = i.get(s.getKey());
                if (i.has(s.getKey()) && !s.getValue().equals(v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return i;
            }
        }
        throw WsmanFault.invalidSelectors("no instance matches " + selectors);
    }
}
