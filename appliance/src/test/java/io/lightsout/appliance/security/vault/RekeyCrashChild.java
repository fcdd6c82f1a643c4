package io.lightsout.appliance.security.vault;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.security.Caller;
import io.lightsout.appliance.security.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Run in a child JVM by {@link RekeyCrashTest}: changes the admin password (which re-keys the vault) and freezes
 * after the given step so the parent can kill it there.
 */
public final class RekeyCrashChild {
    private RekeyCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        RekeyObserver.Step stop = RekeyObserver.Step.valueOf(args[1]);
        RekeyObserver observer = step -> {
            if (step == stop) {
                System.out.println("AT " + step);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Appliance a = new Appliance(ApplianceConfig.load(data, null, Map.of()), Clock.systemUTC(), observer)
                .openStore();
        a.accounts().changePassword(new Caller("admin", Role.ADMIN, null, null), "admin", RekeyCrashTest.OLD_ADMIN,
                RekeyCrashTest.NEW_ADMIN, "test");
        System.out.println("DONE");
        a.close();
    }
}
