package io.lightsout.appliance.power.wol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Where a magic packet goes. Routers drop subnet-directed broadcasts unless "directed broadcast" is enabled on
 * them (off by default since RFC 2644), and a limited broadcast never leaves its segment, so the choice is the
 * operator's per node or site.
 */
public sealed interface WolDestination {

    /** The IPv4 address the packet is sent to. */
    Inet4Address sendTo();

    /** Key of the subnet the packet lands in, for per-subnet pacing. */
    String subnetKey();

    /**
     * Unicast to the node's last known IP (works while the switch or router still has its ARP/MAC entry, or with a
     * static ARP entry). {@code prefixLength} names the subnet for pacing.
     */
    record Unicast(Inet4Address lastIp, int prefixLength) implements WolDestination {
        public Unicast {
            Objects.requireNonNull(lastIp, "lastIp");
            checkPrefix(prefixLength);
        }

        @Override
        public Inet4Address sendTo() {
            return lastIp;
        }

        @Override
        public String subnetKey() {
            return network(lastIp, prefixLength);
        }
    }

    /** To the subnet's broadcast address (10.1.2.255 for 10.1.2.0/24), computed from any address in it. */
    record SubnetBroadcast(Inet4Address anyAddressInSubnet, int prefixLength) implements WolDestination {
        public SubnetBroadcast {
            Objects.requireNonNull(anyAddressInSubnet, "anyAddressInSubnet");
            checkPrefix(prefixLength);
            if (prefixLength > 30) {
                throw new IllegalArgumentException("a /" + prefixLength + " has no directed broadcast address");
            }
        }

        @Override
        public Inet4Address sendTo() {
            int hostMask = prefixLength == 0 ? -1 : (1 << (32 - prefixLength)) - 1;
            return toAddress(toInt(anyAddressInSubnet) | hostMask);
        }

        @Override
        public String subnetKey() {
            return network(anyAddressInSubnet, prefixLength);
        }
    }

    /**
     * To 255.255.255.255 out of the named local interface (the socket is bound to the interface's IPv4 address;
     * Linux routes a limited broadcast out of the device that owns the source address).
     */
    record LimitedBroadcast(String interfaceName) implements WolDestination {
        public LimitedBroadcast {
            if (interfaceName == null || interfaceName.isBlank()) {
                throw new IllegalArgumentException("limited broadcast needs an interface name");
            }
        }

        @Override
        public Inet4Address sendTo() {
            return toAddress(-1);
        }

        @Override
        public String subnetKey() {
            return "if:" + interfaceName;
        }
    }

    private static void checkPrefix(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, was " + prefixLength);
        }
    }

    private static String network(Inet4Address address, int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return toAddress(toInt(address) & mask).getHostAddress() + "/" + prefixLength;
    }

    private static int toInt(Inet4Address address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }

    private static Inet4Address toAddress(int value) {
        try {
            return (Inet4Address) InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(value).array());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
