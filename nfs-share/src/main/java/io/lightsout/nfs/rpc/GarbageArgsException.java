package io.lightsout.nfs.rpc;

import java.io.IOException;

/** The arguments of a call could not be decoded (RFC 5531 GARBAGE_ARGS). */
public final class GarbageArgsException extends IOException {
    private static final long serialVersionUID = 1L;

    public GarbageArgsException(String message) {
        super(message);
    }

    public GarbageArgsException(String message, Throwable cause) {
        super(message, cause);
    }
}
