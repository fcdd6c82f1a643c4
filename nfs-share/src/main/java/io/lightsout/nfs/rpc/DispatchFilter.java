package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each decoded call to its {@link RpcService} on the bounded worker pool. This is the one place where
 * failures of a service become RPC replies: garbage arguments answer GARBAGE_ARGS and close a TCP connection,
 * a bug answers SYSTEM_ERR and is logged at error.
 */
final class DispatchFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchFilter.class);

    private final Map<Integer, RpcService> services;
    private final Executor workers;
    private volatile boolean draining;

    DispatchFilter(Map<Integer, RpcService> services, Executor workers) {
        this.services = Map.copyOf(services);
        this.workers = workers;
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
                workers.execute(() -> run(service, call, connection));
            } catch (RejectedExecutionException e) {
                // the client retransmits; dropping is the RPC answer to overload
                LOG.warn("dropping call from {}: server busy", call.getTransport().getRemoteSocketAddress());
            }
        }
        return ctx.getStopAction();
    }

    /** From now on calls are dropped unanswered; calls already handed to a worker complete. */
    void drain() {
        draining = true;
    }

    private static void run(RpcService service, RpcCall rpc, Connection<?> connection) {
        Call call = new Call(rpc, connection);
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
