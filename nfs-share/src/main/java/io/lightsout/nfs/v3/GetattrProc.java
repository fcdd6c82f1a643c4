package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/** GETATTR (RFC 1813 §3.3.1). */
final class GetattrProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            t.node().attrs().encode(out, t.fs().id());
        };
    }
}
