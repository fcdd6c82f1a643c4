package io.lightsout.wsman;

import io.lightsout.wsman.auth.Authenticator;
import io.lightsout.wsman.http.HttpTransport;
import io.lightsout.wsman.http.RawResponse;
import io.lightsout.wsman.xml.SecureXml;
import io.lightsout.wsman.xml.XmlElement;
import io.lightsout.wsman.xml.XmlParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The WS-Man operations against one BMC. Thread-safe: many virtual threads may call one session at once (the
 * Digest nonce and its counter are shared safely). Every method throws a {@link WsmanException} subtype on failure.
 */
public final class WsmanSession {

    private static final Map<String, String> NO_AUTH = Map.of("Content-Type", "application/soap+xml;charset=UTF-8");

    private final WsmanEndpoint endpoint;
    private final HttpTransport transport;
    private final Authenticator auth;
    private final String path;

    WsmanSession(WsmanEndpoint endpoint, HttpTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.auth = new Authenticator(endpoint.credentials(), endpoint.auth());
        String p = endpoint.url().getRawPath();
        this.path = (p == null || p.isEmpty() ? "/" : p)
                + (endpoint.url().getRawQuery() == null ? "" : "?" + endpoint.url().getRawQuery());
    }

    public WsmanEndpoint endpoint() {
        return endpoint;
    }

    /** Identify (DSP0226 §11): protocol version and product. */
    public IdentifyResult identify() {
        return Responses.identify(endpoint.display(), exchange(Envelopes.identify()));
    }

    /** Get of one instance. */
    public CimInstance get(String resourceUri, SelectorSet selectors) {
        return Responses.instance(endpoint.display(), exchange(Envelopes.get(resourceUri, selectors)));
    }

    /** Put of a whole instance; returns the instance as the device now has it. */
    public CimInstance put(String resourceUri, SelectorSet selectors, CimInstance instance) {
        return Responses.instance(endpoint.display(), exchange(Envelopes.put(resourceUri, selectors, instance)));
    }

    /** Every item of a class (up to {@link EnumerateOptions#limit()}), pulling until EndOfSequence. */
    public List<EnumeratedItem> enumerate(String resourceUri, EnumerateOptions options) {
        List<EnumeratedItem> all = new ArrayList<>();
        enumerate(resourceUri, options, all::add);
        return all;
    }

    /** The instances of a class (OBJECT mode items). */
    public List<CimInstance> instances(String resourceUri, EnumerateOptions options) {
        return enumerate(resourceUri, options.withMode(EnumerateOptions.Mode.OBJECT)).stream()
                .map(EnumeratedItem::instance).toList();
    }

    /**
     * Streams the items of a class to {@code consumer}, pulling until EndOfSequence. When the consumer returns
     * {@code false}, or the options' limit is reached, the enumeration context is Released.
     *
     * @return the number of items delivered
     */
    public int enumerate(String resourceUri, EnumerateOptions options, Predicate<EnumeratedItem> consumer) {
        Responses.Page page = Responses.page(endpoint.display(),
                exchange(Envelopes.enumerate(resourceUri, options)));
        int delivered = 0;
        while (true) {
            for (EnumeratedItem item : page.items()) {
                delivered++;
                boolean more = consumer.test(item);
                if (!more || options.limit() > 0 && delivered >= options.limit()) {
                    if (!page.endOfSequence()) {
                        page.context().ifPresent(c -> release(resourceUri, c));
                    }
                    return delivered;
                }
            }
            // EndOfSequence is authoritative; iDRAC sends an empty context with it, which must never be pulled.
            if (page.endOfSequence() || page.context().isEmpty()) {
                return delivered;
            }
            page = Responses.page(endpoint.display(),
                    exchange(Envelopes.pull(resourceUri, page.context().get(), options)));
        }
    }

    private void release(String resourceUri, String context) {
        try {
            exchange(Envelopes.release(resourceUri, context));
        } catch (WsmanException e) {
            // Contexts expire on their own; a failed Release must not hide the caller's result.
        }
    }

