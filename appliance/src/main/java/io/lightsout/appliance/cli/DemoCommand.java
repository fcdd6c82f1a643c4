package io.lightsout.appliance.cli;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lightsout demo}: the appliance on unprivileged loopback ports with a fresh data directory and known
 * passwords, plus whatever {@link #ADD_ONS} start (the simulated lab, ...).
 */
@Command(name = "demo", description = "Run a demo appliance on 127.0.0.1:8443 with known passwords.",
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    public static final String ADMIN_PASSWORD = "demo-admin-pw";
    public static final String READONLY_PASSWORD = "demo-readonly-pw";

    /** Something extra the demo starts after the appliance (the simulated lab, sample data, ...). */
    public interface AddOn {
        /**
         * Starts the add-on against the running appliance.
         *
         * @param appliance the started appliance
         * @param out       where to print what the user should know (URLs, names)
         * @return what stops it (closed before the appliance, in reverse order)
         * @throws Exception when it cannot start; the demo stops
         */
        AutoCloseable start(Appliance appliance, PrintStream out) throws Exception;
    }

    /** The add-ons the demo starts, in order; later issues append theirs here. */
    static final List<AddOn> ADD_ONS = List.of(new FleetDemo());

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: a new temporary one; "
            + "./demo-data is a good choice to keep it).")
    Path data;

    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port (default ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP redirect port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--nfs-port", defaultValue = "12049", description = "NFS port of the share (default "
            + "${DEFAULT-VALUE}, not 2049, so that the demo runs next to a host's own NFS server; clients find it "
            + "through portmap on 1111).")
    int nfsPort;

    @Option(names = "--mountd-port", defaultValue = "14003", description = "MOUNT port (default ${DEFAULT-VALUE}).")
    int mountdPort;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data : Files.createTempDirectory("lightsout-demo-");
        ApplianceConfig config = ApplianceConfig.load(dir, null, Map.of("bind.address", "127.0.0.1",
                "https.port", String.valueOf(httpsPort), "http.port", String.valueOf(httpPort),
                "portmap.port", "1111", "nfs.port", String.valueOf(nfsPort),
                "mountd.port", String.valueOf(mountdPort), "wol.port",
                String.valueOf(FleetDemo.WOL_PORT)));
        Appliance appliance;
        try {
            appliance = new Appliance(config).start();
        } catch (RuntimeException e) {
            if (data == null) {
                deleteTree(dir);
            }
            throw e;
        }
        if (appliance.accounts().setupRequired()) {
            appliance.accounts().setup(ADMIN_PASSWORD, READONLY_PASSWORD, "demo");
        }
        List<AutoCloseable> stops = new ArrayList<>();
        stops.add(appliance);
        for (AddOn a : ADD_ONS) {
            stops.add(a.start(appliance, System.out));
        }
        String url = "https://127.0.0.1:" + appliance.httpsPort() + "/";
        System.out.println();
        System.out.println("lightsout demo is ready in " + appliance.startupTime().toMillis() + " ms ("
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after the JVM started): " + url);
        System.out.println("  log in as admin / " + ADMIN_PASSWORD + "   (or readonly / " + READONLY_PASSWORD + ")");
        System.out.println("  the certificate is self-signed: SHA-256 " + appliance.tls().info().sha256());
        System.out.println("  data directory: " + dir + "   (Ctrl-C stops)");
        RunCommand.awaitShutdown(() -> {
            for (int i = stops.size() - 1; i >= 0; i--) {
                stops.get(i).close();
            }
            if (data == null) {
                deleteTree(dir);
            }
        });
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
