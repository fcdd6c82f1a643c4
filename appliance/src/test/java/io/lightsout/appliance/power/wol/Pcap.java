package io.lightsout.appliance.power.wol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the Ethernet frames of a classic pcap file (what {@code tcpdump -w} writes) for capture tests. */
final class Pcap {

    private Pcap() {
    }

    /** An Ethernet frame; {@link #udp()} decodes an IPv4/UDP one. */
    record Frame(byte[] bytes) {
        int etherType() {
            return ((bytes[12] & 0xff) << 8) | (bytes[13] & 0xff);
        }

        byte[] etherPayload() {
            return Arrays.copyOfRange(bytes, 14, bytes.length);
        }

        Udp udp() {
            int ip = 14;
            int ihl = (bytes[ip] & 0x0f) * 4;
            int udp = ip + ihl;
            String dst = (bytes[ip + 16] & 0xff) + "." + (bytes[ip + 17] & 0xff) + "." + (bytes[ip + 18] & 0xff)
                    + "." + (bytes[ip + 19] & 0xff);
            int dstPort = ((bytes[udp + 2] & 0xff) << 8) | (bytes[udp + 3] & 0xff);
            int length = ((bytes[udp + 4] & 0xff) << 8) | (bytes[udp + 5] & 0xff);
            return new Udp(dst, dstPort, Arrays.copyOfRange(bytes, udp + 8, udp + length));
        }
    }

    record Udp(String destination, int port, byte[] payload) {
    }

    static List<Frame> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            in.order(ByteOrder.BIG_ENDIAN);
        }
        if (in.getInt(20) != 1) {
            throw new IOException("capture is not Ethernet (linktype " + in.getInt(20) + ")");
        }
        in.position(24);
        List<Frame> frames = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.getInt();
            in.getInt();
            int captured = in.getInt();
            in.getInt();
            if (captured > in.remaining()) {
                break; // tcpdump stopped mid-record
            }
            byte[] frame = new byte[captured];
            in.get(frame);
            frames.add(new Frame(frame));
        }
        return frames;
    }
}
