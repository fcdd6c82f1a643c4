package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/** PATHCONF (RFC 1813 §3.3.20): Linux file system limits. */
final class PathconfProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeInt(65000);
            out.xdrEncodeInt(Nfs3.MAXNAMLEN);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(true);
        };
    }
}
