package io.lightsout.nfs.rpc;

import java.nio.channels.FileChannel;

/**
 * An open file that a reply sends data from. The channel may be shared by replies being sent at the same time,
 * so it is only ever read at explicit positions.
 */
public interface OpenFile {

    /** The channel to read from; valid until {@link #release()}. */
    FileChannel channel();

    /** The reply no longer needs the channel (it was sent or abandoned). Called exactly once. */
    void release();

    /** An open file the reply owns alone: released means closed. */
    static OpenFile owned(FileChannel channel) {
        return new OpenFile() {
            @Override
            public FileChannel channel() {
                return channel;
            }

            @Override
            public void release() {
                try {
                    channel.close();
                } catch (java.io.IOException e) {
                    // closing a read-only channel cannot lose data
                }
            }
        };
    }
}
