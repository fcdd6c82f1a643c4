package io.lightsout.nfs.mount;

import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.export.ExportTable;
import io.lightsout.nfs.export.HandleCodec;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.CallCounters;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.rpc.RpcService;
import io.lightsout.nfs.rpc.XdrIn;
import io.lightsout.nfs.xdr.Mount3;
import io.lightsout.nfs.xdr.Rpc;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import io.lightsout.nfs.rpc.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOUNT version 3 (RFC 1813 appendix I): hands out the root handle of an export, or of a directory below it,
 * to clients in the export's list. Every MNT is reported to the mount hook, granted or not.
 */
public final class MountProgram implements RpcService {
    private static final Logger LOG = LoggerFactory.getLogger(MountProgram.class);

    /** What a MNT request amounted to, for the share's hook. */
    public record Mounted(InetAddress client, String path, boolean granted, String reason) {}

    private final ExportTable exports;
    private final HandleCodec handles;
    private final CallCounters counters;
    private final Consumer<Mounted> hook;
    private final MountTable table = new MountTable();

    public MountProgram(ExportTable exports, HandleCodec handles, CallCounters counters, Consumer<Mounted> hook) {
        this.exports = exports;
        this.handles = handles;
        this.counters = counters;
        this.hook = hook;
    }

    @Override
    public int program() {
        return Mount3.PROGRAM;
    }

    @Override
    public int version() {
        return Mount3.VERSION;
    }

    @Override
    public void handle(Call call) throws IOException {
        InetAddress client = call.client();
        XdrIn in = call.args();
        ReplyBody reply = switch (call.procedure()) {
            case Mount3.PROC_NULL -> ReplyBody.VOID;
            case Mount3.PROC_MNT -> mnt(client, path(in));
            case Mount3.PROC_DUMP -> dump();
            case Mount3.PROC_UMNT -> {
                table.remove(client.getHostAddress(), path(in));
                yield ReplyBody.VOID;
            }
            case Mount3.PROC_UMNTALL -> {
                table.removeAll(client.getHostAddress());
                yield ReplyBody.VOID;
            }
            case Mount3.PROC_EXPORT -> export();
            default -> null;
        };
        if (reply == null) {
            call.procedureUnavailable();
            return;
        }
        counters.operation(false);
        call.reply(reply);
    }

    private static String path(XdrIn in) throws GarbageArgsException {
        return new String(in.readOpaque(Mount3.MNTPATHLEN), StandardCharsets.UTF_8);
    }

    private ReplyBody mnt(InetAddress client, String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        var target = exports.forMountPath(normalized);
        int status;
        String reason;
        Node node = null;
        if (target.isEmpty()) {
            status = Mount3.ERR_NOENT;
            reason = "no such export";
        } else if (!ExportTable.allows(target.get().fs(), client)) {
            status = Mount3.ERR_ACCES;
            reason = "client not allowed";
        } else {
            try {
                node = target.get().fs().mountPoint(target.get().subpath());
                status = Mount3.OK;
                reason = "";
            } catch (NfsError e) {
                status = e.status();
                reason = e.getMessage();
            }
        }
        report(new Mounted(client, path, status == Mount3.OK, reason));
        if (status != Mount3.OK) {
            int failed = status;
            return out -> out.xdrEncodeInt(failed);
        }
        table.add(client.getHostAddress(), normalized);
        byte[] fh = handles.encode(node.attrs().handle(target.get().fs().id()));
        return out -> {
            out.xdrEncodeInt(Mount3.OK);
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeInt(2);
            out.xdrEncodeInt(Rpc.AUTH_SYS);
            out.xdrEncodeInt(Rpc.AUTH_NONE);
        };
    }

    private void report(Mounted m) {
        if (m.granted()) {
            LOG.debug("MNT {} from {}: granted", m.path(), m.client().getHostAddress());
        } else {
            LOG.info("MNT {} from {}: refused, {}", m.path(), m.client().getHostAddress(), m.reason());
        }
        try {
            hook.accept(m);
        } catch (RuntimeException e) {
            LOG.warn("mount listener failed", e);
        }
    }

    private ReplyBody dump() {
        List<MountTable.Entry> entries = table.list();
        return out -> {
            for (MountTable.Entry e : entries) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeString(e.host());
                out.xdrEncodeString(e.path());
            }
            out.xdrEncodeBoolean(false);
        };
    }

    private ReplyBody export() {
        List<Export> list = exports.exports();
        return out -> {
            for (Export e : list) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeString(e.name());
                for (String group : e.clients().specs()) {
                    out.xdrEncodeBoolean(true);
                    out.xdrEncodeString(group);
                }
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeBoolean(false);
        };
    }
}
