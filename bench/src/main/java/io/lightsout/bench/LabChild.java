package io.lightsout.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code lightsout lab} in a child JVM with this JVM's class path, so that its listeners count against the child's
 * file-descriptor limit (20,000 here) and its CPU is measured apart from the appliance's. Started when it printed
 * its "started in" line; closing it destroys that process (by its handle, never by name).
 */
final class LabChild implements AutoCloseable {
    private final Process process;

    private LabChild(Process process) {
        this.process = process;
    }

    /** Starts {@code lightsout lab ARGS --inventory CSV} and waits until it is ready. */
    static LabChild start(Path inventory, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss256k", "-XX:+UseSerialGC"));
        // extra JVM options for the labs (e.g. a flight recording to profile them): whitespace-separated
        String extra = System.getenv("LIGHTSOUT_LAB_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lightsout.appliance.cli.Main", "lab"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--inventory", inventory.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        LabChild child = new LabChild(p);
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("started in")) {
                        ready.complete(true);
                    } else if (line.startsWith("lab:") || line.contains("Exception")) {
                        System.err.println("lab child: " + line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(false);
        }, "lab-child-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the lab child exited before it was ready (exit " + p.waitFor() + ")");
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            child.close();
            throw new IOException("the lab child did not start: " + e, e);
        }
        return child;
    }

    /** CPU seconds the child has used so far. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
