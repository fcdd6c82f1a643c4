package io.lightsout.appliance.cli;

import io.lightsout.appliance.Appliance;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lightsout run --data DIR [--config FILE] [--set k=v]}: runs the appliance until stopped. */
@Command(name = "run", description = "Run the appliance (until SIGTERM/Ctrl-C).", mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws InterruptedException {
        Appliance appliance = new Appliance(server.load(Map.of())).start();
        if (appliance.accounts().setupRequired()) {
            System.out.println("First boot: set the admin and readonly passwords with `bin/lightsout setup --data "
                    + server.data + "` (appliance stopped) or on https://<host>:" + appliance.httpsPort() + "/");
        }
        awaitShutdown(appliance);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then stops the appliance in reverse order. */
    static void awaitShutdown(AutoCloseable closeable) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("lightsout: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "lightsout-shutdown"));
        stopped.await();
    }
}
