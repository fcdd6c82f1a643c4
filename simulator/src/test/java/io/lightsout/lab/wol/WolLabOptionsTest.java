package io.lightsout.lab.wol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class WolLabOptionsTest {

    @Command(name = "lab")
    static final class Lab {
        @Mixin
        WolLabOptions wol;
    }

    private static WolLabOptions parse(String... args) {
        Lab lab = new Lab();
        new CommandLine(lab).parseArgs(args);
        return lab.wol;
    }

    @Test
    void theLabCommandsWolOptionsStartAFleet() {
        int port = ThreadLocalRandom.current().nextInt(30_000, 40_000);
        WolLabOptions options = parse("--wol", "20", "--never-wake", "10", "--late-wake", "5", "--wol-base",
                "127.203." + ThreadLocalRandom.current().nextInt(1, 250) + ".1", "--wol-port", Integer.toString(port),
                "--wol-verify-port", Integer.toString(port + 10_000), "--wol-boot-ms", "10-20");
        try (WolFleet fleet = options.start(5).orElseThrow()) {
            assertThat(fleet.machines()).hasSize(20);
            assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.NEVER_WAKE).hasSize(2);
            assertThat(fleet.machines()).filteredOn(m -> m.behaviour() == WolMachine.Behaviour.LATE_WAKE).hasSize(1);
            assertThat(fleet.udpPort()).isEqualTo(port);
            assertThat(fleet.machines().get(0).bootDelay().toMillis()).isBetween(10L, 20L);
        }
    }

    @Test
    void withoutWolNothingStartsAndBadRangesAreNamed() {
        assertThat(parse().start(1)).isEmpty();
        assertThatThrownBy(() -> parse("--wol", "1", "--wol-boot-ms", "fast").start(1))
                .hasMessageContaining("--wol-boot-ms");
    }
}
