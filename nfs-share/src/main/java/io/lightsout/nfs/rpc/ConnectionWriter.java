package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the replies of one TCP connection, whole and in order.
 *
 * <p>Calls are served on the selector thread that read them (a hand-off to a pool thread cost 0.4-0.7 ms per call
 * on a busy machine, more than a 1 MiB READ takes). So that thread never waits for a slow client, a reply the
 * socket does not take at once is finished by a pool thread, which waits on a private selector for the socket to
 * drain; replies that come meanwhile queue behind it (at most {@value #MAX_QUEUED}, then the connection is
 * closed). A client that takes nothing for {@link #STALL_LIMIT_NANOS} is disconnected.
 *
 * <p>Grizzly's own asynchronous write queue is not used: with file regions it spins its selector thread
 * ({@code epoll_wait} with a zero timeout, hundreds of times per reply) while the socket drains.
 */
final class ConnectionWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWriter.class);
    private static final long STALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_QUEUED = 64;
    private static final ThreadLocal<Selector> SELECTORS = ThreadLocal.withInitial(() -> {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    private final Connection<?> connection;
    private final SocketChannel channel;
    private final Executor workers;
    private final ArrayDeque<ReplyRecord> queued = new ArrayDeque<>();
    private boolean draining;

    ConnectionWriter(Connection<?> connection, SocketChannel channel, Executor workers) {
        this.connection = connection;
        this.channel = channel;
        this.workers = workers;
    }

    void send(ReplyRecord record) throws IOException {
        synchronized (this) {
            if (draining) {
                if (queued.size() >= MAX_QUEUED) {
                    record.close();
                    fail(new IOException("over " + MAX_QUEUED + " replies waiting for a slow client"));
                    return;
                }
                queued.add(record);
                return;
            }
            try {
                if (record.writeSome(channel)) {
                    return;
                }
            } catch (IOException e) {
                record.close();
                throw e;
            }
            draining = true;
            queued.add(record);
        }
        try {
            workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            fail(new IOException("no thread free to finish a reply"));
        }
    }

    private void drain() {
        while (true) {
            ReplyRecord record;
            synchronized (this) {
                record = queued.peek();
                if (record == null) {
                    draining = false;
                    return;
                }
            }
            try {
                writeFully(record);
            } catch (IOException e) {
                fail(e);
                return;
            }
            synchronized (this) {
                queued.poll();
            }
        }
    }

    private void writeFully(ReplyRecord record) throws IOException {
        long stalledSince = 0;
        while (!record.writeSome(channel)) {
            long now = System.nanoTime();
            if (stalledSince == 0) {
                stalledSince = now;
            } else if (now - stalledSince > STALL_LIMIT_NANOS) {
                throw new IOException("client stopped reading");
            }
            Selector selector = SELECTORS.get();
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            try {
                if (selector.select(100) > 0) {
                    stalledSince = 0;
                }
            } finally {
                key.cancel();
                selector.selectNow();
            }
        }
    }

    private void fail(IOException e) {
        synchronized (this) {
            queued.forEach(ReplyRecord::close);
            queued.clear();
            draining = false;
        }
        LOG.debug("closing connection to {}: {}", connection.getPeerAddress(), e.getMessage());
        connection.closeSilently();
    }
}
