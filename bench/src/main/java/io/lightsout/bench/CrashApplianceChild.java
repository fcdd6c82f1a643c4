package io.lightsout.bench;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The appliance in a child JVM for {@code bench campaign-crash}: starts on the data directory given (the first time
 * setting it up and writing an admin token to {@code token.txt}), prints {@code READY <port> <sha256>} and runs until
 * it is killed.
 */
public final class CrashApplianceChild {
    private CrashApplianceChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of("bind.address", "127.0.0.1",
                "https.port", "0", "http.port", "0", "tls.hostname", "localhost", "log.level", "WARN",
                "power.sync-interval", "1d", "power.sync-first-delay", "1d", "nfs.enabled", "false"))).start();
        Path token = data.resolve("token.txt");
        if (!Files.exists(token)) {
            a.accounts().setup("Bench-admin-pass1", "Bench-readonly-pass1", "bench");
            Files.writeString(token, a.tokens().create("bench", "crash", "admin", null).token());
        }
        System.out.println("READY " + a.httpsPort() + " " + a.tls().info().sha256());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
