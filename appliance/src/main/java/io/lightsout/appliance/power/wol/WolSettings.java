package io.lightsout.appliance.power.wol;

import java.time.Duration;

/**
 * How magic packets are sent: UDP port (9 "discard" by default; 7 "echo" and others are common too), how many
 * copies, and the gap between copies (a single datagram is easily lost, and nothing acknowledges it).
 */
public record WolSettings(int port, int repeats, Duration repeatInterval) {

    public static final WolSettings DEFAULT = new WolSettings(9, 3, Duration.ofMillis(300));

    public WolSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("wol.port must be 1..65535, was " + port);
        }
        if (repeats < 1 || repeats > 20) {
            throw new IllegalArgumentException("wol.repeats must be 1..20, was " + repeats);
        }
        if (repeatInterval.isNegative() || repeatInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("wol.repeat-interval must be 0..10s, was " + repeatInterval);
        }
    }
}
