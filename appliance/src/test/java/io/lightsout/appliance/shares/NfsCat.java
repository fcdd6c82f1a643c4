package io.lightsout.appliance.shares;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code nfs-cat} (libnfs-utils), the real client of the appliance's share tests, and the settings that
 * put the share on its own random loopback address with the portmapper on 111 there (libnfs finds MOUNT only
 * through port 111; binding it needs root, as bin/test runs).
 */
public final class NfsCat {
    private NfsCat() {
    }

    /** What nfs-cat printed and how it ended. */
    public record Result(int exit, byte[] out, String err) {
        public String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /** A random address in 127.{@code second}.0.0/16 for the share. */
    public static String randomAddress(int second) {
        assertThat(System.getProperty("user.name")).as("binds port 111 on a loopback address: run as root")
                .isEqualTo("root");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + second + "." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
    }

    /** Appliance settings that run the share on {@code address}: portmap 111, MOUNT and NFS on free ports. */
    public static Map<String, String> shareOn(String address) {
        return Map.of("nfs.enabled", "true", "nfs.bind-address", address, "portmap.port", "111",
                "mountd.port", "0", "nfs.port", "0");
    }

    /** Reads {@code nfs://address/path} (bounded: 60 s). */
    public static Result read(String address, String path) throws IOException, InterruptedException {
        String[] command = {"nfs-cat", "nfs://" + address + path};
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
