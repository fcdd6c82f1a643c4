package io.lightsout.nfs.xdr;

/** Portmapper version 2 (RFC 1833 §3) constants. */
public final class Portmap {
    private Portmap() {}

    public static final int PROGRAM = 100000;
    public static final int VERSION = 2;

    public static final int PROC_NULL = 0;
    public static final int PROC_SET = 1;
    public static final int PROC_UNSET = 2;
    public static final int PROC_GETPORT = 3;
    public static final int PROC_DUMP = 4;
    public static final int PROC_CALLIT = 5;

    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
}
