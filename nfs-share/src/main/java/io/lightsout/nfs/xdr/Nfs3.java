package io.lightsout.nfs.xdr;

/** NFS version 3 protocol constants (RFC 1813). */
public final class Nfs3 {
    private Nfs3() {}

    public static final int PROGRAM = 100003;
    public static final int VERSION = 3;
    /** RFC 1813 §2.4: NFS3_FHSIZE, the largest handle a client may send. */
    public static final int FHSIZE = 64;
    public static final int COOKIEVERFSIZE = 8;
    public static final int MAXNAMLEN = 255;
    public static final int MAXPATHLEN = 1024;

    // procedures (RFC 1813 §3.3)
    public static final int PROC_NULL = 0;
    public static final int PROC_GETATTR = 1;
    public static final int PROC_SETATTR = 2;
    public static final int PROC_LOOKUP = 3;
    public static final int PROC_ACCESS = 4;
    public static final int PROC_READLINK = 5;
    public static final int PROC_READ = 6;
    public static final int PROC_WRITE = 7;
    public static final int PROC_CREATE = 8;
    public static final int PROC_MKDIR = 9;
    public static final int PROC_SYMLINK = 10;
    public static final int PROC_MKNOD = 11;
    public static final int PROC_REMOVE = 12;
    public static final int PROC_RMDIR = 13;
    public static final int PROC_RENAME = 14;
    public static final int PROC_LINK = 15;
    public static final int PROC_READDIR = 16;
    public static final int PROC_READDIRPLUS = 17;
    public static final int PROC_FSSTAT = 18;
    public static final int PROC_FSINFO = 19;
    public static final int PROC_PATHCONF = 20;
    public static final int PROC_COMMIT = 21;

    // nfsstat3
    public static final int OK = 0;
    public static final int ERR_PERM = 1;
    public static final int ERR_NOENT = 2;
    public static final int ERR_IO = 5;
    public static final int ERR_ACCES = 13;
    public static final int ERR_NOTDIR = 20;
    public static final int ERR_ISDIR = 21;
    public static final int ERR_INVAL = 22;
    public static final int ERR_ROFS = 30;
    public static final int ERR_NAMETOOLONG = 63;
    public static final int ERR_STALE = 70;
    public static final int ERR_BADHANDLE = 10001;
    public static final int ERR_BAD_COOKIE = 10003;
    public static final int ERR_NOTSUPP = 10004;
    public static final int ERR_SERVERFAULT = 10006;
    public static final int ERR_JUKEBOX = 10008;

    // ftype3
    public static final int NF3REG = 1;
    public static final int NF3DIR = 2;
    public static final int NF3BLK = 3;
    public static final int NF3CHR = 4;
    public static final int NF3LNK = 5;
    public static final int NF3SOCK = 6;
    public static final int NF3FIFO = 7;

    // ACCESS3 bits
    public static final int ACCESS_READ = 0x0001;
    public static final int ACCESS_LOOKUP = 0x0002;
    public static final int ACCESS_MODIFY = 0x0004;
    public static final int ACCESS_EXTEND = 0x0008;
    public static final int ACCESS_DELETE = 0x0010;
    public static final int ACCESS_EXECUTE = 0x0020;

    // FSINFO3 properties
    public static final int FSF_LINK = 0x0001;
    public static final int FSF_SYMLINK = 0x0002;
    public static final int FSF_HOMOGENEOUS = 0x0008;
    public static final int FSF_CANSETTIME = 0x0010;

    // stable_how / write verbs are never answered with data: the share is read-only.
}
