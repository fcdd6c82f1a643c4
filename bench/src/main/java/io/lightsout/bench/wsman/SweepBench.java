package io.lightsout.bench.wsman;

import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.amt.AmtProfile;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.tls.TrustPolicy;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench sweep}: starts a lab (in child JVMs, see {@link LabProcesses}) and reads the power state of every BMC
 * through the profiles — cold (a new client: new connections, full TLS handshakes, Digest challenges), then warm
 * rounds (the same client again: kept-alive connections, remembered nonces), as a periodic power sync of a
 * long-running appliance sees them. "warm" is the median (by wall time) of the second half of the warm rounds, after
 * the JIT compilers have settled, with the slowest of them beside it. Efficiency = (N × L / C) / wall: 1.0
 * means the sweep took only the lab's latency. CPU is reported for the client (this JVM) and the lab separately.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Power-state sweep over a simulated lab: cold and warm efficiency, calls/s, CPU seconds.")
public final class SweepBench implements Callable<Integer> {

    @Option(names = "--bmcs", defaultValue = "10000", description = "number of BMCs (default 10000)")
    int bmcs;

    @Option(names = "--latency-ms", defaultValue = "200", description = "lab latency per answer in ms (default 200)")
    int latencyMs;

    @Option(names = "--concurrency", defaultValue = "1000", description = "calls in flight (default 1000)")
    int concurrency;

    @Option(names = "--amt-percent", defaultValue = "50", description = "share of AMT BMCs, 0..100 (default 50)")
    int amtPercent;

    @Option(names = "--base", defaultValue = "127.30.0.1", description = "first lab address (default 127.30.0.1)")
    String base;

    @Option(names = "--plain-http", description = "lab without TLS")
    boolean plain;

    @Option(names = "--no-keep-alive",
            description = "the client keeps no idle connection: warm sweeps open new TCP connections and resume TLS"
                    + " sessions (what a sync sees when BMCs close idle connections between syncs)")
    boolean noKeepAlive;

    @Option(names = "--lab-processes", defaultValue = "0",
            description = "child JVMs the lab is split over (default 0: as few as the file-descriptor limit allows)")
    int labProcesses;

    @Option(names = "--warm-rounds", defaultValue = "10",
            description = "warm sweeps to run; 'warm' is the median of the second half (default 10: the JIT compilers"
                    + " of client and lab settle after some tens of thousands of calls)")
    int warmRounds;

    @Override
    public Integer call() throws Exception {
        if (bmcs < 1 || concurrency < 1 || latencyMs < 0 || amtPercent < 0 || amtPercent > 100 || warmRounds < 1) {
            System.err.println("sweep: --bmcs, --concurrency, --warm-rounds >= 1; --latency-ms >= 0;"
                    + " --amt-percent 0..100");
            return 2;
        }
        int amt = bmcs * amtPercent / 100;
        try (LabProcesses lab = LabProcesses.start(bmcs - amt, amt, base, latencyMs, !plain, labProcesses)) {
            System.out.printf("sweep: %d BMCs (%d iDRAC, %d AMT, %s), latency %d ms, concurrency %d, %d cores,"
                            + " lab in %d child JVM(s)%s%n", bmcs, bmcs - amt, amt, plain ? "HTTP" : "HTTPS", latencyMs,
                    concurrency, Runtime.getRuntime().availableProcessors(), lab.processes(),
                    noKeepAlive ? ", no keep-alive (TLS session resumption)" : "");
            // Connections stay pooled between sweeps (a cold sweep of thousands of handshakes can outlast 20 s).
            try (WsmanClient client = WsmanClient.create(Duration.ofMinutes(5), noKeepAlive ? 0 : 1)) {
                List<Supplier<PowerReading>> readers = readers(client, lab.bmcs());
                report("cold", sweep(readers, lab));
                List<Sweep> settled = new ArrayList<>();
                for (int r = 1; r <= warmRounds; r++) {
                    Sweep s = sweep(readers, lab);
                    report("warm-" + r, s);
                    if (r > warmRounds / 2) {
                        settled.add(s);
                    }
                }
                settled.sort(java.util.Comparator.comparingDouble(Sweep::wallSeconds));
                Sweep slowest = settled.getLast();
                System.out.printf("warm = median of warm-%d..warm-%d; the slowest of them: wall %.2f s%s%n",
                        warmRounds / 2 + 1, warmRounds, slowest.wallSeconds(), latencyMs > 0 ? String.format(
                                ", efficiency %.2f", efficiency(slowest)) : "");
                report("warm", settled.get((settled.size() - 1) / 2));
            }
        }
        return 0;
    }

