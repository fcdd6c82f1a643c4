package io.lightsout.lab.wol;

import java.util.Arrays;

/**
 * Decides whether a received UDP payload is a magic packet for one NIC: a synchronisation stream of six 0xFF
 * bytes, then the NIC's 6-byte MAC sixteen times, then (SecureOn) exactly the NIC's 4- or 6-byte password.
 */
final class MagicPacketMatcher {

    private static final int SYNC = 6;
    private static final int REPEATS = 16;
    static final int BASE_LENGTH = SYNC + REPEATS * 6;

    private MagicPacketMatcher() {
    }

    /** Why a payload did or did not wake the machine; the lab counts them so tests can see what arrived. */
    enum Verdict { WAKE, NOT_MAGIC, OTHER_MAC, BAD_PASSWORD }

    static Verdict match(byte[] data, int length, byte[] mac, byte[] secureOn) {
        if (length < BASE_LENGTH) {
            return Verdict.NOT_MAGIC;
        }
        for (int i = 0; i < SYNC; i++) {
            if (data[i] != (byte) 0xff) {
                return Verdict.NOT_MAGIC;
            }
        }
        byte[] first = Arrays.copyOfRange(data, SYNC, SYNC + 6);
        for (int r = 1; r < REPEATS; r++) {
            int from = SYNC + r * 6;
            if (!Arrays.equals(data, from, from + 6, first, 0, 6)) {
                return Verdict.NOT_MAGIC;
            }
        }
        if (!Arrays.equals(first, mac)) {
            return Verdict.OTHER_MAC;
        }
        int extra = length - BASE_LENGTH;
        if (secureOn == null) {
            // A NIC without SecureOn ignores trailing bytes (etherwake -p to a plain NIC still wakes it).
            return Verdict.WAKE;
        }
        return extra == secureOn.length && Arrays.equals(data, BASE_LENGTH, length, secureOn, 0, secureOn.length)
                ? Verdict.WAKE : Verdict.BAD_PASSWORD;
    }
}
