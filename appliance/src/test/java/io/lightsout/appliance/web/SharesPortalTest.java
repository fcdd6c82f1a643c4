package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.shares.NfsCat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The NFS share page in headless Chromium against an appliance whose share runs on a random loopback address: the
 * admin offers an export to a client list through the page, a real client (nfs-cat) reads a file, and the page
 * shows the mount and the bytes read; a bad client entry is answered at the form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharesPortalTest {
    private static final Path SHOTS = Path.of("target", "portal-screenshots");

    @TempDir
    Path work;
    private TestAppliance appliance;
    private String address;

    @BeforeAll
    void start() {
        address = NfsCat.randomAddress(67);
        appliance = TestAppliance.started(Clock.systemUTC(), NfsCat.shareOn(address));
    }

    @AfterAll
    void stop() {
        if (appliance != null) appliance.close();
    }

    @Test
    void adminOffersAnExportAndSeesTheMountAndTheBytesRead() throws Exception {
        Files.writeString(appliance.data().resolve("repository/iso/rhel9.txt"), "pretend this is an ISO image\n");
        try (Browser browser = Browser.start(Files.createDirectories(work.resolve("browser")))) {
            PortalPage portal = new PortalPage(browser.driver,
                    URI.create("https://127.0.0.1:" + appliance.appliance().httpsPort() + "/"));
            portal.open("");
            portal.loginAndWait("admin", TestAppliance.ADMIN_PW);
            portal.go("shares");
            assertThat(portal.awaitText(By.cssSelector("main table.data tbody"), "/iso")).contains("no clients")
                    .contains("/firmware");

            portal.await(By.cssSelector("button[aria-label='Edit /iso']")).click();
            By form = By.id("export-form");
            portal.fill(form, "clients", "10.0.0.0/33");
            portal.submit(form);
            assertThat(portal.awaitText(By.cssSelector("#export-form .field-textarea .field-error"), "Entry 1"))
                    .contains("'10.0.0.0/33' is not a CIDR");
            portal.fill(form, "clients", "127.0.0.0/8\n10.20.0.0/16");
            portal.submit(form);
            assertThat(portal.awaitText(By.cssSelector("main table.data tbody"), "offered"))
                    .contains("127.0.0.0/8").contains("10.20.0.0/16");

            NfsCat.Result cat = NfsCat.read(address, "/iso/rhel9.txt");
            assertThat(cat.exit()).as(cat.err()).isZero();
            assertThat(cat.text()).isEqualTo("pretend this is an ISO image\n");

            // the page polls every 5 s: the mount and the bytes appear without a reload
            assertThat(portal.awaitText(By.cssSelector("main .grid-2 table.data tbody"), "granted")).contains("/iso");
            assertThat(portal.awaitText(By.id("share-bytes"), "29 B")).contains("Bytes read");
            assertThat(portal.awaitText(By.cssSelector("main .facts"), "running")).contains(address)
                    .contains("portmap 111");
            browser.screenshot(SHOTS.resolve("shares.png"));
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy")
                    || m.contains("Refused to"));
        }
    }
}
