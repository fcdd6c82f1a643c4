package io.lightsout.appliance.cli;

import io.lightsout.appliance.cli.client.ClientOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code campaigns cancel ID}: a scheduled campaign never starts, a running one records the power-ons in flight and
 * stops; nodes already woken stay on.
 */
@Command(name = "cancel", description = "Cancel a campaign: a scheduled one never starts, a running one stops"
        + " (nodes already woken stay on).", mixinStandardHelpOptions = true)
final class CampaignCancelCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(paramLabel = "ID", description = "The campaign id.")
    String id;

    @Override
    public Integer call() throws Exception {
        options.client().send("POST", "/api/v1/wake-campaigns/" + NodesCommand.enc(id) + "/cancel", null);
        System.out.println("cancelled campaign " + id);
        return 0;
    }
}
