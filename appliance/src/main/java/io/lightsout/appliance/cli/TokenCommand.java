package io.lightsout.appliance.cli;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.cli.client.Table;
import io.lightsout.appliance.security.ApiToken;
import io.lightsout.appliance.security.TokenService;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lightsout token create --data DIR --name NAME --role ROLE}: console bootstrap of an API token (audited);
 * {@code lightsout token list --data DIR}: the tokens, without their secrets.
 */
@Command(name = "token", description = "API tokens on the appliance console.", mixinStandardHelpOptions = true,
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class})
public final class TokenCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", description = "Print a new API token (shown once).", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Option(names = "--role", required = true, description = "admin, operator or readonly.")
        String role;

        @Override
        public Integer call() {
            try (Appliance a = new Appliance(server.load(Map.of())).openStore()) {
                TokenService.Created c = a.tokens().create("console", name, role, "console");
                System.out.println(c.token());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the API tokens (never their values).", mixinStandardHelpOptions = true)
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @Override
        public Integer call() {
            try (Appliance a = new Appliance(server.load(Map.of())).openStore()) {
                Table t = new Table("ID", "NAME", "ROLE", "CREATED", "LAST USED");
                for (ApiToken k : a.tokens().list()) {
                    t.row(k.id(), k.name(), k.role().id(), k.createdAt(),
                            k.lastUsedAt() == null ? "never" : k.lastUsedAt());
                }
                t.print(System.out);
            }
            return 0;
        }
    }
}
