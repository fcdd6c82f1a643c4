package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.ExportTable;
import io.lightsout.nfs.export.HandleCodec;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.CallCounters;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.rpc.RpcService;
import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import io.lightsout.nfs.rpc.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS version 3, read-only (RFC 1813). Routes each procedure to its class and turns an {@link NfsError} into
 * the procedure's failure reply: the status, then as many empty attribute fields as that reply has.
 */
public final class NfsProgram implements RpcService {
    private static final Logger LOG = LoggerFactory.getLogger(NfsProgram.class);
    /** WRITE is refused, but FSINFO must still name a size: the largest WRITE call the record limit admits. */
    static final int WTMAX = 64 * 1024;

    /**
     * Empty fields in each procedure's failure reply (RFC 1813 §3.3): none for GETATTR, one post_op_attr for
     * the read procedures, wcc_data (two) for most writes, two wcc_data for RENAME, post_op_attr + wcc for LINK.
     */
    private static final int[] FAILURE_FIELDS = {0, 0, 2, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 4, 3, 1, 1, 1, 1, 1, 2};

    private final Procedure[] procedures = new Procedure[Nfs3.PROC_COMMIT + 1];
    private final ExportTable exports;
    private final HandleCodec handles;
    private final CallCounters counters;

    /** @param files where READ keeps the files it sends from open (the caller sweeps and closes it) */
    public NfsProgram(ExportTable exports, HandleCodec handles, CallCounters counters, OpenFiles files) {
        this.exports = exports;
        this.handles = handles;
        this.counters = counters;
        Procedure readOnly = new ReadOnlyProc();
        java.util.Arrays.fill(procedures, readOnly);
        procedures[Nfs3.PROC_GETATTR] = new GetattrProc();
        procedures[Nfs3.PROC_LOOKUP] = new LookupProc();
        procedures[Nfs3.PROC_ACCESS] = new AccessProc();
        procedures[Nfs3.PROC_READLINK] = new ReadlinkProc();
        procedures[Nfs3.PROC_READ] = new ReadProc(counters, files);
        procedures[Nfs3.PROC_READDIR] = new ReaddirProc(false);
        procedures[Nfs3.PROC_READDIRPLUS] = new ReaddirProc(true);
        procedures[Nfs3.PROC_FSSTAT] = new FsstatProc();
        procedures[Nfs3.PROC_FSINFO] = new FsinfoProc();
        procedures[Nfs3.PROC_PATHCONF] = new PathconfProc();
    }

    @Override
    public int program() {
        return Nfs3.PROGRAM;
    }

    @Override
    public int version() {
        return Nfs3.VERSION;
    }

    @Override
    public void handle(Call call) throws IOException {
        int proc = call.procedure();
        if (proc == Nfs3.PROC_NULL) {
            call.reply(ReplyBody.VOID);
            return;
        }
        if (proc < 0 || proc >= procedures.length) {
            call.procedureUnavailable();
            return;
        }
        Request r = new Request(call.args(), call.client(), exports, handles);
        ReplyBody body;
        boolean failed = false;
        try {
            body = procedures[proc].run(r);
        } catch (NfsError e) {
            LOG.debug("NFS procedure {} from {}: status {} ({})", proc, r.client.getHostAddress(), e.status(),
                    e.getMessage());
            body = failure(proc, e.status());
            failed = true;
        }
        counters.operation(failed);
        if (body instanceof FileReply file) {
            call.replyWithFile(file.head(), file.file(), file.position(), file.count());
        } else {
            call.reply(body);
        }
    }

    private static ReplyBody failure(int proc, int status) {
        int fields = FAILURE_FIELDS[proc];
        return out -> {
            out.xdrEncodeInt(status);
            for (int i = 0; i < fields; i++) {
                out.xdrEncodeBoolean(false);
            }
        };
    }
}
