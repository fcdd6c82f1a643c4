package io.lightsout.lab.cli;

import io.lightsout.lab.FaultSpec;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lightsout lab}: starts simulated BMCs on loopback addresses and runs until Ctrl-C. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Starts simulated BMCs (Dell iDRAC, Intel AMT), each on its own loopback address, prints "
                + "them with their (test) credentials and runs until Ctrl-C.")
public final class LabCommand implements Callable<Integer> {
    private static final int TABLE_ROWS = 40;

    @Option(names = "--idrac", paramLabel = "N", description = "simulated iDRACs (default ${DEFAULT-VALUE})")
    int idrac = 1;

    @Option(names = "--amt", paramLabel = "M", description = "simulated AMT devices (default ${DEFAULT-VALUE})")
    int amt;

    @Option(names = "--base", paramLabel = "IP", description = "first loopback address (default ${DEFAULT-VALUE})")
    String base = "127.20.0.1";

    @Option(names = "--idrac-port", paramLabel = "PORT", description = "iDRAC port (default 10443; real: 443)")
    Integer idracPort;

    @Option(names = "--amt-port", paramLabel = "PORT", description = "AMT port (default 16993 with TLS, 16992 without)")
    Integer amtPort;

    @Option(names = "--tls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "HTTPS with a self-signed certificate per BMC (default on; --no-tls for plain HTTP)")
    boolean tls;

    @Option(names = "--latency-ms", paramLabel = "L|MIN-MAX|MEDIAN~P99",
            description = "latency per answer: fixed, uniform, or log-normal with a long tail")
    String latency;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "faults, e.g. reset:0.02,http500:0.05,timeout@#3,latency=2000@127.20.0.2 (see docs/lab.md)")
    String faults;

    @Option(names = "--state", paramLabel = "FILE", description = "keep power and firmware state in FILE across restarts")
    Path state;

    @Option(names = "--inventory", paramLabel = "FILE", description = "write the BMC list: JSON, or node-import CSV for *.csv")
    Path inventory;

    @picocli.CommandLine.Mixin
    io.lightsout.lab.wol.WolLabOptions wolOptions = new io.lightsout.lab.wol.WolLabOptions();

    @Option(names = "--seed", paramLabel = "S", description = "seed for identities, passwords, latencies and faults (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--uefi-every", paramLabel = "N",
            description = "every N-th iDRAC host boots in UEFI mode (1: all; default 0: all legacy BIOS mode)")
    int uefiEvery;

    @Option(names = "--power-delay-ms", paramLabel = "MS", description = "time a power-on takes (default ${DEFAULT-VALUE})")
    long powerDelayMs = 2000;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "stop after this many seconds (default: run until Ctrl-C)")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        Lab lab;
        try {
            lab = configure().start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("lab: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // e.g. an address already in use: one line, the cause's words
            System.err.println("lab: cannot start: " + rootMessage(e));
            return 1;
        }
        java.util.Optional<io.lightsout.lab.wol.WolFleet> fleet;
        try {
            fleet = wolOptions.start(seed);
        } catch (RuntimeException e) {
            lab.close();
            System.err.println("lab: wake-on-LAN machines: " + rootMessage(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (inventory != null) {
            lab.writeInventory(inventory);
            if (fleet.isPresent()) {
                WolInventory.append(inventory, fleet.get());
            }
        }
        printTable(out, lab.bmcs());
        fleet.ifPresent(f -> {
            out.printf("%d wake-on-LAN machine(s), magic packets on udp/%d, awake ones answer tcp/%d:%n",
                    f.machines().size(), f.udpPort(), f.verifyPort());
            f.describe().stream().limit(TABLE_ROWS).forEach(out::println);
        });
        out.printf("%d BMC(s) started in %d ms%s. Credentials are lab test values. Ctrl-C stops the lab%s.%n",
                lab.bmcs().size(), ms, inventory == null ? "" : ", inventory in " + inventory,
                state == null ? "" : " and saves state to " + state);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            fleet.ifPresent(io.lightsout.lab.wol.WolFleet::close);
            lab.close();
            stopped.countDown();
        }, "lab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (durationSeconds > 0) {
            if (!stopped.await(durationSeconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                fleet.ifPresent(io.lightsout.lab.wol.WolFleet::close);
                lab.close();
            }
        } else {
            stopped.await();
        }
        return 0;
    }

    /** The lab builder from the options; a bad value is an IllegalArgumentException naming it. */
    Lab.Builder configure() {
        Lab.Builder b = Lab.builder().idrac(idrac).amt(amt).base(base).tls(tls).seed(seed).uefiEvery(uefiEvery)
                .powerDelay(Duration.ofMillis(powerDelayMs));
        if (idracPort != null) {
            b.idracPort(idracPort);
        }
        if (amtPort != null) {
            b.amtPort(amtPort);
        }
        if (latency != null) {
            try {
                b.latency(FaultSpec.latency(latency));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--latency-ms " + latency + ": expected L, MIN-MAX or MEDIAN~P99 milliseconds");
            }
        }
        if (faults != null) {
            b.faults(faults);
        }
        if (state != null) {
            b.stateFile(state);
        }
        return b;
    }

    static void printTable(PrintStream out, List<SimulatedBmc> bmcs) {
        out.printf("%-6s %-40s %-8s %-18s %-18s %-8s %s%n", "TYPE", "URL", "USER", "PASSWORD", "MAC", "TAG", "BOOT");
        int shown = 0;
        for (SimulatedBmc m : bmcs) {
            if (shown++ == TABLE_ROWS) {
                out.printf("... and %d more (use --inventory FILE for the full list)%n", bmcs.size() - TABLE_ROWS);
                break;
            }
            out.printf("%-6s %-40s %-8s %-18s %-18s %-8s %s%n", m.type(), m.url(), m.username(), m.password(),
                    m.mac(), m.serviceTag(), m.bootMode() == null ? "-" : m.bootMode().value());
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
