package io.lightsout.nfs.rpc;

/** Where the protocol programs count what they do (the share's metrics). Implementations are thread-safe. */
public interface CallCounters {

    /** One call answered; {@code failed} when with an error status. */
    void operation(boolean failed);

    /** {@code bytes} of file data returned by a READ. */
    void read(long bytes);
}
