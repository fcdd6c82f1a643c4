package io.lightsout.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes and threads, and the load average, read from /proc (Linux). */
final class ProcessCpu {
    private ProcessCpu() {}

    /** The three load averages. */
    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /**
     * CPU time of the threads of a process whose name contains {@code name} (all with ""), in nanoseconds, from
     * schedstat: finer than the 10 ms ticks of /proc/PID/stat.
     */
    static long nanos(long pid, String name) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (name.isEmpty() || Files.readString(t.resolve("comm")).contains(name)) {
                        total += Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return total;
    }

    /** CPU time of the children this JVM has reaped (the finished nfs-cp processes), in nanoseconds. */
    static long reapedChildrenNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 16 and 17 of stat (cutime, cstime), in clock ticks of 10 ms
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
    }
}
