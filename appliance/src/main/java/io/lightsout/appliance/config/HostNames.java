package io.lightsout.appliance.config;

import java.util.regex.Pattern;

/**
 * What counts as a host name or address literal where one reaches a URL or a certificate: RFC 1123 names
 * (letters, digits, inner hyphens, labels of 1 to 63, at most 253 in all), dotted IPv4, or a bracketed IPv6
 * literal. Nothing here resolves a name.
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private HostNames() {
    }

    /**
     * A DNS host name, optionally fully qualified with a trailing dot. The last label may not be all digits
     * (RFC 1123 §2.1), so {@code 10.0.0.256} is neither a name nor an address.
     */
    public static boolean isName(String s) {
        String v = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (v.isEmpty() || v.length() > 253 || v.substring(v.lastIndexOf('.') + 1).matches("\\d+")) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    /** An IPv6 literal without brackets: hex groups and colons, at most one {@code ::}, optional IPv4 tail. */
    public static boolean isIpv6(String s) {
        if (!IPV6.matcher(s).matches() || !s.contains(":") || s.indexOf("::") != s.lastIndexOf("::")) {
            return false;
        }
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        String head = tail.contains(".") ? s.substring(0, lastColon + 1) + "0:0" : s;
        if (tail.contains(".") && !isIpv4(tail)) {
            return false;
        }
        String[] groups = head.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4 || g.contains(".")) {
                return false;
            }
            nonEmpty += g.isEmpty() ? 0 : 1;
        }
        return head.contains("::") ? nonEmpty <= 7 : groups.length == 8 && nonEmpty == 8;
    }

    /**
     * The host part of an HTTP {@code Host} header value ({@code name}, {@code 1.2.3.4}, {@code [::1]}, each with
     * an optional {@code :port}), or null when the value is anything else.
     */
    public static String hostOfHeader(String header) {
        if (header == null || header.isEmpty() || header.length() > 260) {
            return null;
        }
        String host = header;
        String port = null;
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            if (close < 0 || !isIpv6(header.substring(1, close))) {
                return null;
            }
            host = header.substring(0, close + 1);
            String rest = header.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else {
            int colon = header.indexOf(':');
            if (colon >= 0) {
                host = header.substring(0, colon);
                port = header.substring(colon + 1);
            }
            if (!isIpv4(host) && !isName(host)) {
                return null;
            }
        }
        return port == null || port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535 ? host : null;
    }

    /** For a configuration value: a name, an IPv4 address or an IPv6 literal (brackets optional). */
    static String hostOrAddress(String s) {
        String v = s.strip();
        String bare = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
        if (isIpv4(bare) || isName(bare)) {
            return bare;
        }
        if (isIpv6(bare)) {
            return "[" + bare + "]";
        }
        throw new IllegalArgumentException("is not a host name or IP address");
    }
}
