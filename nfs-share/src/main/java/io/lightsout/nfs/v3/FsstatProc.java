package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;

/** FSSTAT (RFC 1813 §3.3.18): space of the file system holding the export; file counts are not known to Java. */
final class FsstatProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target t = r.handle();
        long total;
        long free;
        long avail;
        try {
            FileStore store = Files.getFileStore(t.node().path());
            total = store.getTotalSpace();
            free = store.getUnallocatedSpace();
            avail = store.getUsableSpace();
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot read file system size");
        }
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, t);
            out.xdrEncodeLong(total);
            out.xdrEncodeLong(free);
            out.xdrEncodeLong(avail);
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0);
        };
    }
}
