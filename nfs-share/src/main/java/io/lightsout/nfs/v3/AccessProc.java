package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/**
 * ACCESS (RFC 1813 §3.3.4). Clients mount anonymously, so the answer depends on the file type and mode only;
 * modify, extend and delete are never granted.
 */
final class AccessProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        int asked = r.in.readInt();
        int granted = asked & allowed(t.node().attrs());
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeInt(granted);
        };
    }

    private static int allowed(Attrs a) {
        if (a.isDirectory()) {
            return Nfs3.ACCESS_READ | Nfs3.ACCESS_LOOKUP | Nfs3.ACCESS_EXECUTE;
        }
        return Nfs3.ACCESS_READ | ((a.mode() & 0111) != 0 ? Nfs3.ACCESS_EXECUTE : 0);
    }
}
