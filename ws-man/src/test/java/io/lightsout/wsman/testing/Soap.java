package io.lightsout.wsman.testing;

/** Crafted response envelopes for transport tests. */
public final class Soap {

    private Soap() {
    }

    public static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
                + " xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header/><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    public static String instance(String cls, String props) {
        return envelope("<p:" + cls + " xmlns:p=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/" + cls + "\">"
                + props + "</p:" + cls + ">");
    }

    public static String fault(String subcode, String reason, String detail) {
        return envelope("<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>" + subcode
                + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">" + reason
                + "</s:Text></s:Reason><s:Detail><wsman:FaultDetail>" + detail
                + "</wsman:FaultDetail></s:Detail></s:Fault>");
    }
}
