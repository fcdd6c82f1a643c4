package io.lightsout.lab.wol;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code lab} command's wake-on-LAN options, as a picocli mixin: {@code @Mixin WolLabOptions wol;} in the
 * command, then {@code wol.start(seed)} and print {@link WolFleet#describe()}.
 */
public final class WolLabOptions {

    @Option(names = "--wol", paramLabel = "N", description = "BMC-less machines that wake on LAN (default 0)")
    int machines;

    @Option(names = "--never-wake", paramLabel = "PERCENT", description = "percent of them that never wake")
    int neverWake;

    @Option(names = "--late-wake", paramLabel = "PERCENT", description = "percent of them that wake late")
    int lateWake;

    @Option(names = "--wol-base", paramLabel = "IP", defaultValue = "127.77.0.1",
            description = "first WoL machine address (default ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--wol-port", paramLabel = "PORT", defaultValue = "40009",
            description = "UDP port the machines listen on for magic packets (default ${DEFAULT-VALUE}; real: 9)")
    int udpPort;

    @Option(names = "--wol-verify-port", paramLabel = "PORT", defaultValue = "40445",
            description = "TCP port a woken machine answers on (default ${DEFAULT-VALUE}; real: 445/22/3389)")
    int verifyPort;

    @Option(names = "--wol-boot-ms", paramLabel = "MIN-MAX", defaultValue = "500-3000",
            description = "boot delay range in ms (default ${DEFAULT-VALUE})")
    String bootMillis;

    /** Starts the fleet, or nothing when {@code --wol} is 0. */
    public Optional<WolFleet> start(long seed) {
        if (machines == 0) {
            return Optional.empty();
        }
        String[] range = bootMillis.split("-", 2);
        if (range.length != 2 || !range[0].matches("\\d{1,7}") || !range[1].matches("\\d{1,7}")) {
            throw new IllegalArgumentException("--wol-boot-ms wants MIN-MAX in milliseconds, e.g. 500-3000");
        }
        return Optional.of(WolFleet.builder().machines(machines).base(base).udpPort(udpPort).verifyPort(verifyPort)
                .bootDelay(Duration.ofMillis(Long.parseLong(range[0])), Duration.ofMillis(Long.parseLong(range[1])))
                .neverWakePercent(neverWake).lateWakePercent(lateWake).seed(seed).start());
    }
}
