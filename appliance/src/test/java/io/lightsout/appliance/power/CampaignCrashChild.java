package io.lightsout.appliance.power;

import io.lightsout.appliance.TestAppliance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The appliance in a child JVM for {@link CampaignCrashTest}: starts on the data directory given (setting it up and
 * writing an admin token to {@code token.txt} the first time), prints {@code READY <port> <sha256>}, and runs until
 * it is killed.
 */
public final class CampaignCrashChild {
    private CampaignCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        TestAppliance t = TestAppliance.start(data, false, Clock.systemUTC(), Map.of("log.level", "WARN"));
        Path token = data.resolve("token.txt");
        if (!Files.exists(token)) {
            t.appliance().accounts().setup(TestAppliance.ADMIN_PW, TestAppliance.READONLY_PW, "test");
            Files.writeString(token, t.appliance().tokens().create("test", "crash", "admin", null).token());
        }
        System.out.println("READY " + t.appliance().httpsPort() + " " + t.appliance().tls().info().sha256());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
