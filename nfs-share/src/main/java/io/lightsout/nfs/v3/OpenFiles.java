package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.ExportFs;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.OpenFile;
import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files READ sends from, kept open between calls. A client reads a file in 1 MiB calls, and opening it each
 * time cost nine system calls (the symbolic-link check of every path component, open, close), a few per cent
 * of a call.
 *
 * <p>A file is opened only after {@link ExportFs#contains} checked that it lies inside the export, and an open
 * file is found again only by the same export, path, inode number and generation that a handle just resolved
 * to, so a replaced or moved file is opened anew (or its handle is stale before it gets here). A file nobody
 * read for {@link #IDLE} is closed by {@link #sweep()}, so a deleted or replaced image does not keep its disk
 * space for longer; at most {@link #MAX_IDLE_OPEN} idle files stay open. Thread-safe.
 */
public final class OpenFiles implements AutoCloseable {
    static final Duration IDLE = Duration.ofSeconds(10);
    static final int MAX_IDLE_OPEN = 64;

    private final Clock clock;
    /** In least recently used order. */
    private final Map<Key, Entry> open = new LinkedHashMap<>(16, 0.75f, true);
    private int idle;
    private boolean closed;

    public OpenFiles(Clock clock) {
        this.clock = clock;
    }

    private record Key(int exportId, long fileId, long generation, Path path) {}

    private final class Entry implements OpenFile {
        final FileChannel channel;
        int users;
        long lastUsed;
        boolean evicted;

        Entry(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public FileChannel channel() {
            return channel;
        }

        @Override
        public void release() {
            List<FileChannel> toClose = new ArrayList<>(1);
            synchronized (OpenFiles.this) {
                lastUsed = clock.millis();
                if (--users == 0) {
                    if (evicted) {
                        toClose.add(channel);
                    } else {
                        idle++;
                        trimIdle(toClose);
                    }
                }
            }
            toClose.forEach(OpenFiles::closeQuietly);
        }
    }

    /**
     * The open file {@code node} names, opened if it is not yet; release it once done.
     *
     * @throws NfsError NFS3ERR_ACCES when the file (with links resolved) is not inside the export, NFS3ERR_IO
     *                  when it cannot be opened
     */
    public OpenFile open(ExportFs fs, Node node) throws NfsError {
        Key key = new Key(fs.id(), node.attrs().fileId(), node.attrs().generation(), node.path());
        synchronized (this) {
            Entry e = open.get(key);
            if (e != null) {
                use(e);
                return e;
            }
        }
        if (!fs.contains(node.path())) {
            throw new NfsError(Nfs3.ERR_ACCES, "file is not inside the export");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(node.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot open: " + e.getMessage());
        }
        List<FileChannel> toClose = new ArrayList<>();
        Entry e;
        synchronized (this) {
            e = open.get(key);
            if (e != null) {
                // another call opened it meanwhile: this channel is not needed
                toClose.add(channel);
                use(e);
            } else {
                e = new Entry(channel);
                e.users = 1;
                e.evicted = closed;
                if (!closed) {
                    open.put(key, e);
                }
            }
        }
        toClose.forEach(OpenFiles::closeQuietly);
        return e;
    }

    /** One more user of a file in {@link #open}. */
    private void use(Entry e) {
        if (e.users++ == 0) {
            idle--;
        }
    }

    /** Closes the least recently used idle files beyond {@link #MAX_IDLE_OPEN}. */
    private void trimIdle(List<FileChannel> toClose) {
        for (Iterator<Entry> it = open.values().iterator(); it.hasNext() && idle > MAX_IDLE_OPEN; ) {
            Entry e = it.next();
            if (e.users == 0) {
                it.remove();
                toClose.add(e.channel);
                idle--;
            }
        }
    }

    /** Closes the files nobody has read for {@link #IDLE}; the share calls this every second. */
    public void sweep() {
        long cutoff = clock.millis() - IDLE.toMillis();
        List<FileChannel> toClose = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.users == 0 && e.lastUsed <= cutoff) {
                    it.remove();
                    toClose.add(e.channel);
                    idle--;
                }
            }
        }
        toClose.forEach(OpenFiles::closeQuietly);
    }

    /** Files open now (being sent or kept for the next call). */
    public synchronized int size() {
        return open.size();
    }

    /** Closes every file; files still being sent are closed when their reply releases them. */
    @Override
    public void close() {
        List<FileChannel> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Entry e : open.values()) {
                e.evicted = true;
                if (e.users == 0) {
                    toClose.add(e.channel);
                }
            }
            open.clear();
            idle = 0;
        }
        toClose.forEach(OpenFiles::closeQuietly);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel cannot lose data
        }
    }
}
