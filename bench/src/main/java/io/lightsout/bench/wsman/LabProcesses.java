package io.lightsout.bench.wsman;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A lab split over child JVMs ({@link LabProcess}). One JVM holding 10,000 listeners, 10,000 accepted connections
 * and 10,000 client sockets needs about 30,000 file descriptors; this machine's hard limit is 20,000. Each child has
 * its own budget (its listeners plus the connections it accepts), the benchmark's JVM holds only client sockets.
 * BMCs are numbered from {@code base} as the lab numbers them (skipping .0 and .255), iDRACs first.
 */
final class LabProcesses implements AutoCloseable {

    /** One BMC of a child lab, as the child printed it. */
    record Bmc(String type, String address, int port, String username, String password, String sha256) {
        boolean idrac() {
            return type.equals("IDRAC");
        }

        String url(boolean tls) {
            return (tls ? "https://" : "http://") + address + ":" + port + "/wsman";
        }
    }

    /** Requests served and CPU seconds used by all children since they started. */
    record Stats(long requests, double cpuSeconds) {
    }

    private record Child(Process process, Writer stdin, BlockingQueue<String> lines) {
    }

    private final List<Child> children = new ArrayList<>();
    private final List<Bmc> bmcs = new ArrayList<>();

    /** Starts {@code idrac + amt} BMCs over enough children that each fits the descriptor limit. */
    static LabProcesses start(int idrac, int amt, String base, int latencyMs, boolean tls, int processes)
            throws IOException, InterruptedException {
        int total = idrac + amt;
        int k = processes > 0 ? processes : (int) Math.ceil(total / (double) perProcessCapacity());
        LabProcesses labs = new LabProcesses();
        try {
            long first = parse(base);
            int offset = 0;
            for (int j = 0; j < k; j++) {
                int n = total / k + (j < total % k ? 1 : 0);
                int id = Math.max(0, Math.min(n, idrac - offset));
                labs.spawn(id, n - id, format(nth(first, offset)), latencyMs, tls, j + 1);
                offset += n;
            }
            for (Child c : labs.children) {
                labs.readInventory(c);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            labs.close();
            throw e;
        }
        return labs;
    }

    /** Listeners plus one accepted connection per BMC, with room for the JVM's own files. */
    private static int perProcessCapacity() {
        long limit = 20_000;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            limit = os.getMaxFileDescriptorCount();
        }
        return (int) Math.max(1, (limit - 600) / 2);
    }

    List<Bmc> bmcs() {
        return bmcs;
    }

    int processes() {
        return children.size();
    }

    Stats stats() throws IOException, InterruptedException {
        long requests = 0;
        long cpu = 0;
        for (Child c : children) {
            c.stdin.write("stats\n");
            c.stdin.flush();
        }
        for (Child c : children) {
            String[] f = expect(c, "stats ").split(" ");
            requests += Long.parseLong(f[1]);
            cpu += Long.parseLong(f[2]);
        }
        return new Stats(requests, cpu / 1e9);
    }

    @Override
    public void close() {
        for (Child c : children) {
            try {
                c.stdin.close();
            } catch (IOException ignored) {
                // the child is gone already
            }
        }
        for (Child c : children) {
            try {
                if (!c.process.waitFor(30, TimeUnit.SECONDS)) {
                    c.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                c.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void spawn(int idrac, int amt, String base, int latencyMs, boolean tls, long seed) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener"));
        String opts = System.getenv("LIGHTSOUT_LAB_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of(LabProcess.class.getName(), String.valueOf(idrac), String.valueOf(amt), base,
                String.valueOf(latencyMs), String.valueOf(tls), String.valueOf(seed)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(LabProcess.TAG)) {
                        lines.add(line.substring(LabProcess.TAG.length()));
                    } else {
                        System.err.println("lab: " + line);
                    }
                }
            } catch (IOException ignored) {
                // the child ended; expect() reports it
            }
            lines.add("eof");
        }, "lab-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        children.add(new Child(p, new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), lines));
    }

    private void readInventory(Child c) throws InterruptedException {
        for (String line = take(c, Duration.ofMinutes(10)); !line.equals("ready"); line = take(c, Duration.ofMinutes(1))) {
            if (!line.startsWith("bmc ")) {
                throw new IllegalStateException("lab process " + c.process.pid() + " said: " + line);
            }
            String[] f = line.split(" ");
            bmcs.add(new Bmc(f[1], f[2], Integer.parseInt(f[3]), f[4], f[5], f[6].equals("-") ? null : f[6]));
        }
    }

    private static String expect(Child c, String prefix) throws InterruptedException {
        String line = take(c, Duration.ofMinutes(1));
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException("lab process " + c.process.pid() + " said: " + line);
        }
        return line;
    }

    private static String take(Child c, Duration wait) throws InterruptedException {
        String line = c.lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException("lab process " + c.process.pid() + " did not answer in " + wait);
        }
        if (line.equals("eof")) {
            throw new IllegalStateException("lab process " + c.process.pid() + " ended (exit "
                    + c.process.waitFor() + "; its messages are above)");
        }
        return line;
    }

    // ---- loopback address arithmetic: the lab's numbering (127.x.y.z, host octet never 0 or 255) ----

    static long parse(String base) {
        if (base == null || !base.matches("127(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("--base " + base + " must be an IPv4 loopback address (127.x.y.z)");
        }
        String[] p = base.split("\\.");
        return (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8) | Long.parseLong(p[3]);
    }

    /** The address {@code n} places after {@code first} in the lab's numbering. */
    static long nth(long first, int n) {
        long v = first;
        while ((v & 0xFF) == 0 || (v & 0xFF) == 255) {
            v++;
        }
        for (int i = 0; i < n; i++) {
            v++;
            while ((v & 0xFF) == 0 || (v & 0xFF) == 255) {
                v++;
            }
        }
        return v;
    }

    static String format(long v) {
        return "127." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
