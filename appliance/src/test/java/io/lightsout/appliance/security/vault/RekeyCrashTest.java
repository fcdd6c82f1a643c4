package io.lightsout.appliance.security.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.credentials.CredentialProfiles;
import io.lightsout.appliance.error.ApplianceException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills (SIGKILL) a child JVM in the middle of an admin password change at each step of the re-key, then opens the
 * data directory again: every secret must decrypt and the admin password must be wholly old or wholly new.
 */
class RekeyCrashTest {
    static final String OLD_ADMIN = "Old-admin-pass1";
    static final String NEW_ADMIN = "New-admin-pass2";
    private static final String READONLY = "Read-only-pass1";

    @ParameterizedTest
    @EnumSource(RekeyObserver.Step.class)
    void aCrashAtAnyStepLeavesOneConsistentKey(RekeyObserver.Step step) throws Exception {
        Path data = Files.createTempDirectory("rekey-crash-");
        try {
            List<String> ids = prepare(data);
            killAt(data, step);
            boolean committed = step == RekeyObserver.Step.COMMITTED || step == RekeyObserver.Step.OLD_KEY_DROPPED;
            try (Appliance a = open(data)) {
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(new String(a.credentials().password(ids.get(i)).orElseThrow()))
                            .as("secret %d after a crash at %s", i, step).isEqualTo("bmc-secret-" + i);
                }
                assertThat(new KeyFile(data.resolve("vault/keys.p12")).read()).as("keys after reconcile")
                        .containsOnlyKeys(committed ? 2 : 1);
                String right = committed ? NEW_ADMIN : OLD_ADMIN;
                String wrong = committed ? OLD_ADMIN : NEW_ADMIN;
                assertThatThrownBy(() -> a.accounts().login("admin", wrong, "test"))
                        .isInstanceOf(ApplianceException.Unauthenticated.class);
                assertThat(a.accounts().login("admin", right, "test").username()).isEqualTo("admin");
            }
        } finally {
            TestAppliance.deleteTree(data);
        }
    }

    private static Appliance open(Path data) {
        return new Appliance(ApplianceConfig.load(data, null, Map.of())).openStore();
    }

    private static List<String> prepare(Path data) {
        List<String> ids = new ArrayList<>();
        try (Appliance a = open(data)) {
            a.accounts().setup(OLD_ADMIN, READONLY, "test");
            for (int i = 0; i < 5; i++) {
                ids.add(a.credentials().create(new CredentialProfiles.Input("bmc-" + i, "device", "root",
                        "bmc-secret-" + i, null, null), "test", null).id());
            }
        }
        return ids;
    }

    private static void killAt(Path data, RekeyObserver.Step step) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RekeyCrashChild.class.getName(), data.toString(), step.name()).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> reached = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    StringBuilder seen = new StringBuilder();
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("AT " + step)) {
                            return line;
                        }
                        seen.append(line).append('\n');
                    }
                    return "child ended without reaching " + step + ":\n" + seen;
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            assertThat(reached.get(120, TimeUnit.SECONDS)).isEqualTo("AT " + step);
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
