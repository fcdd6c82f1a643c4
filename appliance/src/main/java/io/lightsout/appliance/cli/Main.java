package io.lightsout.appliance.cli;

import io.lightsout.lab.cli.LabCommand;
import io.lightsout.wsman.cli.WsmanCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bin/lightsout} command line: one picocli command with a subcommand per task. */
@Command(name = "lightsout", mixinStandardHelpOptions = true, version = "lightsout 0.1.0",
        description = "Out-of-band hardware management appliance.",
        subcommands = {LabCommand.class, WsmanCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
