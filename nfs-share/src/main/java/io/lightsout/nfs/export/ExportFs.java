package io.lightsout.nfs.export;

import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file system view of one export: resolves handles and names to files without ever leaving the export
 * directory.
 *
 * <p>Everything is reached from the export root one validated name at a time and symbolic links are never
 * followed, so no name, {@code ..} or link can lead outside. A handle carries an inode number, not a path; the
 * paths of inodes seen are kept in an index, and a handle the index does not know (after a restart, or a rename)
 * triggers one walk of the export, at most once per {@link #RESCAN_INTERVAL}.
 */
public final class ExportFs {
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(2);
    private static final int MAX_INDEX = 2_000_000;
    private static final int CACHED_DIRS = 64;

    private final Export export;
    private final Path root;
    private final int id;
    private final Clock clock;
    private final Map<Long, Path> index = new ConcurrentHashMap<>();
    private final Map<Long, DirSnapshot> listings = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DirSnapshot> eldest) {
            return size() > CACHED_DIRS;
        }
    };
    private Instant lastScan = Instant.MIN;

    /** @throws IllegalArgumentException when the export directory does not exist or is not a directory */
    public ExportFs(Export export, Clock clock) {
        this.export = export;
        this.clock = clock;
        this.id = export.id();
        try {
            this.root = export.root().toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("export " + export.name() + ": " + export.root() + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("export " + export.name() + ": " + root + " is not a directory");
        }
    }

    public Export export() {
        return export;
    }

    public int id() {
        return id;
    }

    /** The same view (and its caches) with a new client list. */
    ExportFs withClients(ClientAcl clients) {
        return new ExportFs(new Export(export.name(), export.root(), clients), clock, this);
    }

    private ExportFs(Export export, Clock clock, ExportFs shared) {
        this.export = export;
        this.clock = clock;
        this.id = shared.id;
        this.root = shared.root;
        this.index.putAll(shared.index);
    }

    boolean sameDirectory(Export other) {
        try {
            return other.root().toRealPath().equals(root);
        } catch (IOException e) {
            return false;
        }
    }

    public Node root() throws NfsError {
        return new Node(root, Attrs.of(root));
    }

    /** @throws NfsError NFS3ERR_STALE when the file is gone or was replaced */
    public Node resolve(FileHandle h) throws NfsError {
        Node n = tryIndex(h);
        if (n == null && rescanAllowed()) {
            rescan();
            n = tryIndex(h);
        }
        if (n == null) {
            throw new NfsError(Nfs3.ERR_STALE, "file no longer exists");
        }
        return n;
    }

    private Node tryIndex(FileHandle h) throws NfsError {
        Path p = index.get(h.fileId());
        if (p == null) {
            Node r = root();
            return r.attrs().fileId() == h.fileId() ? r : null;
        }
        try {
            Attrs a = Attrs.of(p);
            return a.fileId() == h.fileId() && a.generation() == h.generation() ? new Node(p, a) : null;
        } catch (NfsError e) {
            return null;
        }
    }

    private synchronized boolean rescanAllowed() {
        Instant now = clock.instant();
        if (now.isBefore(lastScan.plus(RESCAN_INTERVAL))) {
            return false;
        }
        lastScan = now;
        return true;
    }

    private void rescan() {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    remember(dir, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    remember(file, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a partial index only means some handles stay stale until the next scan
        }
    }

    private void remember(Path p, BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        if (key != null) {
            String k = key.toString();
            int at = k.indexOf("ino=");
            if (at >= 0) {
                remember(Long.parseLong(k.substring(at + 4, k.indexOf(')', at))), p);
            }
        }
    }

    private void remember(long fileId, Path p) {
        if (index.size() > MAX_INDEX) {
            index.clear();
        }
        index.put(fileId, p);
    }

    /** LOOKUP: the entry {@code name} of directory {@code dir}; {@code ..} at the export root is refused. */
    public Node lookup(Node dir, byte[] name) throws NfsError {
        if (!dir.attrs().isDirectory()) {
            throw new NfsError(Nfs3.ERR_NOTDIR, "not a directory");
        }
        if (Names.isDot(name)) {
            return dir;
        }
        if (Names.isDotDot(name)) {
            if (dir.path().equals(root)) {
                throw new NfsError(Nfs3.ERR_ACCES, "'..' at the export root");
            }
            Path parent = dir.path().getParent();
            return new Node(parent, Attrs.of(parent));
        }
        Path child = Names.child(dir.path(), name);
        Attrs a = Attrs.of(child);
        remember(a.fileId(), child);
        return new Node(child, a);
    }

    /** The directory a MOUNT of {@code subpath} (relative, '/'-separated) below the export root names. */
    public Node mountPoint(String subpath) throws NfsError {
        Node n = root();
        for (String part : subpath.split("/")) {
            if (part.equals("..")) {
                throw new NfsError(Nfs3.ERR_ACCES, "'..' in a mount path");
            }
            if (!part.isEmpty()) {
                n = lookup(n, part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (!n.attrs().isDirectory()) {
            throw new NfsError(Nfs3.ERR_NOTDIR, "not a directory");
        }
        return n;
    }

    /** The entries of {@code dir}, from cache while the directory is unchanged. */
    public DirSnapshot list(Node dir) throws NfsError {
        if (!dir.attrs().isDirectory()) {
            throw new NfsError(Nfs3.ERR_NOTDIR, "not a directory");
        }
        long verifier = Attrs.nanos(dir.attrs().mtime());
        synchronized (listings) {
            DirSnapshot s = listings.get(dir.attrs().fileId());
            if (s != null && s.verifier() == verifier) {
                return s;
            }
        }
        List<DirSnapshot.Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.path())) {
            for (Path p : ds) {
                BasicFileAttributes ba;
                try {
                    ba = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue;
                }
                long ino = inode(ba);
                remember(ino, p);
                entries.add(new DirSnapshot.Entry(Names.bytes(p), p, ino));
            }
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot list directory: " + e.getMessage());
        }
        DirSnapshot s = new DirSnapshot(verifier, List.copyOf(entries));
        synchronized (listings) {
            listings.put(dir.attrs().fileId(), s);
        }
        return s;
    }

    private static long inode(BasicFileAttributes ba) {
        String k = String.valueOf(ba.fileKey());
        int at = k.indexOf("ino=");
        return at < 0 ? 0 : Long.parseLong(k.substring(at + 4, k.indexOf(')', at)));
    }

    /**
     * READLINK: the link's target, only when it stays inside the export (relative, and its {@code ..} never climb
     * above the root); a link pointing anywhere else is NFS3ERR_ACCES.
     */
    public byte[] readlink(Node link) throws NfsError {
        if (link.attrs().type() != Nfs3.NF3LNK) {
            throw new NfsError(Nfs3.ERR_INVAL, "not a symbolic link");
        }
        Path target;
        try {
            target = Files.readSymbolicLink(link.path());
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot read link");
        }
        Path inside = root.relativize(link.path()).resolveSibling(target).normalize();
        if (target.isAbsolute() || inside.startsWith("..") || inside.toString().equals("..")) {
            throw new NfsError(Nfs3.ERR_ACCES, "link points outside the export");
        }
        return target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether {@code p}, with every link resolved, is still inside the export (checked before reading a file). */
    public boolean contains(Path p) {
        try {
            return p.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }
}
