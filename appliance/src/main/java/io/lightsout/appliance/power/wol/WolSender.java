package io.lightsout.appliance.power.wol;

import java.io.IOException;

/** Sends wake-on-LAN magic packets. Implementations are thread-safe and pace what they send. */
public interface WolSender extends AutoCloseable {

    /**
     * Sends the request's magic packet as many times as the sender is configured to, spaced apart and paced.
     * Returns after the last copy left the socket; nothing on the wire acknowledges a magic packet, so success
     * means "sent", never "woken".
     *
     * @throws IOException when a packet cannot be sent (no such interface, no route, socket error); the message
     *                     names the destination, never the SecureOn password
     * @throws InterruptedException when the sending thread is interrupted while waiting for its pace slot
     */
    void send(WakeRequest request) throws IOException, InterruptedException;

    @Override
    void close();
}
