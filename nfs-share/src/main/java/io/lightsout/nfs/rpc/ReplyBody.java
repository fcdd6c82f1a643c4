package io.lightsout.nfs.rpc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** A reply body written by a lambda: replies are only ever encoded by this server, never decoded. */
@FunctionalInterface
public interface ReplyBody extends XdrAble {

    /** Writes the body of the reply (after the RPC reply header). */
    void encode(XdrEncodingStream out) throws IOException;

    @Override
    default void xdrEncode(XdrEncodingStream out) throws IOException {
        encode(out);
    }

    @Override
    default void xdrDecode(XdrDecodingStream in) {
        throw new UnsupportedOperationException("reply bodies are encode-only");
    }

    /** The empty body of NULL procedures. */
    ReplyBody VOID = out -> { };
}
