package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.CallCounters;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;

/**
 * READ (RFC 1813 §3.3.6) at any 64-bit offset, up to {@link #RTMAX} bytes; the data goes from the page cache to
 * the socket with sendfile (see {@link io.lightsout.nfs.rpc.Call#replyWithFile}).
 */
final class ReadProc implements Procedure {
    static final int RTMAX = 1024 * 1024;

    private final CallCounters counters;

    ReadProc(CallCounters counters) {
        this.counters = counters;
    }

    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        long offset = r.in.readLong();
        long asked = r.in.readInt() & 0xffffffffL;
        Attrs a = t.node().attrs();
        if (a.isDirectory()) {
            throw new NfsError(Nfs3.ERR_ISDIR, "is a directory");
        }
        if (a.type() != Nfs3.NF3REG) {
            throw new NfsError(Nfs3.ERR_INVAL, "not a regular file");
        }
        if (offset < 0) {
            throw new NfsError(Nfs3.ERR_INVAL, "offset beyond 2^63");
        }
        if (!t.fs().contains(t.node().path())) {
            throw new NfsError(Nfs3.ERR_ACCES, "file is not inside the export");
        }
        int count = (int) Math.max(0, Math.min(Math.min(asked, RTMAX), a.size() - offset));
        boolean eof = offset + count >= a.size();
        ReplyBody head = out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeInt(count);
            out.xdrEncodeBoolean(eof);
        };
        if (count == 0) {
            return out -> {
                head.encode(out);
                out.xdrEncodeInt(0);
            };
        }
        FileChannel file = open(t);
        counters.read(count);
        return new FileReply(head, file, offset, count);
    }

    private static FileChannel open(Request.Target t) throws NfsError {
        try {
            return FileChannel.open(t.node().path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot open: " + e.getMessage());
        }
    }
}
