package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A pair of network namespaces joined by a veth pair on a private /24 that this test alone uses; deleted on
 * close. Broadcasts sent inside never reach the host's own interfaces. Needs root and iproute2 (bin/test).
 */
final class Netns implements AutoCloseable {

    final String a;
    final String b;
    final String vethA;
    final String vethB;
    final String prefix;
    private final List<Process> started = new ArrayList<>();

    Netns() throws IOException, InterruptedException {
        int tag = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        a = "lo-wol-a-" + tag;
        b = "lo-wol-b-" + tag;
        vethA = "wola" + tag;
        vethB = "wolb" + tag;
        prefix = "10.249." + ThreadLocalRandom.current().nextInt(1, 250);
        run("ip", "netns", "add", a);
        run("ip", "netns", "add", b);
        run("ip", "link", "add", vethA, "netns", a, "type", "veth", "peer", "name", vethB, "netns", b);
        run("ip", "-n", a, "addr", "add", prefix + ".1/24", "dev", vethA);
        run("ip", "-n", b, "addr", "add", prefix + ".2/24", "dev", vethB);
        for (String[] up : new String[][] {{a, "lo"}, {a, vethA}, {b, "lo"}, {b, vethB}}) {
            run("ip", "-n", up[0], "link", "set", up[1], "up");
        }
    }

    /** Runs a command to completion (30 s at most) and returns its output; fails the test on a non-zero exit. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p));
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String output = out.join();
        assertThat(p.exitValue()).as("%s%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    /** Starts {@code tcpdump} in namespace {@code ns} and returns once it is capturing. */
    Process capture(String ns, String device, Path file, String filter) throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "tcpdump", "--immediate-mode", "-Z", "root", "-U", "-n", "-i", device, "-w",
                file.toString(), filter).start();
        started.add(p);
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.contains("listening on")) {
            // wait for tcpdump to attach
        }
        if (line == null) {
            throw new IOException("tcpdump did not start in " + ns);
        }
        return p;
    }

    /** Stops a capture by its PID (SIGTERM lets tcpdump finish the file). */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                stop(p);
            }
        }
        new ProcessBuilder("ip", "netns", "del", a).start().waitFor(10, TimeUnit.SECONDS);
        new ProcessBuilder("ip", "netns", "del", b).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
