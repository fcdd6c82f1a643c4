package io.lightsout.nfs.rpc;

import io.lightsout.nfs.xdr.Rpc;
import org.glassfish.grizzly.Buffer;

/**
 * Checks that a received record is a well-formed RPC call header (RFC 5531 §9) before oncrpc4j parses it, so
 * garbage is refused in one place with a reason instead of somewhere inside the decoder.
 */
final class CallHeaderCheck {
    private CallHeaderCheck() {}

    /** @return null when the record starts with a plausible call header, else why not */
    static String problem(Buffer record) {
        int p = record.position();
        int end = record.limit();
        if (end - p < 40) {
            return "record of " + (end - p) + " bytes is shorter than a call header";
        }
        if (record.getInt(p + 4) != Rpc.MSG_CALL) {
            return "not a CALL message";
        }
        if (record.getInt(p + 8) != Rpc.RPC_VERSION) {
            return "RPC version " + record.getInt(p + 8);
        }
        int q = p + 24;
        for (String what : new String[] {"credential", "verifier"}) {
            if (end - q < 8) {
                return "truncated " + what;
            }
            int len = record.getInt(q + 4);
            if (len < 0 || len > Rpc.MAX_AUTH_BYTES) {
                return what + " of " + (len & 0xffffffffL) + " bytes";
            }
            q += 8 + ((len + 3) & ~3);
            if (q > end) {
                return "truncated " + what;
            }
        }
        return null;
    }
}
