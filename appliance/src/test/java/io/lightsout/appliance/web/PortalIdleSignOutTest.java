package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The jobs page polls every two seconds, which keeps the server's idle timer from running out; the portal itself
 * must sign an unattended console out after the idle timeout. Uses a 12-second timeout to stay short.
 */
class PortalIdleSignOutTest {
    @TempDir
    Path work;

    @Test
    void anUnattendedPollingPageIsSignedOutAfterTheIdleTimeout() throws Exception {
        try (var appliance = TestAppliance.start(Files.createDirectories(work.resolve("data")), false,
                Clock.systemUTC(), Map.of("session.idle-timeout", "12s"));
             var browser = Browser.start(Files.createDirectories(work.resolve("browser")))) {
            appliance.appliance().accounts().setup(TestAppliance.ADMIN_PW, TestAppliance.READONLY_PW, "test");
            var portal = new PortalPage(browser.driver,
                    URI.create("https://127.0.0.1:" + appliance.appliance().httpsPort() + "/"));
            portal.open("jobs");
            portal.loginAndWait("admin", TestAppliance.ADMIN_PW);
            portal.await(By.cssSelector("main table.data"));

            // nobody touches the page from here on; the portal keeps polling /api/v1/jobs meanwhile
            assertThat(portal.awaitText(By.id("login-message"), "without activity"))
                    .isEqualTo("You were signed out after 12 seconds without activity.");
            assertThat(portal.fetchInPage("/api/v1/sessions/current")).startsWith("401");
            browser.screenshot(Path.of("target", "portal-screenshots", "idleSignOut.png"));
        }
    }
}
