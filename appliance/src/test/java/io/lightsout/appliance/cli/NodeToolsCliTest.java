package io.lightsout.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.cli.CommandLineTest.Run;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an admin and a help desk do from the command line besides power and campaigns: import errors as people read
 * them, groups, a node with its inventory, discovery, nodes by name, cancelling a campaign.
 */
class NodeToolsCliTest {
    private static Lab lab;
    private static TestAppliance t;
    private static Path dir;
    private static String[] client;
    private static String prefix;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        prefix = "127." + r.nextInt(64, 128) + "." + r.nextInt(256) + ".";
        port = r.nextInt(20_000, 30_000);
        lab = Lab.builder().idrac(2).amt(1).base(prefix + "1").idracPort(port).amtPort(port + 1)
                .powerDelay(Duration.ofMillis(100)).start();
        t = TestAppliance.started(Clock.systemUTC(), Map.of());
        dir = Files.createTempDirectory("node-tools-cli");
        Path token = dir.resolve("token");
        Files.writeString(token, t.appliance().tokens().create("test", "cli", "admin", null).token());
        client = new String[] {"--url", "https://127.0.0.1:" + t.appliance().httpsPort(), "--token-file",
            token.toString(), "--trust-fingerprint", t.appliance().tls().info().sha256()};
        SimulatedBmc first = lab.bmcs().getFirst();
        Path csv = dir.resolve("nodes.csv");
        Files.writeString(csv, "name,type,address,port,username,password,mac,ip,tags\n"
                + "rack-a," + "IDRAC," + first.address() + "," + port + "," + first.username() + ","
                + first.password() + ",,,\n"
                + "desk-1,WOL,,,,,02:00:00:dd:00:01,10.6.0.1,floor-2\n"
                + "twin,WOL,,,,,02:00:00:dd:00:02,10.6.0.2,\n"
                + "twin,WOL,,,,,02:00:00:dd:00:03,10.6.0.3,\n");
        Run imported = cli("nodes", "import", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
    }

    @AfterAll
    static void stop() {
        t.close();
        lab.close();
        TestAppliance.deleteTree(dir);
    }

