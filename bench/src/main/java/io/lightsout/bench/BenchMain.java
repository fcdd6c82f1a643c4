package io.lightsout.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/lightsout bench ...}: one subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: print figures and ratios.",
        subcommands = ApplianceBench.class)
public final class BenchMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