    private List<Supplier<PowerReading>> readers(WsmanClient client, List<LabProcesses.Bmc> all) {
        List<Supplier<PowerReading>> out = new ArrayList<>(all.size());
        for (LabProcesses.Bmc b : all) {
            WsmanEndpoint.Builder e = WsmanEndpoint.builder(URI.create(b.url(!plain)), new Credentials(b.username(),
                    b.password())).auth(b.idrac() ? AuthScheme.BASIC : AuthScheme.DIGEST)
                    .connectTimeout(Duration.ofSeconds(30)).responseTimeout(Duration.ofSeconds(60));
            if (!plain) {
                e.trust(new TrustPolicy.Pinned(b.sha256()));
            }
            var session = client.session(e.build());
            if (b.idrac()) {
                IdracProfile p = new IdracProfile(session);
                out.add(p::powerState);
            } else {
                AmtProfile p = new AmtProfile(session);
                out.add(p::powerState);
            }
        }
        return out;
    }

    private record Sweep(double wallSeconds, double clientCpu, double labCpu, long httpRequests, Map<PowerState, Integer> states,
                         String firstProblem) {
    }

    private Sweep sweep(List<Supplier<PowerReading>> readers, LabProcesses lab) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LabProcesses.Stats lab0 = lab.stats();
        PowerReading[] results = new PowerReading[readers.size()];
        AtomicInteger next = new AtomicInteger();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(vt.submit(() -> {
                    for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                        results[i] = readers.get(i).get();
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        LabProcesses.Stats lab1 = lab.stats();
        Map<PowerState, Integer> states = new EnumMap<>(PowerState.class);
        String problem = null;
        for (PowerReading r : results) {
            states.merge(r.state(), 1, Integer::sum);
            if (problem == null && (r.state() == PowerState.UNKNOWN || r.state() == PowerState.AUTH_FAILED)) {
                problem = r.detail();
            }
        }
        return new Sweep(wall, cpu, lab1.cpuSeconds() - lab0.cpuSeconds(), lab1.requests() - lab0.requests(), states,
                problem);
    }

    private void report(String name, Sweep s) {
        double cpu = s.clientCpu() + s.labCpu();
        // cores busy = CPU / wall: near the core count, the sweep is CPU-bound (the cold one: TLS handshakes)
        System.out.printf("%s sweep: wall %.2f s, %.0f calls/s, %d HTTP requests, CPU %.2f s (client %.2f + lab %.2f;"
                        + " %.0f + %.0f µs per call; %.2f of %d cores busy), states %s%n", name, s.wallSeconds(),
                bmcs / s.wallSeconds(), s.httpRequests(), cpu, s.clientCpu(), s.labCpu(), s.clientCpu() * 1e6 / bmcs,
                s.labCpu() * 1e6 / bmcs, cpu / s.wallSeconds(), Runtime.getRuntime().availableProcessors(), s.states());
        if (latencyMs > 0) {
            System.out.printf("%s efficiency %.2f%n", name, efficiency(s));
        }
        if (s.firstProblem() != null) {
            System.out.println("  first problem: " + s.firstProblem());
        }
    }

    private double efficiency(Sweep s) {
        return (double) bmcs * latencyMs / 1000.0 / concurrency / s.wallSeconds();
    }
}
