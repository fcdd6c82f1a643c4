package io.lightsout.bench.wsman;

import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A lab in a child JVM, driven over its standard streams by {@link LabProcesses}: it has its own file-descriptor
 * budget (listeners plus accepted connections), so the client's kept-alive sockets do not share the limit with it.
 *
 * <p>Arguments: {@code idrac amt base latencyMs tls seed}. Protocol lines on stdout start with {@value #TAG}
 * (anything else is a log line): one {@code bmc TYPE ADDRESS PORT USER PASSWORD SHA256|-} per BMC, then
 * {@code ready}; on the line {@code stats} on stdin it answers {@code stats REQUESTS CPU_NANOS}; end of stdin
 * stops the lab and the process.
 */
public final class LabProcess {
    static final String TAG = "@lab ";

    private LabProcess() {
    }

    public static void main(String[] args) throws Exception {
        int idrac = Integer.parseInt(args[0]);
        int amt = Integer.parseInt(args[1]);
        Duration l = Duration.ofMillis(Long.parseLong(args[3]));
        boolean tls = Boolean.parseBoolean(args[4]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        // the lab's own log lines must not interleave with the protocol: they go to stderr
        System.setOut(System.err);
        try (Lab lab = Lab.builder().idrac(idrac).amt(amt).base(args[2]).idracPort(0).amtPort(0).tls(tls)
                .seed(Long.parseLong(args[5])).latency(l, l).start()) {
            StringBuilder b = new StringBuilder(lab.bmcs().size() * 120);
            for (SimulatedBmc m : lab.bmcs()) {
                String sha = m.certificateSha256();
                b.append(TAG).append("bmc ").append(m.type()).append(' ').append(m.address()).append(' ')
                        .append(m.port()).append(' ').append(m.username()).append(' ').append(m.password())
                        .append(' ').append(sha == null ? "-" : sha).append('\n');
            }
            out.print(b);
            out.println(TAG + "ready");
            out.flush();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("stats")) {
                    long requests = lab.bmcs().stream().mapToLong(SimulatedBmc::requestCount).sum();
                    out.println(TAG + "stats " + requests + " " + os.getProcessCpuTime());
                    out.flush();
                }
            }
        }
    }
}
