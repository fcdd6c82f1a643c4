package io.lightsout.nfs.portmap;

import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.rpc.RpcService;
import io.lightsout.nfs.rpc.XdrIn;
import io.lightsout.nfs.xdr.Portmap;
import java.io.IOException;
import java.util.List;
import io.lightsout.nfs.rpc.Call;

/**
 * Portmapper version 2 (RFC 1833 §3) that knows only this share's programs. It is read-only: SET and UNSET
 * answer false (nobody may register other programs through it) and CALLIT, an amplification vector, is not
 * offered.
 */
public final class PortmapProgram implements RpcService {

    /** One registration: program, version, IP protocol (6 TCP, 17 UDP) and port. */
    public record Mapping(int program, int version, int protocol, int port) {}

    private final List<Mapping> mappings;

    public PortmapProgram(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @Override
    public int program() {
        return Portmap.PROGRAM;
    }

    @Override
    public int version() {
        return Portmap.VERSION;
    }

    @Override
    public void handle(Call call) throws IOException {
        XdrIn in = call.args();
        switch (call.procedure()) {
            case Portmap.PROC_NULL -> call.reply(ReplyBody.VOID);
            case Portmap.PROC_SET, Portmap.PROC_UNSET -> {
                in.readInt();
                in.readInt();
                in.readInt();
                in.readInt();
                call.reply((ReplyBody) out -> out.xdrEncodeBoolean(false));
            }
            case Portmap.PROC_GETPORT -> {
                int port = getport(in.readInt(), in.readInt(), in.readInt());
                in.readInt();
                call.reply((ReplyBody) out -> out.xdrEncodeInt(port));
            }
            case Portmap.PROC_DUMP -> call.reply((ReplyBody) out -> {
                for (Mapping m : mappings) {
                    out.xdrEncodeBoolean(true);
                    out.xdrEncodeInt(m.program());
                    out.xdrEncodeInt(m.version());
                    out.xdrEncodeInt(m.protocol());
                    out.xdrEncodeInt(m.port());
                }
                out.xdrEncodeBoolean(false);
            });
            default -> call.procedureUnavailable();
        }
    }

    /** RFC 1833: port 0 means the program is not registered. */
    int getport(int program, int version, int protocol) {
        for (Mapping m : mappings) {
            if (m.program() == program && m.version() == version && m.protocol() == protocol) {
                return m.port();
            }
        }
        return 0;
    }
}
