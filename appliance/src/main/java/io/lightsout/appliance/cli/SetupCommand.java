package io.lightsout.appliance.cli;

import io.lightsout.appliance.Appliance;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code lightsout setup --data DIR}: first-boot passwords on the console. Reads the admin password, then the
 * readonly password, one per line on standard input (prompting without echo on a terminal).
 */
@Command(name = "setup", description = "Set the admin and readonly passwords at first boot (stdin: admin line, "
        + "then readonly line).", mixinStandardHelpOptions = true)
public final class SetupCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws IOException {
        String admin;
        String readonly;
        Console console = System.console();
        if (console != null && System.in.available() == 0) {
            admin = new String(console.readPassword("admin password: "));
            readonly = new String(console.readPassword("readonly password: "));
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            admin = in.readLine();
            readonly = in.readLine();
        }
        if (admin == null || readonly == null) {
            throw new IllegalArgumentException("expected two lines on stdin: the admin password, then the readonly "
                    + "password");
        }
        try (Appliance a = new Appliance(server.load(Map.of())).openStore()) {
            a.accounts().setup(admin, readonly, "console");
        }
        System.out.println("Passwords set. Log in as admin or readonly.");
        return 0;
    }
}
