package io.lightsout.nfs.export;

import io.lightsout.nfs.xdr.Nfs3;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes {@link FileHandle}s as fixed-size opaque handles and refuses anything it did not make.
 *
 * <p>Layout (32 bytes): magic {@code "LO"}, version 1, reserved 0, export id (4), file id (8), generation (8), then
 * the first 8 bytes of HMAC-SHA256 over the first 24 bytes. The key is the appliance's handle key, so handles stay
 * valid across restarts and a forged or altered handle fails the MAC and is NFS3ERR_BADHANDLE.
 */
public final class HandleCodec {
    public static final int SIZE = 32;
    private static final int SIGNED = 24;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** @param key at least 16 bytes of secret key material */
    public HandleCodec(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("handle key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public byte[] encode(FileHandle h) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put((byte) 'L').put((byte) 'O').put((byte) 1).put((byte) 0);
        b.putInt(h.exportId()).putLong(h.fileId()).putLong(h.generation());
        b.put(mac(b.array()), 0, SIZE - SIGNED);
        return b.array();
    }

    /** @throws NfsError NFS3ERR_BADHANDLE for a handle of the wrong size, version or MAC */
    public FileHandle decode(byte[] raw) throws NfsError {
        if (raw.length != SIZE || raw[0] != 'L' || raw[1] != 'O' || raw[2] != 1 || raw[3] != 0) {
            throw new NfsError(Nfs3.ERR_BADHANDLE, "not a handle of this server");
        }
        byte[] expected = mac(raw);
        byte[] given = new byte[SIZE - SIGNED];
        System.arraycopy(raw, SIGNED, given, 0, given.length);
        if (!MessageDigest.isEqual(given, java.util.Arrays.copyOf(expected, given.length))) {
            throw new NfsError(Nfs3.ERR_BADHANDLE, "handle signature mismatch");
        }
        ByteBuffer b = ByteBuffer.wrap(raw, 4, SIGNED - 4);
        return new FileHandle(b.getInt(), b.getLong(), b.getLong());
    }

    private byte[] mac(byte[] handle) {
        Mac mac = macs.get();
        mac.update(handle, 0, SIGNED);
        return mac.doFinal();
    }
}
