package io.lightsout.lab.http;

import io.lightsout.lab.wsman.Dialect;
import io.lightsout.lab.wsman.Ns;
import java.nio.charset.StandardCharsets;

/** Response bodies for the content faults: each is what a broken or hostile BMC might really send. */
final class FaultBodies {
    private static volatile byte[] oversized;
    private static volatile int oversizedLength;

    private FaultBodies() {
    }

    /** The reply cut in half: not well-formed. */
    static byte[] malformed(String body) {
        return body.substring(0, Math.max(1, body.length() / 2)).getBytes(StandardCharsets.UTF_8);
    }

    /** Raw control characters (illegal in XML 1.0) inside the first text of the Body. */
    static byte[] controlCharacters(String body) {
        int bodyAt = body.indexOf(":Body>");
        int i = bodyAt < 0 ? -1 : body.indexOf('>', body.indexOf('<', bodyAt + 6));
        while (i > 0 && i + 1 < body.length() && body.charAt(i + 1) == '<') {
            i = body.indexOf('>', i + 1);
        }
        if (i < 0) {
            return (body + "\u0001").getBytes(StandardCharsets.UTF_8);
        }
        return (body.substring(0, i + 1) + "\u0001\u0002\u001b" + body.substring(i + 1))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An envelope whose DOCTYPE declares an external entity and uses it: a client must refuse to resolve it. */
    static byte[] xxe(Dialect d) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE " + d.soap()
                + ":Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + hostileEnvelope(d, "&xxe;"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An envelope with a "billion laughs" entity expansion. */
    static byte[] entityExpansion(Dialect d) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ")
                .append(d.soap()).append(":Envelope [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            b.append("<!ENTITY l").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                b.append("&l").append(i - 1).append(';');
            }
            b.append("\">");
        }
        b.append("]>\n").append(hostileEnvelope(d, "&l10;"));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hostileEnvelope(Dialect d, String payload) {
        String s = d.soap();
        return "<" + s + ":Envelope xmlns:" + s + "=\"" + Ns.SOAP + "\"><" + s + ":Header/><" + s + ":Body>"
                + "<n1:DCIM_SystemView xmlns:n1=\"" + Ns.DCIM + "DCIM_SystemView\"><n1:Model>" + payload
                + "</n1:Model></n1:DCIM_SystemView></" + s + ":Body></" + s + ":Envelope>";
    }

    /** A well-formed envelope of about {@code bytes} bytes (cached: the same size is asked for repeatedly). */
    static byte[] oversized(int bytes) {
        byte[] cached = oversized;
        if (cached != null && oversizedLength == bytes) {
            return cached;
        }
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + Ns.SOAP
                + "\" xmlns:n1=\"" + Ns.DCIM + "DCIM_SystemView\"><s:Header/><s:Body><n1:DCIM_SystemView>";
        String tail = "</n1:DCIM_SystemView></s:Body></s:Envelope>";
        String item = "<n1:Filler>lightsout-lab-oversized-response-padding</n1:Filler>";
        StringBuilder b = new StringBuilder(bytes + 256).append(head);
        while (b.length() + item.length() + tail.length() <= bytes) {
            b.append(item);
        }
        byte[] out = b.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
        oversized = out;
        oversizedLength = bytes;
        return out;
    }
}
