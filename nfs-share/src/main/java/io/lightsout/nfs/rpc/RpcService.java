package io.lightsout.nfs.rpc;

import java.io.IOException;

/**
 * One ONC RPC program (at one version) served by an {@link RpcListener}.
 *
 * <p>The listener has already checked the record size, the call header and that {@link #program()} and
 * {@link #version()} match the call. An implementation decodes its arguments from {@link Call#args()} (which
 * turns any decoding failure into {@link GarbageArgsException}), does its work and answers through the
 * {@link Call}. It runs on a bounded worker pool and may block on file I/O.
 */
public interface RpcService {

    /** The RPC program number, e.g. 100003 for NFS. */
    int program();

    /** The program version this service answers; calls for other versions get PROG_MISMATCH. */
    int version();

    /**
     * Handles one call and sends exactly one reply, or none for a call that the protocol says to drop.
     *
     * @throws GarbageArgsException when the arguments cannot be decoded: the listener answers GARBAGE_ARGS, logs
     *         at warn and closes a TCP connection
     * @throws IOException when the reply cannot be sent (the client went away)
     */
    void handle(Call call) throws IOException;
}
