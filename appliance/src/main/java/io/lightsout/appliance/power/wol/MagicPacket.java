package io.lightsout.appliance.power.wol;

import java.util.Arrays;
import java.util.Optional;

/** Builds magic packets: 6 × 0xFF, the MAC 16 times (102 bytes), then the SecureOn password if any (106/108). */
public final class MagicPacket {

    public static final int BASE_LENGTH = 6 + 16 * 6;

    private MagicPacket() {
    }

    public static byte[] build(MacAddress mac, Optional<SecureOnPassword> secureOn) {
        byte[] password = secureOn.map(SecureOnPassword::bytes).orElse(new byte[0]);
        byte[] packet = new byte[BASE_LENGTH + password.length];
        Arrays.fill(packet, 0, 6, (byte) 0xff);
        byte[] m = mac.bytes();
        for (int i = 0; i < 16; i++) {
            System.arraycopy(m, 0, packet, 6 + i * 6, 6);
        }
        System.arraycopy(password, 0, packet, BASE_LENGTH, password.length);
        return packet;
    }
}
