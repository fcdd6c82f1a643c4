package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/** LOOKUP (RFC 1813 §3.3.3): one name in one directory; never follows a link, never climbs above the export. */
final class LookupProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target dir = r.handle();
        byte[] name = r.name();
        Node child = dir.fs().lookup(dir.node(), name);
        Request.Target found = new Request.Target(dir.fs(), child);
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            out.xdrEncodeDynamicOpaque(r.handles.encode(found.handle()));
            Xdr3.postOpAttr(out, found);
            Xdr3.postOpAttr(out, dir);
        };
    }
}
