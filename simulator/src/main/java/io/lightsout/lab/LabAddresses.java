package io.lightsout.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Address and identity arithmetic. */
final class LabAddresses {
    private LabAddresses() {
    }

    /** {@code n} loopback addresses from {@code base}, skipping .0 and .255 host octets. */
    static List<InetAddress> range(String base, int n) {
        InetAddress first;
        if (base == null || !base.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            // a literal only: never a name lookup
            throw new IllegalArgumentException("base " + base + " is not an IPv4 address");
        }
        try {
            first = InetAddress.getByName(base);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("base " + base + " is not an IP address");
        }
        byte[] b = first.getAddress();
        if (b.length != 4 || b[0] != 127) {
            throw new IllegalArgumentException("base " + base + " must be an IPv4 loopback address (127.x.y.z)");
        }
        long v = ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        List<InetAddress> out = new ArrayList<>(n);
        while (out.size() < n) {
            if (v > 0xFFFFFE) {
                throw new IllegalArgumentException("not enough loopback addresses after " + base);
            }
            int last = (int) (v & 0xFF);
            if (last != 0 && last != 255) {
                try {
                    out.add(InetAddress.getByAddress(new byte[] {127, (byte) (v >> 16), (byte) (v >> 8),
                        (byte) v}));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            v++;
        }
        return out;
    }

    /** A Dell-style 7-character service tag. */
    static String serviceTag(long s) {
        String alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZ";
        StringBuilder b = new StringBuilder(7);
        long x = s;
        for (int i = 0; i < 7; i++) {
            b.append(alphabet.charAt((int) Math.floorMod(x, alphabet.length())));
            x = SimulatedBmc.mix(x + i);
        }
        return b.toString();
    }

    /**
     * A locally administered MAC {@code 02:4F:a:b:c:p} from the BMC's loopback address 127.a.b.c, so that two labs (or a
     * lab and the demo) on one machine never share a MAC and their inventories import into one appliance; the last byte
     * leaves room for 32 NIC ports. WoL lab machines use {@code 02:4C:…}, so the two never meet either.
     */
    static String mac(InetAddress address) {
        byte[] a = address.getAddress();
        long v = (0x024FL << 32) | ((a[1] & 0xFFL) << 24) | ((a[2] & 0xFFL) << 16) | ((a[3] & 0xFFL) << 8);
        String h = String.format("%012X", v);
        return h.substring(0, 2) + ":" + h.substring(2, 4) + ":" + h.substring(4, 6) + ":" + h.substring(6, 8)
                + ":" + h.substring(8, 10) + ":" + h.substring(10, 12);
    }
}
