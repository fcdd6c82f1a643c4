package io.lightsout.wsman;

/** WS-Management namespace and action URIs (DSP0226, WS-Addressing 2004/08, WS-Enumeration/Transfer 2004/09). */
public final class Namespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String WSEN = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String WXF = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String WSMID = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String ANONYMOUS = WSA + "/role/anonymous";

    public static final String ACTION_GET = WXF + "/Get";
    public static final String ACTION_PUT = WXF + "/Put";
    public static final String ACTION_ENUMERATE = WSEN + "/Enumerate";
    public static final String ACTION_PULL = WSEN + "/Pull";
    public static final String ACTION_RELEASE = WSEN + "/Release";

    /** CIM class URI prefixes by vendor. */
    public static final String CIM_PREFIX = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public static final String DCIM_PREFIX = "http://schemas.dell.com/wbem/wscim/1/cim-schema/2/";
    public static final String AMT_PREFIX = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    public static final String IPS_PREFIX = "http://intel.com/wbem/wscim/1/ips-schema/1/";

    private Namespaces() {
    }

    /**
     * The resource URI for a bare class name ({@code DCIM_CPUView}, {@code CIM_...}, {@code AMT_...},
     * {@code IPS_...}); anything containing {@code ://} is returned unchanged.
     *
     * @throws IllegalArgumentException for a bare name with none of those prefixes
     */
    public static String resourceUri(String classOrUri) {
        if (classOrUri.contains("://")) {
            return classOrUri;
        }
        String prefix = classOrUri.startsWith("DCIM_") ? DCIM_PREFIX
                : classOrUri.startsWith("CIM_") ? CIM_PREFIX
                : classOrUri.startsWith("AMT_") ? AMT_PREFIX
                : classOrUri.startsWith("IPS_") ? IPS_PREFIX : null;
        if (prefix == null || !classOrUri.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a resource URI nor a DCIM_/CIM_/AMT_/IPS_ class name: "
                    + classOrUri);
        }
        return prefix + classOrUri;
    }

    /** The class name at the end of a resource URI. */
    public static String className(String resourceUri) {
        return resourceUri.substring(resourceUri.lastIndexOf('/') + 1);
    }
}
