package io.lightsout.nfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs Debian's libnfs-utils (nfs-ls, nfs-cat, nfs-cp): the real NFS client of these tests. */
final class Libnfs {
    private Libnfs() {}

    record Result(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static final java.util.concurrent.ExecutorService DRAINS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    /** Reads a process's output as it comes (for outputs too large to hold). */
    interface Reader {
        byte[] read(InputStream in) throws IOException;
    }

    static Result run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        return run(timeoutSeconds, in -> in.readAllBytes(), command);
    }

    static Result run(long timeoutSeconds, Reader stdout, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is missing: install libnfs-utils (bin/test-packages)", e);
        }
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = drain(p.getInputStream(), stdout);
        CompletableFuture<byte[]> err = drain(p.getErrorStream(), in -> in.readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> drain(InputStream in, Reader reader) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return reader.read(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, DRAINS);
    }
}
