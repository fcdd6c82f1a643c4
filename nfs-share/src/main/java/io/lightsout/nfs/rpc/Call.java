package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;

/**
 * One received call as a {@link RpcService} sees it: its procedure, arguments and client, and the ways to
 * answer it. Answer exactly once. On TCP every answer is written by the connection's {@link ConnectionWriter}; on UDP by oncrpc4j.
 */
public final class Call {
    private static final int REPLY = 1;
    private static final int MSG_ACCEPTED = 0;
    private static final int SUCCESS = 0;
    private static final int PROC_UNAVAIL = 3;
    private static final int GARBAGE_ARGS = 4;
    private static final int SYSTEM_ERR = 5;

    private final RpcCall rpc;
    private final ConnectionWriter writer;
    private final XdrIn args;

    /** @param writer the TCP connection's writer, null for UDP */
    Call(RpcCall rpc, ConnectionWriter writer) {
        this.rpc = rpc;
        this.writer = writer;
        this.args = new XdrIn(rpc.getXdr());
    }

    RpcCall rpc() {
        return rpc;
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
    public void reply(ReplyBody body) throws IOException {
        if (tcp() == null) {
            rpc.reply(body);
        } else {
            send(SUCCESS, body);
        }
    }

    /** Answers PROC_UNAVAIL. */
    public void procedureUnavailable() throws IOException {
        if (tcp() == null) {
            rpc.failProcedureUnavailable();
        } else {
            send(PROC_UNAVAIL, null);
        }
    }

    void garbageArgs() throws IOException {
        if (tcp() == null) {
            rpc.failRpcGarbage();
        } else {
            send(GARBAGE_ARGS, null);
        }
    }

    void systemError() throws IOException {
        if (tcp() == null) {
            rpc.failRpcSystem();
        } else {
            send(SYSTEM_ERR, null);
        }
    }

    /**
     * Answers with {@code head} followed by {@code count} bytes of {@code file} from {@code position} as an XDR
     * opaque (its length is written here); the data goes from the page cache to the socket (mostly with
     * sendfile). Takes ownership of {@code file}: it is released once sent or abandoned.
     *
     * @throws IllegalStateException on a UDP call (a datagram cannot carry a file region)
     */
    public void replyWithFile(ReplyBody head, OpenFile file, long position, int count) throws IOException {
        if (tcp() == null) {
            file.release();
            throw new IllegalStateException("file replies need TCP");
        }
        ByteBuffer framed;
        try {
            framed = encode(SUCCESS, out -> {
                head.encode(out);
                out.xdrEncodeInt(count);
            }, count);
        } catch (IOException | RuntimeException e) {
            file.release();
            throw e;
        }
        writer.send(new ReplyRecord(framed, file, position, count));
    }

    private ConnectionWriter tcp() {
        return writer;
    }

    private void send(int acceptStat, ReplyBody body) throws IOException {
        writer.send(new ReplyRecord(encode(acceptStat, body, 0), null, 0, 0));
    }

    /** The record marker and the encoded reply, for a record that {@code count} bytes of file data will end. */
    private ByteBuffer encode(int acceptStat, ReplyBody body, int count) throws IOException {
        try (Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE)) {
            xdr.beginEncoding();
            xdr.xdrEncodeInt(rpc.getXid());
            xdr.xdrEncodeInt(REPLY);
            xdr.xdrEncodeInt(MSG_ACCEPTED);
            // verifier: AUTH_NONE, empty (RFC 5531 §8.2: what AUTH_SYS and AUTH_NONE servers send)
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(acceptStat);
            if (body != null) {
                body.encode(xdr);
            }
            xdr.endEncoding();
            Buffer encoded = xdr.asBuffer();
            int length = encoded.remaining() + count + (4 - count % 4) % 4;
            ByteBuffer framed = ByteBuffer.allocate(4 + encoded.remaining());
            framed.putInt(0x80000000 | length);
            framed.put(encoded.toByteBuffer());
            return framed.flip();
        }
    }
}
