package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.CallCounters;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.OpenFile;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/**
 * READ (RFC 1813 §3.3.6) at any 64-bit offset, up to {@link #RTMAX} bytes; the data goes from the page cache to
 * the socket (see {@link io.lightsout.nfs.rpc.Call#replyWithFile}) from a file kept open by {@link OpenFiles}.
 */
final class ReadProc implements Procedure {
    static final int RTMAX = 1024 * 1024;

    private final CallCounters counters;
    private final OpenFiles files;

    ReadProc(CallCounters counters, OpenFiles files) {
        this.counters = counters;
        this.files = files;
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
        int count = (int) Math.max(0, Math.min(Math.min(asked, RTMAX), a.size() - offset));
        boolean eof = offset + count >= a.size();
        ReplyBody head = out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeInt(count);
            out.xdrEncodeBoolean(eof);
        };
        if (count == 0) {
            if (!t.fs().contains(t.node().path())) {
                throw new NfsError(Nfs3.ERR_ACCES, "file is not inside the export");
            }
            return out -> {
                head.encode(out);
                out.xdrEncodeInt(0);
            };
        }
        OpenFile file = files.open(t.fs(), t.node());
        counters.read(count);
        return new FileReply(head, file, offset, count);
    }
}
