package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;

/**
 * Every procedure that would change something (SETATTR, WRITE, CREATE, MKDIR, SYMLINK, MKNOD, REMOVE, RMDIR,
 * RENAME, LINK, COMMIT). Each starts with a handle; it is checked like any other (a bad handle or a client not in
 * the list gets that error), then the answer is NFS3ERR_ROFS.
 */
final class ReadOnlyProc implements Procedure {
    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        r.handle();
        throw new NfsError(Nfs3.ERR_ROFS, "the share is read-only");
    }
}
