package io.lightsout.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final Path DATA = Path.of("/var/lib/lightsout");

    @Test
    void defaultsAreTheProductionValues() {
        ApplianceConfig c = ApplianceConfig.load(DATA, null, Map.of());
        assertThat(c.get(Keys.HTTPS_PORT)).isEqualTo(443);
        assertThat(c.get(Keys.HTTP_PORT)).isEqualTo(80);
        assertThat(c.get(Keys.PORTMAP_PORT)).isEqualTo(111);
        assertThat(c.get(Keys.SESSION_IDLE_TIMEOUT)).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.get(Keys.SESSION_MAX)).isEqualTo(200);
        assertThat(c.get(Keys.LOGIN_MAX_FAILURES)).isEqualTo(3);
        assertThat(c.get(Keys.LOGIN_LOCKOUT)).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.get(Keys.DATABASE_URL)).isEqualTo("jdbc:h2:file:/var/lib/lightsout/db/lightsout");
    }

    @Test
    void fileThenSetOverridesWin() throws Exception {
        Path f = Files.createTempFile("lightsout", ".properties");
        try {
            Files.writeString(f, "https.port=9443\nsession.idle-timeout=PT30M\nlogin.lockout=90s\n");
            ApplianceConfig c = ApplianceConfig.load(DATA, f, ApplianceConfig.parseOverrides(List.of("https.port=10443")));
            assertThat(c.get(Keys.HTTPS_PORT)).isEqualTo(10443);
            assertThat(c.get(Keys.SESSION_IDLE_TIMEOUT)).isEqualTo(Duration.ofMinutes(30));
            assertThat(c.get(Keys.LOGIN_LOCKOUT)).isEqualTo(Duration.ofSeconds(90));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void fleetKeysAreTyped() {
        ApplianceConfig c = ApplianceConfig.load(DATA, null, Map.of("wol.repeat-interval", "250ms",
                "wol.rate.per-subnet", "12.5", "bmc.limit.per-bmc", "1", "time-zone", "Europe/Paris",
                "campaign.window", "3h", "power.sync-failures", "5"));
        assertThat(c.get(Keys.WOL_REPEAT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
        assertThat(c.get(Keys.WOL_RATE_PER_SUBNET)).isEqualTo(12.5);
        assertThat(c.get(Keys.BMC_LIMIT_PER_BMC)).isEqualTo(1);
        assertThat(c.get(Keys.TIME_ZONE)).isEqualTo("Europe/Paris");
        assertThat(c.get(Keys.CAMPAIGN_WINDOW)).isEqualTo(Duration.ofHours(3));
        assertThat(c.get(Keys.POWER_SYNC_FAILURES)).isEqualTo(5);
        assertThat(ApplianceConfig.load(DATA, null, Map.of()).get(Keys.WOL_REPEATS)).isEqualTo(3);
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("bmc.limit.per-bmc", "3")))
                .hasMessageContaining("'bmc.limit.per-bmc'").hasMessageContaining("between 1 and 2");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("time-zone", "Mars/Olympus")))
                .hasMessageContaining("'time-zone'").hasMessageContaining("time zone");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("bmc.limit.per-site", "600")))
                .hasMessageContaining("'bmc.limit.per-site'").hasMessageContaining("bmc.limit.global (512)");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("wol.rate.global", "0")))
                .hasMessageContaining("'wol.rate.global'").hasMessageContaining("more than 0");
    }

    @Test
    void thePublicNameIsAHostNameOrAddress() {
        assertThat(ApplianceConfig.load(DATA, null, Map.of()).get(Keys.HTTP_PUBLIC_NAME)).isEmpty();
        assertThat(ApplianceConfig.load(DATA, null, Map.of("http.public-name", " lo.example.net "))
                .get(Keys.HTTP_PUBLIC_NAME)).isEqualTo("lo.example.net");
        assertThat(ApplianceConfig.load(DATA, null, Map.of("http.public-name", "fd00::5"))
                .get(Keys.HTTP_PUBLIC_NAME)).isEqualTo("[fd00::5]");
        assertThat(ApplianceConfig.load(DATA, null, Map.of("http.public-name", "10.0.0.5"))
                .get(Keys.HTTP_PUBLIC_NAME)).isEqualTo("10.0.0.5");
        for (String bad : List.of("evil.example/x", "a b", "http://x", "x:443", "10.0.0.256", "1::2::3")) {
            assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("http.public-name", bad)))
                    .as(bad).hasMessageContaining("'http.public-name'").hasMessageContaining("host name");
        }
    }

    @Test
    void aBadValueOrUnknownKeyStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("https.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'https.port'").hasMessageContaining("65535");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("session.idle-timeout", "soon")))
                .hasMessageContaining("'session.idle-timeout'").hasMessageContaining("duration");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("database.url", "mysql://x")))
                .hasMessageContaining("'database.url'");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("sesion.max", "5")))
                .hasMessageContaining("Unknown configuration key 'sesion.max'");
        assertThatThrownBy(() -> ApplianceConfig.parseOverrides(List.of("https.port"))).hasMessageContaining("key=value");
        assertThatThrownBy(() -> ApplianceConfig.load(DATA, null, Map.of("database.password", " ")))
                .hasMessageContaining("(secret)").hasMessageNotContaining("' '");
    }

    @Test
    void secretsAndUrlPasswordsAreRedacted() {
        ApplianceConfig c = ApplianceConfig.load(DATA, null, Map.of("database.password", "s3cret-db",
                "database.url", "jdbc:postgresql://db:5432/lo?user=lo&password=s3cret-url&ssl=true"));
        assertThat(c.redacted().toString()).doesNotContain("s3cret").contains("password=<redacted>&ssl=true");
    }

    @Test
    void theConfigurationDocumentListsEveryKey() throws Exception {
        Path doc = Path.of(System.getProperty("lightsout.repo", ".."), "docs", "configuration.md");
        String text = Files.readString(doc);
        for (Key<?> key : Keys.ALL) {
            assertThat(text).as("docs/configuration.md documents %s", key.name()).contains("`" + key.name() + "`");
        }
    }
}
