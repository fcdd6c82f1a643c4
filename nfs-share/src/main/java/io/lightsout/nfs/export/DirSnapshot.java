package io.lightsout.nfs.export;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory's entries as listed at one moment. READDIR cookies are positions in {@link #entries()} (cookie
 * {@code n} continues after entry {@code n-1}); the verifier changes whenever the directory does, so a cookie
 * from an older listing is refused with NFS3ERR_BAD_COOKIE instead of silently skipping or repeating names.
 *
 * @param verifier the directory's modification time in nanoseconds when listed
 * @param entries  the entries, in the order the file system returned them
 */
public record DirSnapshot(long verifier, List<Entry> entries) {

    /** One directory entry: raw name bytes, the path and the inode number. */
    public record Entry(byte[] name, Path path, long fileId) {}
}
