package io.lightsout.lab.wsman;

/** Protocol constants (DSP0226, WS-Addressing 2004/08, WS-Enumeration 2004/09), exact strings. */
public final class Ns {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String WSEN = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String WXF = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String WSMID = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String ANONYMOUS = WSA + "/role/anonymous";

    public static final String GET = WXF + "/Get";
    public static final String PUT = WXF + "/Put";
    public static final String ENUMERATE = WSEN + "/Enumerate";
    public static final String PULL = WSEN + "/Pull";
    public static final String RELEASE = WSEN + "/Release";

    public static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public static final String DCIM = "http://schemas.dell.com/wbem/wscim/1/cim-schema/2/";
    /** The alternative DCIM prefix iDRAC also accepts (protocols.md 3.1). */
    public static final String DCIM_ROOT = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/root/dcim/";
    public static final String AMT = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    public static final String IPS = "http://intel.com/wbem/wscim/1/ips-schema/1/";

    public static final String FAULT_DETAIL = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
    public static final String WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public static final String CQL = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";

    private Ns() {
    }
}
