package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/** READLINK (RFC 1813 §3.3.5): only links whose target stays inside the export are read. */
final class ReadlinkProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        byte[] target = t.fs().readlink(t.node());
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeDynamicOpaque(target);
        };
    }
}
