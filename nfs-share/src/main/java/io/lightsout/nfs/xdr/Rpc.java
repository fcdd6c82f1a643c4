package io.lightsout.nfs.xdr;

/** ONC RPC message constants (RFC 5531) the server's guards need. */
public final class Rpc {
    private Rpc() {}

    public static final int MSG_CALL = 0;
    public static final int RPC_VERSION = 2;
    /** RFC 5531 §8.2: opaque_auth bodies are at most 400 bytes. */
    public static final int MAX_AUTH_BYTES = 400;
    public static final int AUTH_NONE = 0;
    public static final int AUTH_SYS = 1;
}
