package io.lightsout.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The tests' own minimal WS-Man client: envelopes as text, Basic or Digest, trust-all TLS (lab certs only). */
final class TestClient {
    static final String ENUM = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    static final String DCIM = "http://schemas.dell.com/wbem/wscim/1/cim-schema/2/";
    static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    static final String AMT = "http://intel.com/wbem/wscim/1/amt-schema/1/";

    final SimulatedBmc bmc;
    final HttpClient http;
    String password;
    private String nonce;
    private String realm;
    private String opaque;
    private int nc;

    TestClient(SimulatedBmc bmc) {
        this.bmc = bmc;
        this.password = bmc.password();
        this.http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }

                public void checkServerTrusted(X509Certificate[] chain, String authType) { }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Resp(int status, String body, Map<String, String> headers) {
    }

    Resp post(String envelope) throws Exception {
        return post(envelope.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
    }

    Resp post(byte[] body, Duration timeout) throws Exception {
        Resp r = send(body, timeout);
        if (r.status == 401 && bmc.type() == BmcType.AMT) {
            challenge(r.headers.get("www-authenticate"));
            r = send(body, timeout);
        }
        return r;
    }

    void challenge(String header) {
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        Map<String, String> p = new HashMap<>();
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        nonce = p.get("nonce");
        realm = p.get("realm");
        opaque = p.get("opaque");
        nc = 0;
    }

    Resp send(byte[] body, Duration timeout) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bmc.url())).timeout(timeout)
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bmc.type() == BmcType.IDRAC) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (bmc.username() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } else if (nonce != null) {
            b.header("Authorization", digest(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new HashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
        return new Resp(r.statusCode(), r.body(), h);
    }

    private String digest(byte[] body) throws Exception {
        String cnonce = "0a4f113b";
        String ncs = String.format("%08x", ++nc);
        String ha1 = md5(bmc.username() + ":" + realm + ":" + password);
        String ha2 = md5("POST:/wsman");
        String resp = md5(ha1 + ":" + nonce + ":" + ncs + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + bmc.username() + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"/wsman\", qop=auth, nc=" + ncs + ", cnonce=\"" + cnonce + "\", response=\"" + resp
                + "\"" + (opaque == null ? "" : ", opaque=\"" + opaque + "\"");
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String envelope(String action, String resourceUri, String selectors, String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                + "xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
                + "xmlns:wsen=\"" + ENUM + "\"><s:Header>"
                + "<wsa:To s:mustUnderstand=\"true\">/wsman</wsa:To>"
                + "<wsman:ResourceURI s:mustUnderstand=\"true\">" + resourceUri + "</wsman:ResourceURI>"
                + "<wsa:MessageID s:mustUnderstand=\"true\">uuid:11111111-2222-3333-4444-555555555555</wsa:MessageID>"
                + "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
                + "</wsa:Address></wsa:ReplyTo>"
                + "<wsa:Action s:mustUnderstand=\"true\">" + action + "</wsa:Action>"
                + (selectors == null ? "" : "<wsman:SelectorSet>" + selectors + "</wsman:SelectorSet>")
                + "</s:Header><s:Body>" + (body == null ? "" : body) + "</s:Body></s:Envelope>";
    }

    Resp enumerate(String resourceUri, boolean optimize, int max) throws Exception {
        String body = "<wsen:Enumerate>" + (optimize ? "<wsman:OptimizeEnumeration/><wsman:MaxElements>" + max
                + "</wsman:MaxElements>" : "") + "</wsen:Enumerate>";
        return post(envelope(ENUM + "/Enumerate", resourceUri, null, body));
    }

    Resp pull(String resourceUri, String context, int max) throws Exception {
        return post(envelope(ENUM + "/Pull", resourceUri, null, "<wsen:Pull><wsen:EnumerationContext>" + context
                + "</wsen:EnumerationContext><wsen:MaxElements>" + max + "</wsen:MaxElements></wsen:Pull>"));
    }

    Resp invoke(String resourceUri, String method, String selectors, String params) throws Exception {
        return post(envelope(resourceUri + "/" + method, resourceUri, selectors,
                "<p:" + method + "_INPUT xmlns:p=\"" + resourceUri + "\">" + params + "</p:" + method + "_INPUT>"));
    }

    static String sel(String name, String value) {
        return "<wsman:Selector Name=\"" + name + "\">" + value + "</wsman:Selector>";
    }

    /** Text of the first element of the Body (header skipped) with this local name (any prefix), or null. */
    static String text(String xml, String localName) {
        int body = xml.indexOf(":Body>");
        if (body > 0) {
            xml = xml.substring(body);
        }
        Matcher m = Pattern.compile("<(?:\\w+:)?" + localName + "(?:\\s[^>]*)?>([^<]*)</(?:\\w+:)?" + localName + ">")
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static int count(String xml, String localName) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + localName + "[\\s>/]").matcher(xml);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A random base address in 127.64.0.0-127.127.255.255, so concurrent test runs do not clash. */
    static String randomBase() {
        SecureRandom r = new SecureRandom();
        return "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
    }
}
