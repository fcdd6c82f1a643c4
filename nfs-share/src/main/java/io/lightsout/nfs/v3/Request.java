package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.ExportFs;
import io.lightsout.nfs.export.ExportTable;
import io.lightsout.nfs.export.FileHandle;
import io.lightsout.nfs.export.HandleCodec;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.XdrIn;
import io.lightsout.nfs.xdr.Nfs3;
import java.net.InetAddress;

/** One NFS call being served: its arguments, the client, and the share's state. */
final class Request {
    final XdrIn in;
    final InetAddress client;
    final ExportTable exports;
    final HandleCodec handles;

    Request(XdrIn in, InetAddress client, ExportTable exports, HandleCodec handles) {
        this.in = in;
        this.client = client;
        this.exports = exports;
        this.handles = handles;
    }

    /** A file of an export, as a handle argument resolved it. */
    record Target(ExportFs fs, Node node) {
        FileHandle handle() {
            return node.attrs().handle(fs.id());
        }
    }

    /**
     * Reads an {@code nfs_fh3} argument and resolves it: NFS3ERR_BADHANDLE if this server did not make it,
     * NFS3ERR_STALE if its export or file is gone, NFS3ERR_ACCES if the client is not in the export's list.
     */
    Target handle() throws NfsError, GarbageArgsException {
        byte[] raw = in.readOpaque(Nfs3.FHSIZE);
        FileHandle h = handles.decode(raw);
        ExportFs fs = exports.byId(h.exportId())
                .orElseThrow(() -> new NfsError(Nfs3.ERR_STALE, "export no longer exists"));
        if (!ExportTable.allows(fs, client)) {
            throw new NfsError(Nfs3.ERR_ACCES, "client not allowed");
        }
        return new Target(fs, fs.resolve(h));
    }

    /** Reads a {@code filename3} argument as raw bytes. */
    byte[] name() throws GarbageArgsException {
        return in.readOpaque(Nfs3.MAXNAMLEN + 1);
    }
}
