package io.lightsout.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console commands (setup, token) on a data directory and the client commands against a running appliance. */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var cl = Main.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    /** The client options for {@code t} with an admin token in a file under {@code dir}. */
    static String[] clientOptions(TestAppliance t, Path dir) throws java.io.IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, t.appliance().tokens().create("test", "cli", "admin", null).token());
        return new String[] {"--url", "https://127.0.0.1:" + t.appliance().httpsPort(), "--token-file",
            token.toString(), "--trust-fingerprint", t.appliance().tls().info().sha256()};
    }

    /** Runs {@code args} followed by the {@code client} options, with empty standard input. */
    static Run cli(String[] client, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + client.length);
        System.arraycopy(client, 0, all, args.length, client.length);
        return run("", all);
    }

    @Test
    void setupReadsTwoPasswordsAndTokenCreatePrintsAWorkingToken() throws Exception {
        Path data = Files.createTempDirectory("cli-test-");
        try {
            Run weak = run("short\nalso-short\n", "setup", "--data", data.toString());
            assertThat(weak.code()).isEqualTo(1);
            assertThat(weak.err()).contains("adminPassword").contains("at least 10 characters");
            Run ok = run(TestAppliance.ADMIN_PW + "\n" + TestAppliance.READONLY_PW + "\n", "setup", "--data",
                    data.toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            Run again = run(TestAppliance.ADMIN_PW + "\n" + TestAppliance.READONLY_PW + "\n", "setup", "--data",
                    data.toString());
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("already set up");

            Run token = run("", "token", "create", "--data", data.toString(), "--name", "cli", "--role", "operator");
            assertThat(token.code()).as(token.err()).isZero();
            String value = token.out().strip();
            assertThat(value).startsWith("lo_");
            Run badRole = run("", "token", "create", "--data", data.toString(), "--name", "x", "--role", "root");
            assertThat(badRole.code()).isEqualTo(1);
            assertThat(badRole.err().strip()).isEqualTo("lightsout token create: Unknown role 'root' (admin, "
                    + "operator or readonly)");
            Run listed = run("", "token", "list", "--data", data.toString());
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("LAST USED").containsPattern("cli +operator +\\S+ +never")
                    .doesNotContain("1970", value);
            assertThat(run("", "run", "--data", data.toString(), "--set", "https.port=99999").err())
                    .contains("'https.port'");

            try (TestAppliance t = TestAppliance.start(data, false, Clock.systemUTC(), Map.of())) {
                String fp = t.appliance().tls().info().sha256();
                String url = "https://127.0.0.1:" + t.appliance().httpsPort();
                Path tokenFile = data.resolve("token.txt");
                Files.writeString(tokenFile, value + "\n");
                t.http().send("POST", "/api/v1/support/self-test", null, null,
                        io.lightsout.appliance.Http.Auth.bearer(value));
                Run watch = run("", "jobs", "watch", "1", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", fp, "--interval", "1");
                assertThat(watch.code()).as(watch.err()).isZero();
                assertThat(watch.out()).contains("succeeded").contains("tls-certificate");
                Run list = run("", "jobs", "list", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", fp);
                assertThat(list.out()).contains("self-test").contains("4/4");
                Run json = run("", "jobs", "show", "1", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", fp, "--json");
                assertThat(json.out()).contains("\"state\" : \"succeeded\"");
                Run audit = run("", "audit", "--action", "token.*", "--url", url, "--token-file",
                        tokenFile.toString(), "--insecure");
                assertThat(audit.err()).contains("--insecure").contains("NOT checked");
                assertThat(audit.out()).contains("token.create").contains("console");
                Run first = run("", "audit", "--size", "1", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", fp);
                assertThat(first.code()).as(first.err()).isZero();
                java.util.regex.Matcher footer = java.util.regex.Pattern.compile(
                        "1-1 of (\\d+) entries \\(page 0; next: --page 1\\)").matcher(first.out());
                assertThat(footer.find()).as(first.out()).isTrue();
                int total = Integer.parseInt(footer.group(1));
                Run second = run("", "audit", "--size", "1", "--page", "1", "--url", url, "--token-file",
                        tokenFile.toString(), "--trust-fingerprint", fp);
                assertThat(second.out()).contains("2-2 of " + total + " entries (page 1;")
                        .isNotEqualTo(first.out().replace("page 0; next: --page 1", "page 1; next: --page 2"));
                Run last = run("", "audit", "--size", "1", "--page", String.valueOf(total - 1), "--url", url,
                        "--token-file", tokenFile.toString(), "--trust-fingerprint", fp);
                assertThat(last.out()).contains(total + "-" + total + " of " + total + " entries (page "
                        + (total - 1) + "; last page)");
                Run wrongPin = run("", "jobs", "list", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", "00".repeat(32));
                assertThat(wrongPin.code()).isEqualTo(1);
                assertThat(wrongPin.err()).contains("not trusted");
                Run noToken = run("", "audit", "--url", url, "--token-file", data.resolve("none").toString(),
                        "--insecure");
                assertThat(noToken.code()).isEqualTo(1);
                // another process (H2 shares an open file within one JVM, so this needs a child JVM)
                Process busy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "token", "create",
                        "--data", data.toString(), "--name", "y", "--role", "admin").redirectErrorStream(true).start();
                String busyOut = new String(busy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(busy.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(busy.exitValue()).as(busyOut).isEqualTo(1);
                assertThat(busyOut).contains("in use by a running appliance");
                Run missing = run("", "jobs", "show", "999", "--url", url, "--token-file", tokenFile.toString(),
                        "--trust-fingerprint", fp);
                assertThat(missing.code()).isEqualTo(1);
                assertThat(missing.err()).contains("No job 999");
            }
        } finally {
            TestAppliance.deleteTree(data);
        }
    }
}
