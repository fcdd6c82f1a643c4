package io.lightsout.nfs.export;

/**
 * A failure that carries its NFS v3 status ({@code nfsstat3}, RFC 1813 §2.6); the procedure handlers map it to
 * the reply once. Never carries a stack trace: it is an answer, not a bug.
 */
public final class NfsError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public NfsError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The {@code nfsstat3} value, see {@link io.lightsout.nfs.xdr.Nfs3}. */
    public int status() {
        return status;
    }
}
