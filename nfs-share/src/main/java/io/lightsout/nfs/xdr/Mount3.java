package io.lightsout.nfs.xdr;

/** MOUNT protocol version 3 constants (RFC 1813 appendix I). */
public final class Mount3 {
    private Mount3() {}

    public static final int PROGRAM = 100005;
    public static final int VERSION = 3;
    public static final int MNTPATHLEN = 1024;
    public static final int MNTNAMLEN = 255;

    public static final int PROC_NULL = 0;
    public static final int PROC_MNT = 1;
    public static final int PROC_DUMP = 2;
    public static final int PROC_UMNT = 3;
    public static final int PROC_UMNTALL = 4;
    public static final int PROC_EXPORT = 5;

    // mountstat3
    public static final int OK = 0;
    public static final int ERR_PERM = 1;
    public static final int ERR_NOENT = 2;
    public static final int ERR_IO = 5;
    public static final int ERR_ACCES = 13;
    public static final int ERR_NOTDIR = 20;
    public static final int ERR_INVAL = 22;
    public static final int ERR_NAMETOOLONG = 63;
    public static final int ERR_NOTSUPP = 10004;
    public static final int ERR_SERVERFAULT = 10006;
}
