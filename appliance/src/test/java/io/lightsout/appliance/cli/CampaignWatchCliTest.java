package io.lightsout.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.cli.CommandLineTest.Run;
import io.lightsout.appliance.cli.client.ProgressWatch;
import io.lightsout.lab.Lab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code campaigns watch} against a running appliance and the lab: a recurring campaign is followed for one window
 * (up to a minute and a half: cron has minute resolution), a cancelled one is an error; and how progress is drawn.
 */
class CampaignWatchCliTest {

    @Test
    void watchFollowsOneWindowOfARecurringCampaignAndACancelledOneIsAnError() throws Exception {
        SecureRandom r = new SecureRandom();
        String base = "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
        Path dir = Files.createTempDirectory("watch-cli");
        try (Lab lab = Lab.builder().idrac(1).base(base).idracPort(0).powerDelay(Duration.ofMillis(100)).start();
             TestAppliance t = TestAppliance.started(Clock.systemUTC(), Map.of())) {
            Path csv = dir.resolve("lab.csv");
            lab.writeInventory(csv);
            String[] client = CommandLineTest.clientOptions(t, dir);
            assertThat(CommandLineTest.cli(client, "nodes", "import", csv.toString()).code()).isZero();
            lab.bmcs().getFirst().setPowerState(io.lightsout.lab.PowerState.OFF);

            Run created = CommandLineTest.cli(client, "campaigns", "create", "--name", "minutely", "--all",
                    "--recurrence", "* * * * *", "--time-zone", "UTC", "--deadline", "15s", "--retries", "0",
                    "--verify-interval", "1s");
            assertThat(created.code()).as(created.err()).isZero();
            String id = created.out().strip();
            Run watch = CommandLineTest.cli(client, "campaigns", "watch", id, "--interval", "1");
            assertThat(watch.code()).as(watch.err() + watch.out()).isZero();
            assertThat(watch.out()).containsPattern("window of \\S+ done: woken 1, already on 0, failed 0, pending 0;"
                    + " the campaign recurs, next window \\S+");
            assertThat(lab.bmcs().getFirst().boots()).isEqualTo(1);
            assertThat(watch.out()).as("not a terminal: a line per change, no carriage returns").doesNotContain("\r");

            Run later = CommandLineTest.cli(client, "campaigns", "create", "--name", "later", "--all", "--start",
                    Instant.now().plusSeconds(3600).toString());
            assertThat(later.code()).as(later.err()).isZero();
            String laterId = later.out().strip();
            assertThat(CommandLineTest.cli(client, "campaigns", "cancel", laterId).code()).isZero();
            Run cancelled = CommandLineTest.cli(client, "campaigns", "watch", laterId, "--interval", "1");
            assertThat(cancelled.code()).isEqualTo(3);
            assertThat(cancelled.err()).contains("campaign " + laterId + " was cancelled");
        } finally {
            TestAppliance.deleteTree(dir);
        }
    }

    @Test
    void onATerminalOneLineIsRedrawnAndEndsWithANewLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressWatch.Display d = ProgressWatch.Display.redraw(out);
        d.show("[###...] 50%  running");
        d.show("[######] 100% done");
        d.end();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r[###...] 50%  running\r[######] 100% done   \n");

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ProgressWatch.Display lines = ProgressWatch.Display.lines(new PrintStream(plain, true, StandardCharsets.UTF_8));
        lines.show("a");
        lines.show("b");
        lines.end();
        assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo("a" + System.lineSeparator() + "b"
                + System.lineSeparator());
    }
}
