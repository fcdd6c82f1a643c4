package io.lightsout.bench;

import io.lightsout.bench.wsman.DracclientSweepBench;
import io.lightsout.bench.wsman.SweepBench;
import io.lightsout.bench.wsman.TransportBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/lightsout bench ...}: one subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: print figures and ratios.",
        subcommands = {WakeCampaignBench.class, WolPacingBench.class, LabScaleBench.class, NfsBench.class,
            SweepBench.class, DracclientSweepBench.class, TransportBench.class, ApplianceBench.class,
            NodesBench.class, FleetCampaignBench.class, CampaignCrashBench.class, CampaignWindowBench.class})
public final class BenchMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
