package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.SecureOnPassword;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a {@link NodeInput} and normalises it. Every problem is reported with the field (CSV column) it is in, so
 * an import can name line, column and reason; nothing is stored for an input with any error.
 */
final class NodeValidator {
    static final int IDRAC_PORT = 443;
    static final int AMT_TLS_PORT = 16993;
    static final int AMT_HTTP_PORT = 16992;
    static final int DEFAULT_VERIFY_PORT = 445;
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*";
    private static final String TAG = "[A-Za-z0-9._-]{1,32}";

    private final Function<String, Optional<String>> deviceProfileId;

    /** @param deviceProfileId finds a device credential profile by name or id */
    NodeValidator(Function<String, Optional<String>> deviceProfileId) {
        this.deviceProfileId = deviceProfileId;
    }

    /** The spec, or the errors (never both). */
    record Result(NodeSpec spec, List<FieldError> errors) {
    }

    Result check(NodeInput in) {
        List<FieldError> errors = new ArrayList<>();
        NodeType type = type(in.type(), errors);
        String site = text(in.site(), "default");
        if (site.length() > 64 || !site.matches("[A-Za-z0-9 ._-]+")) {
            errors.add(new FieldError("site", "1 to 64 letters, digits, spaces, '.', '_' or '-'."));
        }
        String mac = mac(in.mac(), errors);
        String ip = blank(in.ip());
        Long ipNum = null;
        if (ip != null) {
            ipNum = Cidr.ipv4OrNull(ip);
            if (ipNum == null) {
                errors.add(new FieldError("ip", "An IPv4 address such as 10.1.2.3."));
            }
        }
        Integer prefix = number(in.prefixLength(), "prefixLength", 0, 32, ip == null ? null : 24, errors);
        Integer verifyPort = number(in.verifyPort(), "verifyPort", 1, 65535, null, errors);
        String secureOn = secureOn(in.secureOn(), errors);
        List<String> tags = tags(in.tags(), errors);
        String serviceTag = blank(in.serviceTag());
        if (serviceTag != null && serviceTag.length() > 64) {
            errors.add(new FieldError("serviceTag", "At most 64 characters."));
        }
        String address = blank(in.address());
        Integer port = null;
        String scheme = null;
        String profileId = null;
        String username = blank(in.username());
        String password = in.password() == null || in.password().isEmpty() ? null : in.password();
        if (type != null && type.hasBmc()) {
            if (address == null || address.length() > 253 || !address.matches(HOST)) {
                errors.add(new FieldError("address", "The BMC's IPv4 address or host name is required."));
            } else if (ipNum == null) {
                ipNum = Cidr.ipv4OrNull(address);
            }
            port = number(in.port(), "port", 1, 65535, type == NodeType.IDRAC ? IDRAC_PORT : AMT_TLS_PORT, errors);
            scheme = scheme(in.scheme(), port, errors);
            profileId = credentials(in.credentialProfile(), username, password, errors);
        } else if (type != null) {
            if (mac == null && !hasError(errors, "mac")) {
                errors.add(new FieldError("mac", "A node without a BMC needs the MAC address of the NIC to wake."));
            }
            for (String[] f : new String[][] {{"address", in.address()}, {"port", in.port()},
                {"credentialProfile", in.credentialProfile()}, {"username", in.username()}}) {
                if (blank(f[1]) != null) {
                    errors.add(new FieldError(f[0], "Only nodes with a BMC have one (type WOL has none)."));
                }
            }
            username = null;
            password = null;
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        String name = text(in.name(), serviceTag != null ? serviceTag : address != null ? address : mac);
        if (name.length() > 128) {
            return new Result(null, List.of(new FieldError("name", "At most 128 characters.")));
        }
        return new Result(new NodeSpec(name, type, site, address, port, scheme, profileId, profileId == null
                ? username : null, profileId == null ? password : null, mac, ip, prefix, ipNum,
                verifyPort != null || type.hasBmc() ? verifyPort : Integer.valueOf(DEFAULT_VERIFY_PORT), secureOn,
                tags, serviceTag), List.of());
    }

    private static NodeType type(String text, List<FieldError> errors) {
        String t = blank(text);
        if (t != null) {
            switch (t.toUpperCase(Locale.ROOT)) {
                case "IDRAC" -> {
                    return NodeType.IDRAC;
                }
                case "AMT" -> {
                    return NodeType.AMT;
                }
                case "DASH" -> {
                    return NodeType.DASH;
                }
                case "WOL", "WOL_ONLY", "NONE" -> {
                    return NodeType.WOL_ONLY;
                }
                default -> {
                }
            }
        }
        errors.add(new FieldError("type", "One of IDRAC, AMT, DASH or WOL."));
        return null;
    }

    private String credentials(String profile, String username, String password, List<FieldError> errors) {
        String p = blank(profile);
        if (p != null) {
            if (username != null || password != null) {
                errors.add(new FieldError("credentialProfile", "Give a credential profile or a username and"
                        + " password, not both."));
                return null;
            }
            Optional<String> id = deviceProfileId.apply(p);
            if (id.isEmpty()) {
                errors.add(new FieldError("credentialProfile", "No device credential profile '" + p + "'."));
            }
            return id.orElse(null);
        }
        if (username == null || password == null) {
            errors.add(new FieldError(username == null ? "username" : "password", "A BMC node needs a device"
                    + " credential profile, or a username and a password."));
        } else if (username.length() > 256 || password.length() > 1024) {
            errors.add(new FieldError("password", "User name at most 256, password at most 1024 characters."));
        }
        return null;
    }

    private static String scheme(String text, Integer port, List<FieldError> errors) {
        String s = blank(text);
        if (s == null) {
            return port != null && port == AMT_HTTP_PORT ? "http" : "https";
        }
        s = s.toLowerCase(Locale.ROOT);
        if (!s.equals("https") && !s.equals("http")) {
            errors.add(new FieldError("scheme", "https or http."));
        }
        return s;
    }

    private static String mac(String text, List<FieldError> errors) {
        String m = blank(text);
        if (m == null) {
            return null;
        }
        try {
            return MacAddress.parse(m).toString().toUpperCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("mac", "A MAC address such as 00:1A:2B:3C:4D:5E."));
            return null;
        }
    }

    private static String secureOn(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            SecureOnPassword.parse(text.strip());
            return text.strip();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("secureOn", "Six bytes in hex such as 11:22:33:44:55:66."));
            return null;
        }
    }

    private static List<String> tags(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String t : text.strip().split("[;\\s]+")) {
            if (!t.matches(TAG)) {
                errors.add(new FieldError("tags", "Tags are 1 to 32 letters, digits, '.', '_' or '-', separated by"
                        + " ';': '" + t + "' is not one."));
                return List.of();
            }
            tags.add(t);
        }
        if (tags.size() > 16) {
            errors.add(new FieldError("tags", "At most 16 tags."));
        }
        return List.copyOf(tags);
    }

    private static Integer number(String text, String field, int min, int max, Integer dflt, List<FieldError> errors) {
        String t = blank(text);
        if (t == null) {
            return dflt;
        }
        if (t.matches("\\d{1,6}")) {
            int v = Integer.parseInt(t);
            if (v >= min && v <= max) {
                return v;
            }
        }
        errors.add(new FieldError(field, "A whole number from " + min + " to " + max + "."));
        return null;
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private static String text(String s, String dflt) {
        String b = blank(s);
        return b == null ? dflt : b;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
