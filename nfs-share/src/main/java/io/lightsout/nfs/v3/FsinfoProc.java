package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/** FSINFO (RFC 1813 §3.3.19): what clients may ask for; READ sizes up to {@link ReadProc#RTMAX}. */
final class FsinfoProc implements Procedure {
    static final int DTPREF = 64 * 1024;

    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeInt(ReadProc.RTMAX);
            out.xdrEncodeInt(ReadProc.RTMAX);
            out.xdrEncodeInt(4096);
            out.xdrEncodeInt(NfsProgram.WTMAX);
            out.xdrEncodeInt(NfsProgram.WTMAX);
            out.xdrEncodeInt(4096);
            out.xdrEncodeInt(DTPREF);
            out.xdrEncodeLong(Long.MAX_VALUE);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(Nfs3.FSF_LINK | Nfs3.FSF_SYMLINK | Nfs3.FSF_HOMOGENEOUS);
        };
    }
}
