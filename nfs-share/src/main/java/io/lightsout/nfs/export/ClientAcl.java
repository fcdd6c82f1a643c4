package io.lightsout.nfs.export;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which client addresses may use an export: a list of CIDR blocks, single addresses and host names (resolved
 * once, when the list is parsed). {@code *} allows every address. IPv4-mapped IPv6 addresses match their IPv4
 * form.
 */
public final class ClientAcl {
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (addr[full] & mask) == (network[full] & mask);
        }
    }

    private final List<String> specs;
    private final List<Block> blocks;

    private ClientAcl(List<String> specs, List<Block> blocks) {
        this.specs = List.copyOf(specs);
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a comma-separated list such as {@code 10.1.0.0/16, 192.168.5.7, bmc-12.example.net, fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is not a CIDR, address or resolvable host
     */
    public static ClientAcl parse(String list) {
        List<String> specs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            specs.add(spec);
            if (spec.equals("*")) {
                blocks.add(new Block(new byte[4], 0));
                blocks.add(new Block(new byte[16], 0));
            } else {
                blocks.addAll(parseOne(spec));
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("client list is empty");
        }
        return new ClientAcl(specs, blocks);
    }

    private static List<Block> parseOne(String spec) {
        int slash = spec.indexOf('/');
        try {
            if (slash >= 0) {
                byte[] net = literal(spec.substring(0, slash), spec);
                int prefix = Integer.parseInt(spec.substring(slash + 1));
                if (prefix < 0 || prefix > net.length * 8) {
                    throw new IllegalArgumentException("client " + spec + ": prefix out of range");
                }
                return List.of(new Block(net, prefix));
            }
            List<Block> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(spec)) {
                byte[] b = normalize(a);
                out.add(new Block(b, b.length * 8));
            }
            return out;
        } catch (NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException("client " + spec + ": not a CIDR, address or known host");
        }
    }

    private static byte[] literal(String addr, String spec) throws UnknownHostException {
        if (!addr.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("client " + spec + ": network must be an IP address");
        }
        return normalize(InetAddress.getByName(addr));
    }

    private static byte[] normalize(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && isV4Mapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** Whether {@code client} is in the list. */
    public boolean allows(InetAddress client) {
        byte[] addr = client instanceof Inet4Address ? client.getAddress() : normalize(client);
        for (Block b : blocks) {
            if (b.contains(addr)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as written, for EXPORT replies and the admin API. */
    public List<String> specs() {
        return specs;
    }

    @Override
    public String toString() {
        return String.join(",", specs);
    }
}