    static Run cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + client.length);
        System.arraycopy(client, 0, all, args.length, client.length);
        return CommandLineTest.run("", all);
    }

    @Test
    void importCountsRejectedRowsNotErrorsAndSaysWhatIsMissing() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,type,address,port,mac\nbmc-without-account,IDRAC,10.6.1.1,99999,\n");
        Run r = cli("nodes", "import", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("imported 0, updated 0, rejected 1")
                .contains("line 2, column 4 (port): A whole number from 1 to 65535.")
                .contains("line 2 (username): ").doesNotContain("column 0");
        Run missing = cli("nodes", "import", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv: no such file");
    }

    @Test
    void groupsAreMadeAndFilledFromTheCommandLine() {
        Run dynamic = cli("groups", "create", "wol-desks", "--type", "WOL");
        assertThat(dynamic.code()).as(dynamic.err()).isZero();
        assertThat(dynamic.out()).contains("group wol-desks (dynamic): 3 node(s)");
        Run made = cli("groups", "create", "patch-tuesday");
        assertThat(made.out()).contains("group patch-tuesday (static): 0 node(s)");
        Run added = cli("groups", "add", "patch-tuesday", "--node", "rack-a,desk-1");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("2 node(s) added to patch-tuesday; it has 2");
        Run list = cli("groups", "list");
        assertThat(list.out()).containsPattern("wol-desks\\s+dynamic\\s+type=WOL\\s+3")
                .containsPattern("patch-tuesday\\s+static\\s+-\\s+2");
        assertThat(cli("nodes", "list", "--group", "patch-tuesday").out()).contains("rack-a").contains("desk-1")
                .doesNotContain("twin");
        assertThat(cli("groups", "remove", "patch-tuesday", "--node", "desk-1").out()).contains("it has 1");
        Run ambiguous = cli("groups", "add", "patch-tuesday", "--node", "twin");
        assertThat(ambiguous.code()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("2 nodes are named 'twin'; give an id");
        assertThat(cli("nodes", "list", "--search", "desk-1").out()).as("never read is not UNKNOWN")
                .containsPattern("desk-1\\s.*NOT READ");
        assertThat(cli("groups", "delete", "wol-desks").code()).isZero();
        assertThat(cli("groups", "list").out()).doesNotContain("wol-desks");
    }

    @Test
    void aNodeShowsItsPowerAndInventoryAndTheHelpDeskUsesItsName() {
        Run before = cli("nodes", "show", "rack-a");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("IDRAC").contains(lab.bmcs().getFirst().address())
                .contains("inventory: not read yet").contains("NOT READ (power status --node rack-a reads it now)");
        Run refresh = cli("nodes", "inventory", "--node", "rack-a", "--wait");
        assertThat(refresh.code()).as(refresh.err() + refresh.out()).isZero();
        assertThat(refresh.out()).contains("inventory refresh of 1 target(s)")
                .as("the job's targets are named, not UUIDs").containsPattern("rack-a\\s+succeeded");
        Run after = cli("nodes", "show", "rack-a");
        assertThat(after.out()).contains("inventory read ").contains(lab.bmcs().getFirst().serviceTag())
                .contains(lab.bmcs().getFirst().mac());
        Run status = cli("power", "status", "--node", "rack-a");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("rack-a: ");
        Run nobody = cli("power", "on", "--node", "no-such-machine");
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(nobody.err()).contains("no node with the id or name 'no-such-machine'");
    }

    @Test
    void anAmtNodesInventoryHasEverySection() throws Exception {
        SimulatedBmc amt = lab.bmcs().stream().filter(b -> b.type().name().equals("AMT")).findFirst().orElseThrow();
        Path csv = dir.resolve("amt.csv");
        Files.writeString(csv, "name,type,address,port,username,password\ndesk-amt,AMT," + amt.address() + ","
                + (port + 1) + "," + amt.username() + "," + amt.password() + "\n");
        assertThat(cli("nodes", "import", csv.toString()).code()).isZero();
        Run refresh = cli("nodes", "inventory", "--node", "desk-amt", "--wait");
        assertThat(refresh.code()).as(refresh.err() + refresh.out()).isZero();
        Run show = cli("nodes", "show", "desk-amt");
        assertThat(show.code()).as(show.err()).isZero();
        String mac = amt.mac().toUpperCase(java.util.Locale.ROOT);
        assertThat(show.out()).contains("inventory read ")
                .containsPattern("serviceTag\\s+" + amt.serviceTag())
                .containsPattern("manufacturer\\s+\\S").containsPattern("model\\s+\\S")
                .containsPattern("biosVersion\\s+\\S")
                .containsPattern("cpus\\s+1")
                .containsPattern("cpu\\.0\\.model\\s+.*Intel\\(R\\) Core\\(TM\\)")
                .containsPattern("memoryMib\\s+[1-9]\\d{3,}").containsPattern("memory\\.0\\.mib\\s+[1-9]")
                .containsPattern("disks\\s+[1-9]").containsPattern("disk\\.0\\.sizeGb\\s+[1-9]")
                .containsPattern("nic\\.0\\.mac\\s+" + mac).doesNotContain("nic.1.mac")
                .doesNotContain("00:00:00:00:00:00").contains("firmware.AMT");
        JsonNode json = new ObjectMapper().readTree(cli("nodes", "show", "desk-amt", "--json").out());
        JsonNode facts = json.path("inventory").path("facts");
        assertThat(json.path("inventory").path("readAt").asText()).isNotEmpty();
        assertThat(facts.path("serviceTag").asText()).isEqualTo(amt.serviceTag());
        assertThat(facts.path("nic.0.mac").asText()).isEqualTo(mac);
        long modules = 0;
        for (int i = 0; facts.has("memory." + i + ".mib"); i++) {
            modules += facts.path("memory." + i + ".mib").asLong();
        }
        assertThat(facts.path("memoryMib").asLong()).as("the total is the modules' sum").isEqualTo(modules);
    }

    @Test
    void anAdminRetrustsAndDeletesNodesByName() throws Exception {
        SimulatedBmc second = lab.bmcs().get(1);
        Path csv = dir.resolve("second.csv");
        Files.writeString(csv, "name,type,address,port,username,password\nrack-b,IDRAC," + second.address() + ","
                + port + "," + second.username() + "," + second.password() + "\n");
        assertThat(cli("nodes", "import", csv.toString()).code()).isZero();
        assertThat(cli("power", "status", "--node", "rack-b").out()).startsWith("rack-b: OFF");
        assertThat(cli("nodes", "show", "rack-b").out()).contains(second.certificateSha256());
        Run retrust = cli("nodes", "retrust", "rack-b");
        assertThat(retrust.code()).as(retrust.err()).isZero();
        assertThat(cli("nodes", "show", "rack-b").out()).doesNotContain(second.certificateSha256());
        Run deleted = cli("nodes", "delete", "rack-b");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("deleted rack-b");
        assertThat(cli("nodes", "show", "rack-b").err()).contains("no node with the id or name 'rack-b'");
    }

    @Test
    void discoveryFindsTheLabBmcs() {
        Run r = cli("nodes", "discover", prefix + "0/30", "--port", String.valueOf(port), "--wait");
        assertThat(r.out()).as(r.err()).contains("discovery of 2 target(s)");
        assertThat(r.out()).contains(prefix + "1").contains(prefix + "2");
    }

    @Test
    void aScheduledCampaignIsCancelledFromTheCommandLine() {
        Run created = cli("campaigns", "create", "--name", "later", "--node", "desk-1", "--start",
                Instant.now().plus(Duration.ofHours(2)).toString());
        assertThat(created.code()).as(created.err()).isZero();
        String id = created.out().strip();
        Run report = cli("campaigns", "report", id);
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).as("JSON by default, as the contract says").startsWith("{")
                .contains("\"woken\" : 0").contains("\"alreadyOn\" : 0").contains("\"failed\" : 0")
                .contains("\"name\" : \"desk-1\"");
        assertThat(cli("campaigns", "report", id, "--table").out()).containsPattern("desk-1\\s+PENDING");
        Run cancel = cli("campaigns", "cancel", id);
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("cancelled campaign " + id);
        assertThat(cli("campaigns", "list").out()).containsPattern(id + "\\s+later\\s+cancelled");
        Run again = cli("campaigns", "cancel", id);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already cancelled");
    }
}