    /** Invoke of an extrinsic method; the result carries ReturnValue, output parameters and job references. */
    public InvokeResult invoke(String resourceUri, String method, SelectorSet selectors, List<Parameter> params) {
        return Responses.invoke(endpoint.display(), method,
                exchange(Envelopes.invoke(resourceUri, method, selectors, params)));
    }

    /**
     * Sends any request and returns the response {@code s:Body}, with faults, auth failures and protocol errors
     * thrown. Idempotent requests are retried up to {@link WsmanEndpoint#maxRetries()} times after transient
     * failures.
     */
    public XmlElement exchange(Request request) {
        int attempt = 0;
        while (true) {
            try {
                return once(request);
            } catch (WsmanException e) {
                if (!request.idempotent() || !e.transientFailure() || attempt >= endpoint.maxRetries()) {
                    throw e;
                }
                attempt++;
                pause();
            }
        }
    }

    private XmlElement once(Request request) {
        Envelopes.Addressing addressing = new Envelopes.Addressing(endpoint.display(), messageId(),
                endpoint.operationTimeout(), endpoint.maxEnvelopeSize(), "en-US");
        byte[] body = Envelopes.envelope(request, addressing).getBytes(StandardCharsets.UTF_8);
        boolean answered = false;
        while (true) {
            Authenticator.Attempt attempt = auth.next("POST", path, body);
            Map<String, String> headers = attempt.header()
                    .map(h -> Map.of("Content-Type", NO_AUTH.get("Content-Type"), "Authorization", h))
                    .orElse(NO_AUTH);
            RawResponse r = transport.post(endpoint.url(), endpoint.display(), headers, body,
                    endpoint.connectTimeout(), endpoint.responseTimeout(), endpoint.maxResponseBytes(),
                    request.idempotent());
            if (r.status() == 401) {
                if (auth.shouldRetry(r.wwwAuthenticate(), attempt, answered)) {
                    answered = true;
                    continue;
                }
                throw new WsmanAuthException(endpoint.display(), 401, attempt.header().isPresent()
                        ? "authentication failed (HTTP 401): wrong user name or password"
                        : "authentication required (HTTP 401) and no supported challenge offered");
            }
            if (r.status() == 403) {
                throw new WsmanAuthException(endpoint.display(), 403, "access denied (HTTP 403)");
            }
            return body(r);
        }
    }

    private XmlElement body(RawResponse r) {
        boolean ok = r.status() >= 200 && r.status() < 300;
        XmlElement envelope;
        try {
            envelope = endpoint.lenientXml() ? SecureXml.parseLenient(r.body()) : SecureXml.parse(r.body());
        } catch (XmlParseException e) {
            if (!ok) {
                throw new WsmanProtocolException(endpoint.display(), WsmanProtocolException.Kind.HTTP_STATUS,
                        r.status(), "HTTP " + r.status() + " without a SOAP fault", e);
            }
            throw new WsmanProtocolException(endpoint.display(), e.reason() == XmlParseException.Reason.REFUSED
                    ? WsmanProtocolException.Kind.REFUSED_XML : WsmanProtocolException.Kind.MALFORMED_XML,
                    r.status(), e.getMessage(), e);
        }
        Optional<WsmanFaultException> fault = ok || envelope.is(Namespaces.SOAP, "Envelope")
                ? Responses.fault(endpoint.display(), r.status(), envelope) : Optional.empty();
        if (fault.isPresent()) {
            throw fault.get();
        }
        if (!ok) {
            throw new WsmanProtocolException(endpoint.display(), WsmanProtocolException.Kind.HTTP_STATUS,
                    r.status(), "HTTP " + r.status() + " without a SOAP fault", null);
        }
        return Responses.body(endpoint.display(), envelope);
    }

    private void pause() {
        try {
            Thread.sleep(endpoint.retryBackoff());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsmanConnectionException(endpoint.display(), "interrupted while waiting to retry", e);
        }
    }

    private static String messageId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "uuid:" + new UUID(msb, lsb);
    }
}
