package io.lightsout.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightsout.appliance.cli.client.ApiClient;
import io.lightsout.appliance.cli.client.ClientOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightsout power ACTION (--node ID | --group NAME | --all) [--wait]}: a power action as a job on the
 * appliance, or {@code power status --node ID} to read a node's state.
 */
@Command(name = "power", mixinStandardHelpOptions = true, description = "Power on, off (hard), shutdown (graceful),"
        + " cycle, reset, pxe (boot once from the network, then on), bios (boot once into firmware setup, then on),"
        + " or status (read the state).")
public final class PowerCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "ACTION", description = "on, off, shutdown, cycle, reset, pxe, bios or status.")
    String action;

    @ArgGroup(multiplicity = "1")
    NodeSelection selection;

    @Option(names = "--cycle", description = "With pxe or bios: cycle nodes that are on (default: power on nodes that are off).")
    boolean cycle;

    @Option(names = "--wait", description = "Follow the job until it ends, showing progress.")
    boolean wait;

    @Override
    public Integer call() throws Exception {
        ApiClient client = options.client();
        if (action.equals("status")) {
            if (selection.nodes == null) {
                throw new IllegalArgumentException("status reads single nodes: use --node ID[,ID...]");
            }
            for (String ref : selection.nodes) {
                String id = NodeRefs.resolve(client, ref);
                JsonNode p = client.get("/api/v1/nodes/" + NodesCommand.enc(id) + "/power");
                String name = client.get("/api/v1/nodes/" + NodesCommand.enc(id)).path("name").asText(id);
                System.out.printf("%s: %s (%s)%n", name, p.path("state").asText(), p.path("detail").asText());
            }
            return 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (cycle) {
            body.put("bootOnce", "cycle");
        }
        selection.into(client, body);
        JsonNode job = client.post("/api/v1/power-actions", body);
        long id = job.path("jobId").asLong();
        System.out.printf("job %d: %s on %d node(s)%n", id, job.path("action").asText(), job.path("targets").asInt());
        if (!wait) {
            return 0;
        }
        return JobsCommand.watch(client, id, Duration.ofSeconds(1), options.json());
    }
}
