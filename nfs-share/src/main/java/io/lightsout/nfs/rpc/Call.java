package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received call as a {@link RpcService} sees it: its procedure, arguments and client, and the ways to
 * answer it. Answer exactly once.
 */
public final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);
    private static final int REPLY = 1;
    private static final int MSG_ACCEPTED = 0;
    private static final int SUCCESS = 0;

    private final RpcCall rpc;
    private final Connection<?> connection;
    private final XdrIn args;

    Call(RpcCall rpc, Connection<?> connection) {
        this.rpc = rpc;
        this.connection = connection;
        this.args = new XdrIn(rpc.getXdr());
    }

    public int procedure() {
        return rpc.getProcedure();
    }

    /** The client's source address: what export client lists are checked against. */
    public InetAddress client() {
        return rpc.getTransport().getRemoteSocketAddress().getAddress();
    }

    /** The call's arguments, decoded with limits. */
    public XdrIn args() {
        return args;
    }

    /** Answers with an accepted reply carrying {@code body}. */
    public void reply(ReplyBody body) {
        rpc.reply(body);
    }

    /** Answers PROC_UNAVAIL. */
    public void procedureUnavailable() {
        rpc.failProcedureUnavailable();
    }

    /**
     * Answers with {@code head} followed by {@code count} bytes of {@code file} from {@code position} as an XDR
     * opaque (its length is written here): the file data goes from the page cache to the socket with sendfile.
     * Takes ownership of {@code file} and closes it when sent or failed.
     *
     * @throws IllegalStateException on a UDP call (a datagram cannot carry a file region)
     */
    public void replyWithFile(ReplyBody head, FileChannel file, long position, int count) throws IOException {
        if (!(connection instanceof TCPNIOConnection)) {
            file.close();
            throw new IllegalStateException("file replies need TCP");
        }
        Buffer encoded;
        try (Xdr xdr = new Xdr(256)) {
            xdr.beginEncoding();
            xdr.xdrEncodeInt(rpc.getXid());
            xdr.xdrEncodeInt(REPLY);
            xdr.xdrEncodeInt(MSG_ACCEPTED);
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(SUCCESS);
            head.encode(xdr);
            xdr.xdrEncodeInt(count);
            xdr.endEncoding();
            encoded = xdr.asBuffer();
            int length = encoded.remaining() + count + (4 - count % 4) % 4;
            ByteBuffer framed = ByteBuffer.allocate(4 + encoded.remaining());
            framed.putInt(0x80000000 | length);
            while (encoded.hasRemaining()) {
                framed.put(encoded.get());
            }
            framed.flip();
            FramedFileReply reply = new FramedFileReply(framed, file, position, count);
            @SuppressWarnings("unchecked")
            Connection<Object> c = (Connection<Object>) connection;
            c.write(reply, new CompletionHandler<WriteResult<FramedFileReply, Object>>() {
                @Override
                public void completed(WriteResult<FramedFileReply, Object> result) {
                    reply.release();
                }

                @Override
                public void failed(Throwable t) {
                    reply.release();
                    LOG.debug("READ reply to {} not sent: {}", client().getHostAddress(), t.toString());
                }

                @Override
                public void cancelled() {
                    reply.release();
                }

                @Override
                public void updated(WriteResult<FramedFileReply, Object> result) {
                    // progress is not reported
                }
            });
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }
}
