package io.lightsout.appliance.power.wol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SecureOn password: 4 or 6 bytes appended to the magic packet. Written as {@code 11:22:33:44:55:66} (6 bytes)
 * or as a dotted quad {@code 1.2.3.4} (4 bytes), the two forms etherwake's {@code -p} accepts. It is a secret:
 * {@link #toString()} never shows it.
 */
public record SecureOnPassword(byte[] bytes) {

    public SecureOnPassword {
        if (bytes == null || (bytes.length != 4 && bytes.length != 6)) {
            throw new IllegalArgumentException("a SecureOn password has 4 or 6 bytes");
        }
        bytes = bytes.clone();
    }

    public static SecureOnPassword parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.matches("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}")) {
            return new SecureOnPassword(HexFormat.of().parseHex(s.replaceAll("[:-]", "")));
        }
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] b = new byte[4];
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    throw invalid();
                }
                b[i] = (byte) v;
            }
            return new SecureOnPassword(b);
        }
        throw invalid();
    }

    // The message never echoes the input: it is a password.
    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("SecureOn password must be 6 bytes as xx:xx:xx:xx:xx:xx or 4 as a.b.c.d");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecureOnPassword p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SecureOnPassword[***]";
    }
}
