package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each decoded call to its {@link RpcService}: on TCP on the selector thread that read it, on UDP on the
 * bounded worker pool. This is the one place where
 * failures of a service become RPC replies: garbage arguments answer GARBAGE_ARGS and close a TCP connection,
 * a bug answers SYSTEM_ERR and is logged at error.
 */
final class DispatchFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchFilter.class);

    private static final Attribute<ConnectionWriter> WRITER =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ConnectionWriter.class.getName());

    private final Map<Integer, RpcService> services;
    private final Executor workers;
    private final boolean tcp;
    private volatile boolean draining;
    private final java.util.concurrent.atomic.AtomicInteger serving = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param tcp calls on TCP are served on the thread that read them, with replies written by a
     *            {@link ConnectionWriter}; calls on UDP go to {@code workers}
     */
    DispatchFilter(Map<Integer, RpcService> services, Executor workers, boolean tcp) {
        this.services = Map.copyOf(services);
        this.workers = workers;
        this.tcp = tcp;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        RpcCall call = ctx.getMessage();
        if (draining) {
            // shutting down: no reply, so the client resends the call after it reconnects to the next server
            return ctx.getStopAction();
        }
        RpcService service = services.get(call.getProgram());
        if (service == null) {
            call.failProgramUnavailable();
        } else if (service.version() != call.getProgramVersion()) {
            call.failProgramMismatch(service.version(), service.version());
        } else {
            Connection<?> connection = ctx.getConnection();
            try {
                if (tcp) {
                    serving.incrementAndGet();
                    try {
                        run(service, new Call(call, writer(connection)), connection);
                    } finally {
                        serving.decrementAndGet();
                    }
                } else {
                    workers.execute(() -> run(service, new Call(call, null), connection));
                }
            } catch (RejectedExecutionException e) {
                // the client retransmits; dropping is the RPC answer to overload
                LOG.warn("dropping call from {}: server busy", call.getTransport().getRemoteSocketAddress());
            }
        }
        return ctx.getStopAction();
    }

    /** From now on calls are dropped unanswered; calls already being served complete. */
    void drain() {
        draining = true;
    }

    /** Waits (at most until {@code deadline}, a {@link System#nanoTime()}) for calls being served to finish. */
    void awaitIdle(long deadline) throws InterruptedException {
        while (serving.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private ConnectionWriter writer(Connection<?> connection) {
        ConnectionWriter w = WRITER.get(connection);
        if (w == null) {
            w = new ConnectionWriter(connection,
                    (java.nio.channels.SocketChannel) ((TCPNIOConnection) connection).getChannel(), workers);
            WRITER.set(connection, w);
        }
        return w;
    }

    private static void run(RpcService service, Call call, Connection<?> connection) {
        RpcCall rpc = call.rpc();
        try {
            try {
                service.handle(call);
            } catch (GarbageArgsException e) {
                LOG.warn("garbage arguments from {} (program {} procedure {}): {}",
                        rpc.getTransport().getRemoteSocketAddress(), rpc.getProgram(), rpc.getProcedure(),
                        e.getMessage());
                call.garbageArgs();
                if (connection instanceof TCPNIOConnection) {
                    connection.closeSilently();
                }
            } catch (RuntimeException e) {
                LOG.error("program {} procedure {} failed", rpc.getProgram(), rpc.getProcedure(), e);
                call.systemError();
            }
        } catch (IOException e) {
            LOG.debug("reply to {} not sent: {}", rpc.getTransport().getRemoteSocketAddress(), e.toString());
            connection.closeSilently();
        }
    }
}
