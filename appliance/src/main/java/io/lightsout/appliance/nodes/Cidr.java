package io.lightsout.appliance.nodes;

/** An IPv4 network {@code a.b.c.d/n}, kept as the numeric range it covers (indexed as {@code nodes.ip_num}). */
public record Cidr(long network, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length 0..32");
        }
        network = network & mask(prefixLength);
    }

    /** Parses {@code 10.1.0.0/16}; throws {@link IllegalArgumentException} with the reason. */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("a subnet is an IPv4 CIDR such as 10.1.0.0/16");
        }
        return new Cidr(ipv4(parts[0]), Integer.parseInt(parts[1]));
    }

    /** The numeric value of a dotted IPv4 address; throws {@link IllegalArgumentException} if it is not one. */
    public static long ipv4(String dotted) {
        String[] octets = dotted.strip().split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String o : octets) {
            if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | Integer.parseInt(o);
        }
        return value;
    }

    /** The value of {@code text} when it is an IPv4 address, else null (a host name). */
    public static Long ipv4OrNull(String text) {
        if (text == null || !text.matches("[0-9.]+")) {
            return null;
        }
        try {
            return ipv4(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public long first() {
        return network;
    }

    public long last() {
        return network | ~mask(prefixLength) & 0xFFFFFFFFL;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return (network >> 24 & 255) + "." + (network >> 16 & 255) + "." + (network >> 8 & 255) + "." + (network & 255)
                + "/" + prefixLength;
    }
}
