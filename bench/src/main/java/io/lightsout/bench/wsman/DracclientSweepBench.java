package io.lightsout.bench.wsman;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench sweep-dracclient}: the same power sweep as {@code bench sweep}, done by OpenStack's python-dracclient
 * (Debian python3-dracclient, {@code /usr/bin/python3}) with a thread pool of {@code --threads} workers — Ironic's
 * default power-sync worker count is 8. dracclient speaks only iDRAC, so the lab is all iDRACs. dracclient posts
 * every request with a new {@code requests} session: each call is a new TCP connection and a full TLS handshake,
 * so all its rounds ("first", "second", ...) do the same work.
 */
@Command(name = "sweep-dracclient", mixinStandardHelpOptions = true,
        description = "Power-state sweep by python-dracclient (thread pool) over a simulated iDRAC lab.")
public final class DracclientSweepBench implements Callable<Integer> {

    @Option(names = "--bmcs", defaultValue = "1000", description = "number of iDRACs (default 1000)")
    int bmcs;

    @Option(names = "--latency-ms", defaultValue = "200", description = "lab latency per answer in ms (default 200)")
    int latencyMs;

    @Option(names = "--threads", defaultValue = "8", description = "dracclient worker threads (default 8, Ironic's)")
    int threads;

    @Option(names = "--rounds", defaultValue = "2", description = "sweeps to run (default 2)")
    int rounds;

    @Option(names = "--base", defaultValue = "127.31.0.1", description = "first lab address (default 127.31.0.1)")
    String base;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "a python3 that imports dracclient (default /usr/bin/python3, Debian's)")
    Path python;

    @Override
    public Integer call() throws Exception {
        if (bmcs < 1 || threads < 1 || rounds < 1 || latencyMs < 0) {
            System.err.println("sweep-dracclient: --bmcs, --threads, --rounds >= 1; --latency-ms >= 0");
            return 2;
        }
        if (!Files.isExecutable(python)) {
            System.err.println("sweep-dracclient: " + python + " not found (install python3 and python3-dracclient)");
            return 1;
        }
        Path script = Files.createTempFile("dracclient-sweep", ".py");
        try (InputStream in = DracclientSweepBench.class.getResourceAsStream("dracclient_sweep.py");
             LabProcesses lab = LabProcesses.start(bmcs, 0, base, latencyMs, true, 0)) {
            Files.write(script, in.readAllBytes());
            System.out.printf("sweep-dracclient: %d iDRACs (HTTPS), latency %d ms, %d threads, %d cores,"
                    + " lab in %d child JVM(s)%n", bmcs, latencyMs, threads, Runtime.getRuntime().availableProcessors(),
                    lab.processes());
            Process p = new ProcessBuilder(python.toString(), script.toString(), String.valueOf(threads),
                    String.valueOf(rounds)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                return drive(p, lab);
            } finally {
                p.destroy();
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Feeds the BMC list to the script and prints each round it reports with the lab's CPU for that round. */
    private int drive(Process p, LabProcesses lab) throws Exception {
        try (Writer w = p.outputWriter(StandardCharsets.UTF_8)) {
            for (LabProcesses.Bmc b : lab.bmcs()) {
                w.write(b.address() + " " + b.port() + " " + b.username() + " " + b.password() + "\n");
            }
        }
        LabProcesses.Stats before = lab.stats();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("round ")) {
                    System.out.println(line);
                    continue;
                }
                LabProcesses.Stats after = lab.stats();
                report(line.split(" ", 7), after.cpuSeconds() - before.cpuSeconds(),
                        after.requests() - before.requests());
                before = after;
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            System.err.println("sweep-dracclient: python exited with " + rc);
            return 1;
        }
        return 0;
    }

    private void report(String[] f, double labCpu, long requests) {
        String name = f[1];
        double wall = Double.parseDouble(f[2]);
        double clientCpu = Double.parseDouble(f[3]);
        System.out.printf("%s sweep: wall %.2f s, %.0f calls/s, %d HTTP requests, CPU %.2f s (dracclient %.2f + lab"
                        + " %.2f; %.0f + %.0f µs per call), %s power states read, %s failed%n", name, wall, bmcs / wall,
                requests, clientCpu + labCpu, clientCpu, labCpu, clientCpu * 1e6 / bmcs, labCpu * 1e6 / bmcs, f[4],
                f[5]);
        if (latencyMs > 0) {
            System.out.printf("%s efficiency %.2f%n", name, (double) bmcs * latencyMs / 1000.0 / threads / wall);
        }
        if (!f[6].equals("-")) {
            System.out.println("  first problem: " + f[6]);
        }
    }
}
