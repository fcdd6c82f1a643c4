package io.lightsout.lab.wsman;

import java.util.Map;

/**
 * A parsed WS-Management request: the addressing headers the lab acts on and the first body element.
 *
 * @param action     wsa:Action, or null (Identify may omit it)
 * @param to         wsa:To, or null
 * @param messageId  wsa:MessageID, or null
 * @param resourceUri wsman:ResourceURI, or null
 * @param selectors  wsman:SelectorSet selectors by name (EPR-valued selectors are kept as their InstanceID text)
 * @param body       the first child of s:Body, or null for an empty body
 * @param maxEnvelopeSize wsman:MaxEnvelopeSize in octets, or 0 when the client sent none
 */
public record SoapRequest(String action, String to, String messageId, String resourceUri,
                          Map<String, String> selectors, XmlElement body, int maxEnvelopeSize) {

    /** True for an Identify request, recognised by its body element (DSP0226 11). */
    public boolean isIdentify() {
        return body != null && "Identify".equals(body.name()) && Ns.WSMID.equals(body.namespace());
    }
}
