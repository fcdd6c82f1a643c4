package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcProtocolFilter;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.nio.transport.UDPNIOTransport;
import org.glassfish.grizzly.nio.transport.UDPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;

/**
 * One bound RPC endpoint (an address, a port, TCP or UDP) serving a set of programs on oncrpc4j's call codec.
 *
 * <p>The Grizzly filter chain is assembled here rather than by {@code OncRpcSvc} so that limits sit in front of
 * oncrpc4j: connection caps, a bounded record size and a header check, then oncrpc4j's {@link RpcProtocolFilter}
 * (call header and credentials), then our dispatcher.
 */
public final class RpcListener implements AutoCloseable {

    /** Transport protocol of a listener. */
    public enum Protocol { TCP, UDP }

    private final NIOTransport transport;
    private final DispatchFilter dispatcher;
    private final InetSocketAddress bound;
    private final Protocol protocol;

    private RpcListener(NIOTransport transport, DispatchFilter dispatcher, InetSocketAddress bound,
            Protocol protocol) {
        this.transport = transport;
        this.dispatcher = dispatcher;
        this.bound = bound;
        this.protocol = protocol;
    }

    /**
     * Binds and starts a listener.
     *
     * @param address    address to bind (port 0 picks a free one)
     * @param protocol   TCP or UDP
     * @param services   programs served, by program number
     * @param workers    bounded pool the calls run on
     * @param limits     connection and record caps
     * @param clients    shared per-address connection counts (TCP)
     */
    public static RpcListener start(InetSocketAddress address, Protocol protocol, Map<Integer, RpcService> services,
            Executor workers, Limits limits, ClientConnections clients) throws IOException {
        FilterChainBuilder chain = FilterChainBuilder.stateless().add(new TransportFilter());
        NIOTransport transport;
        if (protocol == Protocol.TCP) {
            chain.add(new ConnectionLimitFilter(clients, limits.connectionsPerClient(), limits.connections()));
            chain.add(new RecordMarkingFilter(limits.maxRecordBytes()));
            transport = TCPNIOTransportBuilder.newInstance()
                    .setReuseAddress(true).setTcpNoDelay(true).setKeepAlive(true)
                    .setIOStrategy(SameThreadIOStrategy.getInstance())
                    .setSelectorRunnersCount(limits.selectorThreads())
                    .setMaxAsyncWriteQueueSizeInBytes(limits.maxQueuedReplyBytes())
                    .setName("nfs-share-tcp-" + address.getPort())
                    .build();
        } else {
            chain.add(new DatagramFilter());
            transport = UDPNIOTransportBuilder.newInstance()
                    .setReuseAddress(true)
                    .setIOStrategy(SameThreadIOStrategy.getInstance())
                    .setSelectorRunnersCount(1)
                    .setName("nfs-share-udp-" + address.getPort())
                    .build();
        }
        chain.add(new RpcProtocolFilter(new ReplyQueue()));
        DispatchFilter dispatcher = new DispatchFilter(services, workers, protocol == Protocol.TCP);
        chain.add(dispatcher);
        transport.setProcessor(chain.build());
        try {
            Connection<?> server = protocol == Protocol.TCP
                    ? ((TCPNIOTransport) transport).bind(address, limits.backlog())
                    : ((UDPNIOTransport) transport).bind(address);
            transport.start();
            return new RpcListener(transport, dispatcher, (InetSocketAddress) server.getLocalAddress(), protocol);
        } catch (IOException | RuntimeException e) {
            transport.shutdownNow();
            throw new IOException("cannot listen on " + protocol + " " + address + ": " + e.getMessage(), e);
        }
    }

    /** The address actually bound (with the chosen port when 0 was asked). */
    public InetSocketAddress address() {
        return bound;
    }

    public Protocol protocol() {
        return protocol;
    }

    /**
     * First step of a graceful stop: accept no more connections and leave new calls unanswered, so that replies
     * in progress finish whole (a client that sees half a record may not recover) and clients resend the rest
     * after reconnecting.
     */
    public void drain() {
        dispatcher.drain();
        transport.unbindAll();
    }

    /** After {@link #drain()}: waits until calls being served on selector threads have replied (or the deadline). */
    public void awaitIdle(long deadlineNanos) throws InterruptedException {
        dispatcher.awaitIdle(deadlineNanos);
    }

    /** Closes every connection. */
    @Override
    public void close() throws IOException {
        transport.shutdownNow();
    }

    /**
     * Resource caps of a listener.
     *
     * @param connectionsPerClient TCP connections one client address may hold open
     * @param connections          TCP connections in total
     * @param maxRecordBytes       the largest RPC record accepted (the largest call: a WRITE is refused anyway)
     * @param maxQueuedReplyBytes  reply bytes queued per connection before the connection is failed
     * @param backlog              TCP accept backlog
     * @param selectorThreads      I/O selector threads; TCP calls are served on them
     */
    public record Limits(int connectionsPerClient, int connections, int maxRecordBytes, int maxQueuedReplyBytes,
            int backlog, int selectorThreads) {
        public Limits {
            if (connectionsPerClient < 1 || connections < 1 || maxRecordBytes < 1024 || maxQueuedReplyBytes < 1
                    || backlog < 1 || selectorThreads < 1) {
                throw new IllegalArgumentException("invalid listener limits " + this);
            }
        }
    }
}
