package io.lightsout.nfs.export;

import io.lightsout.nfs.xdr.Nfs3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The attributes of one file as NFS v3 reports them ({@code fattr3}, RFC 1813 §2.6), read without following
 * symbolic links. Write permission bits are cleared: the share is read-only whatever the disk says.
 */
public record Attrs(int type, int mode, int nlink, int uid, int gid, long size, long rdev, long fileId,
        FileTime atime, FileTime mtime, FileTime ctime, long generation) {

    private static final String UNIX = "unix:mode,ino,nlink,uid,gid,size,rdev,lastAccessTime,lastModifiedTime,"
            + "ctime,creationTime";

    /** @throws NfsError NFS3ERR_NOENT when the file is gone, NFS3ERR_IO when it cannot be read */
    public static Attrs of(Path p) throws NfsError {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, UNIX, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NfsError(Nfs3.ERR_NOENT, "no such file");
        } catch (IOException e) {
            throw new NfsError(Nfs3.ERR_IO, "cannot stat: " + e.getMessage());
        }
        int mode = (Integer) a.get("mode");
        int type = typeOf(mode);
        FileTime born = (FileTime) a.get("creationTime");
        long generation = type == Nfs3.NF3DIR ? 0 : nanos(born);
        return new Attrs(type, mode & 07555, (Integer) a.get("nlink"), (Integer) a.get("uid"),
                (Integer) a.get("gid"), (Long) a.get("size"), (Long) a.get("rdev"), (Long) a.get("ino"),
                (FileTime) a.get("lastAccessTime"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"),
                generation);
    }

    private static int typeOf(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> Nfs3.NF3DIR;
            case 0120000 -> Nfs3.NF3LNK;
            case 0060000 -> Nfs3.NF3BLK;
            case 0020000 -> Nfs3.NF3CHR;
            case 0010000 -> Nfs3.NF3FIFO;
            case 0140000 -> Nfs3.NF3SOCK;
            default -> Nfs3.NF3REG;
        };
    }

    static long nanos(FileTime t) {
        java.time.Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    public boolean isDirectory() {
        return type == Nfs3.NF3DIR;
    }

    /** The handle naming this file in export {@code exportId}. */
    public FileHandle handle(int exportId) {
        return new FileHandle(exportId, fileId, generation);
    }

    /** Writes {@code fattr3}. */
    public void encode(XdrEncodingStream out, int fsid) {
        out.xdrEncodeInt(type);
        out.xdrEncodeInt(mode);
        out.xdrEncodeInt(nlink);
        out.xdrEncodeInt(uid);
        out.xdrEncodeInt(gid);
        out.xdrEncodeLong(size);
        out.xdrEncodeLong((size + 4095) & ~4095L);
        out.xdrEncodeInt((int) (rdev >>> 8 & 0xfff));
        out.xdrEncodeInt((int) (rdev & 0xff));
        out.xdrEncodeLong(fsid & 0xffffffffL);
        out.xdrEncodeLong(fileId);
        time(out, atime);
        time(out, mtime);
        time(out, ctime);
    }

    private static void time(XdrEncodingStream out, FileTime t) {
        java.time.Instant i = t.toInstant();
        out.xdrEncodeInt((int) i.getEpochSecond());
        out.xdrEncodeInt(i.getNano());
    }
}
