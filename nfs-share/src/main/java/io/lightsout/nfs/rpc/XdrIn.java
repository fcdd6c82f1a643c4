package io.lightsout.nfs.rpc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Bounded XDR decoding of call arguments: every variable-length item is checked against the protocol's limit
 * before any memory is allocated, and every decoding failure becomes {@link GarbageArgsException}.
 */
public final class XdrIn {
    private final XdrDecodingStream in;

    public XdrIn(XdrDecodingStream in) {
        this.in = in;
    }

    public int readInt() throws GarbageArgsException {
        try {
            return in.xdrDecodeInt();
        } catch (IOException | RuntimeException e) {
            throw new GarbageArgsException("truncated arguments", e);
        }
    }

    public long readLong() throws GarbageArgsException {
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return hi << 32 | lo;
    }

    public boolean readBool() throws GarbageArgsException {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw new GarbageArgsException("bad boolean " + v);
        }
        return v == 1;
    }

    /** A variable-length opaque of at most {@code max} bytes. */
    public byte[] readOpaque(int max) throws GarbageArgsException {
        int len = readInt();
        if (len < 0 || len > max) {
            throw new GarbageArgsException("opaque of " + (len & 0xffffffffL) + " bytes, limit " + max);
        }
        return readFixed(len);
    }

    /** A fixed-length opaque of {@code len} bytes (plus XDR padding). */
    public byte[] readFixed(int len) throws GarbageArgsException {
        try {
            return in.xdrDecodeOpaque(len);
        } catch (IOException | RuntimeException e) {
            throw new GarbageArgsException("truncated opaque", e);
        }
    }

    /** Skips a 64-bit value (fields such as verifiers that a read-only server ignores). */
    public void skipLong() throws GarbageArgsException {
        readInt();
        readInt();
    }
}
