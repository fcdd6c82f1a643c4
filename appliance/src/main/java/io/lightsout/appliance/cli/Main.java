package io.lightsout.appliance.cli;

import io.lightsout.appliance.config.ConfigException;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.power.wol.WakeCommand;
import io.lightsout.lab.cli.LabCommand;
import io.lightsout.wsman.cli.WsmanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bin/lightsout} command line: one picocli command with a subcommand per task. */
@Command(name = "lightsout", mixinStandardHelpOptions = true, version = "lightsout 0.1.0",
        description = "Out-of-band hardware management appliance.",
        subcommands = {RunCommand.class, DemoCommand.class, SetupCommand.class, TokenCommand.class,
            JobsCommand.class, AuditCommand.class, WakeCommand.class, LabCommand.class,
            io.lightsout.nfs.cli.NfsShareCommand.class, WsmanCommand.class, NodesCommand.class,
            PowerCommand.class, CampaignsCommand.class, GroupsCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the one-line error handler (exit 1, message on stderr, no stack trace). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message(e));
            return 1;
        });
        return cl;
    }

    private static String message(Exception e) {
        if (e instanceof ApplianceException.BadRequest b && !b.errors().isEmpty()) {
            StringBuilder sb = new StringBuilder(b.getMessage());
            // a single-field error often repeats the message itself: say it once
            b.errors().stream().filter(f -> !f.message().equals(b.getMessage()))
                    .forEach(f -> sb.append("; ").append(f.field()).append(": ").append(f.message()));
            return sb.toString();
        }
        if (e instanceof ApplianceException || e instanceof ConfigException || e instanceof IllegalArgumentException
                || e instanceof io.lightsout.appliance.cli.client.ApiClient.ApiException) {
            return e.getMessage();
        }
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
