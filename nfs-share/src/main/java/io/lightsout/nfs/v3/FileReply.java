package io.lightsout.nfs.v3;

import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.rpc.OpenFile;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A READ reply whose data is sent from the file: {@link NfsProgram} hands it to
 * {@link io.lightsout.nfs.rpc.Call#replyWithFile}; it is never encoded into memory.
 */
record FileReply(ReplyBody head, OpenFile file, long position, int count) implements ReplyBody {
    @Override
    public void encode(XdrEncodingStream out) {
        throw new UnsupportedOperationException("file replies are sent with sendfile");
    }
}
