package io.lightsout.nfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A minimal ONC RPC client over TCP written from RFC 5531, independent of the server's code, for protocol cases
 * libnfs cannot be made to send: forged handles, reads at chosen offsets, stale handles, unknown procedures.
 */
final class RawRpc implements Closeable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int xid = 0x1000;

    RawRpc(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(30_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    /** The body of an accepted reply, or the accept_stat as an exception. */
    static final class Rejected extends IOException {
        private static final long serialVersionUID = 1L;
        final int acceptStat;

        Rejected(int acceptStat) {
            super("accept_stat " + acceptStat);
            this.acceptStat = acceptStat;
        }
    }

    /** Encodes XDR arguments. */
    static final class Args {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream d = new DataOutputStream(bytes);

        Args i(int v) throws IOException {
            d.writeInt(v);
            return this;
        }

        Args l(long v) throws IOException {
            d.writeLong(v);
            return this;
        }

        Args opaque(byte[] b) throws IOException {
            d.writeInt(b.length);
            d.write(b);
            d.write(new byte[(4 - b.length % 4) % 4]);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    DataInputStream call(int program, int version, int procedure, Args args) throws IOException {
        return receive(send(program, version, procedure, args));
    }

    /** Sends a call without waiting for its reply; returns its xid. */
    int send(int program, int version, int procedure, Args args) throws IOException {
        int id = xid++;
        Args msg = new Args().i(id).i(0).i(2).i(program).i(version).i(procedure);
        // AUTH_SYS: stamp, machine name, uid 0, gid 0, no groups
        byte[] cred = new Args().i(1).opaque("raw".getBytes()).i(0).i(0).i(0).bytes();
        msg.i(1).opaque(cred).i(0).i(0);
        byte[] body = msg.bytes();
        byte[] a = args.bytes();
        out.writeInt(0x80000000 | (body.length + a.length));
        out.write(body);
        out.write(a);
        out.flush();
        return id;
    }

    /** Reads the next reply, which must answer call {@code id}. */
    DataInputStream receive(int id) throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        boolean last;
        do {
            int marker = in.readInt();
            last = marker < 0;
            byte[] fragment = new byte[marker & 0x7fffffff];
            in.readFully(fragment);
            record.write(fragment);
        } while (!last);
        DataInputStream r = new DataInputStream(new ByteArrayInputStream(record.toByteArray()));
        if (r.readInt() != id || r.readInt() != 1) {
            throw new IOException("not the reply to call " + id);
        }
        if (r.readInt() != 0) {
            throw new IOException("call denied");
        }
        r.readInt();
        r.skipNBytes((r.readInt() + 3) & ~3);
        int acceptStat = r.readInt();
        if (acceptStat != 0) {
            throw new Rejected(acceptStat);
        }
        return r;
    }

    static byte[] opaque(DataInputStream r) throws IOException {
        byte[] b = new byte[r.readInt()];
        r.readFully(b);
        r.skipNBytes((4 - b.length % 4) % 4);
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
