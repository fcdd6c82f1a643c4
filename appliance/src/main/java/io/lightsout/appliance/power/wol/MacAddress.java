package io.lightsout.appliance.power.wol;

import java.util.Arrays;
import java.util.HexFormat;

/** A 48-bit Ethernet MAC address. Accepts {@code aa:bb:cc:dd:ee:ff}, {@code aa-bb-...} and {@code aabbccddeeff}. */
public record MacAddress(byte[] bytes) {

    public MacAddress {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes");
        }
        bytes = bytes.clone();
    }

    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MAC address missing");
        }
        String hex = text.strip();
        if (hex.matches("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}")) {
            hex = hex.replaceAll("[:-]", "");
        }
        if (!hex.matches("(?i)[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a MAC address (want aa:bb:cc:dd:ee:ff): " + shorten(text));
        }
        return new MacAddress(HexFormat.of().parseHex(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
