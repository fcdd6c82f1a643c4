package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Fault;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import io.lightsout.lab.SimulatedBmc;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The fleet pages in headless Chromium against lab BMCs over real WS-Man/TLS on loopback: the admin imports the
 * lab's inventory through the page (a bad row comes back with its line), finds a node with the server-side filter,
 * powers it off after confirming, sees a refusal with its reason when the BMC cannot be read, and a readonly user
 * gets no power buttons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetPortalTest {
    private static final Path SHOTS = Path.of("target", "portal-screenshots");

    @TempDir
    Path work;
    private Lab lab;
    private TestAppliance appliance;

    @BeforeAll
    void start() throws Exception {
        SecureRandom r = new SecureRandom();
        String base = "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
        lab = Lab.builder().idrac(2).amt(1).base(base).idracPort(0).amtPort(0).powerDelay(Duration.ofMillis(200))
                .start();
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
    }

    @AfterAll
    void stop() {
        if (appliance != null) appliance.close();
        if (lab != null) lab.close();
    }

    @Test
    void adminImportsTheLabAndPowersANodeOffWhileReadonlyOnlyLooks() throws Exception {
        Path csv = work.resolve("lab.csv");
        lab.writeInventory(csv);
        Files.writeString(csv, "broken-node,TOASTER,lab,,,,,,,,,,,,,\n", java.nio.file.StandardOpenOption.APPEND);
        SimulatedBmc idrac = lab.bmcs().stream().filter(b -> b.type().name().equals("IDRAC")).findFirst().orElseThrow();
        lab.bmcs().forEach(b -> b.setPowerState(PowerState.ON));
        try (Browser browser = Browser.start(Files.createDirectories(work.resolve("browser")))) {
            PortalPage portal = new PortalPage(browser.driver,
                    URI.create("https://127.0.0.1:" + appliance.appliance().httpsPort() + "/"));
            portal.open("");
            portal.loginAndWait("admin", TestAppliance.ADMIN_PW);
            portal.go("nodes");
            portal.await(By.id("import-nodes")).click();
            portal.await(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            portal.submit(By.id("import-form"));
            String report = portal.awaitText(By.id("import-result"), "rejected");
            assertThat(report).contains("3 imported").contains("1 rejected");
            assertThat(portal.all(By.cssSelector("#import-errors tbody tr")))
                    .extracting(row -> row.findElement(By.tagName("td")).getText()).containsExactly("5");
            browser.screenshot(SHOTS.resolve("nodes-import.png"));
            portal.await(By.cssSelector("dialog .dialog-head button[aria-label=Close]")).click();

            assertThat(portal.awaitText(By.cssSelector(".pager-info"), "of 3")).startsWith("1–3");
            assertThat(portal.all(By.cssSelector("main table.data tbody .badge"))).as("just imported, never read")
                    .extracting(org.openqa.selenium.WebElement::getText).containsOnly("not read yet");
            // a column heading asks the server for that order (the pager no longer says "within this page")
            String last = portal.fetchInPage("/api/v1/nodes?sort=name&order=desc&size=1")
                    .replaceAll("(?s).*?\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            portal.await(By.xpath("//main//th//button[starts-with(normalize-space(), 'Name')]"))
                    .click();
            assertThat(portal.awaitText(By.cssSelector("main table.data tbody tr:first-child"), last)).isNotBlank();
            assertThat(portal.await(By.cssSelector(".pager-info")).getText()).doesNotContain("within this page");
            portal.fill(By.cssSelector("main .table-toolbar"), "q", idrac.address());
            assertThat(portal.awaitText(By.cssSelector(".pager-info"), "of 1")).startsWith("1–1");
            assertThat(browser.driver.getCurrentUrl()).contains("q=" + idrac.address());
            browser.screenshot(SHOTS.resolve("nodes.png"));
            portal.await(By.cssSelector("main table.data tbody a")).click();

            String nodeRoute = nodeRoute(browser);
            assertThat(portal.awaitText(By.id("node-hardware"), "Not read yet")).isNotBlank();
            portal.await(By.id("refresh-inventory")).click();
            portal.awaitText(By.id("node-hardware"), "Read ");
            assertThat(portal.all(By.cssSelector("#node-hardware dt"))).as("inventory facts").isNotEmpty();
            assertThat(portal.await(By.id("node-hardware")).getText()).as("grouped, with labels people read")
                    .contains("System").contains("Service tag").contains("Network").contains("NIC 1")
                    .contains("Firmware").contains(idrac.mac());
            portal.await(By.cssSelector("button[data-action=off]")).click();
            portal.await(By.cssSelector("dialog .btn-danger")).click();
            assertThat(portal.awaitText(By.id("power-outcome"), "done")).contains("Power off");
            await().atMost(Duration.ofSeconds(10)).until(() -> idrac.powerState() == PowerState.OFF);

            // a wake campaign over a group of every BMC node, picked from a list: the one just powered off is woken,
            // the others were on already
            appliance.appliance().groups().create(new io.lightsout.appliance.nodes.NodeGroups.Input("all-bmcs", true,
                    null, null, "127.0.0.0/8", null), "test", null);
            portal.go("campaigns");
            portal.await(By.id("new-campaign")).click();
            By form = By.id("campaign-form");
            assertThat(new org.openqa.selenium.support.ui.Select(portal.await(form).findElement(By.name("group")))
                    .getFirstSelectedOption().getText()).isEqualTo("all-bmcs (3 nodes, dynamic)");
            portal.fill(form, "name", "morning wake");
            portal.fill(form, "retries", "1");
            portal.fill(form, "retryDelay", "20s");
            new org.openqa.selenium.support.ui.Select(portal.await(form).findElement(By.name("afterWindow")))
                    .selectByValue("leave-on");
            portal.submit(form);
            portal.awaitText(By.cssSelector("main h1"), "morning wake");
            String campaign = browser.driver.getCurrentUrl().replaceAll(".*#/campaigns/", "");
            assertThat(appliance.appliance().campaigns().get(campaign).definition().retryDelay())
                    .isEqualTo(Duration.ofSeconds(20));
            // the page polls every 2 s and redraws: look again on each try
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "3".equals(
                    portal.await(By.cssSelector("#campaign-progress progress")).getDomProperty("value")));
            assertThat(portal.awaitText(fact("State"), "done")).isEqualTo("done");
            assertThat(portal.await(fact("Woken")).getText()).isEqualTo("1");
            assertThat(portal.await(fact("Already on")).getText()).isEqualTo("2");
            assertThat(portal.await(fact("Nodes")).getText())
                    .isEqualTo("group all-bmcs (dynamic), 3 nodes at window open");
            assertThat(portal.all(By.cssSelector("#campaign-chart svg path.series"))).hasSize(3);
            assertThat(portal.await(By.id("campaign-csv")).getDomAttribute("href")).endsWith("/report.csv");
            assertThat(portal.fetchInPage(portal.await(By.id("campaign-csv")).getDomAttribute("href")))
                    .startsWith("200");
            browser.screenshot(SHOTS.resolve("campaign.png"));
            assertThat(idrac.powerState()).isEqualTo(PowerState.ON);
            portal.go(nodeRoute);
            portal.await(By.cssSelector("button[data-action=cycle]"));

            idrac.inject(new Fault.ConnectionReset(1.0));
            portal.await(By.cssSelector("button[data-action=cycle]")).click();
            portal.await(By.cssSelector("dialog .btn-danger")).click();
            assertThat(portal.awaitText(By.id("power-outcome"), "Refused")).contains("power state is unknown");
            assertThat(portal.awaitText(By.id("power-state"), "unknown")).as("the state read before the refusal")
                    .contains("connection closed or reset");
            idrac.clearFaults();
            // help desk: "boot it into setup": the node is on, so the page cycles it into BIOS setup
            portal.await(By.cssSelector("button[data-action=bios]")).click();
            portal.await(By.cssSelector("dialog .btn-danger")).click();
            assertThat(portal.awaitText(By.id("power-outcome"), "done")).contains("Boot once into BIOS setup");
            await().atMost(Duration.ofSeconds(10)).until(() -> "BIOS".equals(idrac.lastBootSource()));
            browser.screenshot(SHOTS.resolve("node.png"));
            // a power action on what the list shows (the text filter too), as a job whose rows name the nodes
            portal.go("nodes?q=" + idrac.address());
            assertThat(portal.awaitText(By.cssSelector(".pager-info"), "of 1")).startsWith("1–1");
            portal.await(By.id("bulk-power")).click();
            By bulk = By.id("bulk-power-form");
            assertThat(portal.await(bulk).getText()).contains("Applies to the 1 node matching the filter");
            new org.openqa.selenium.support.ui.Select(portal.await(bulk).findElement(By.name("action")))
                    .selectByValue("on");
            portal.submit(bulk);
            String name = appliance.appliance().nodes().find(nodeRoute.replace("nodes/", "")).orElseThrow().name();
            portal.awaitText(By.cssSelector("main table.data tbody"), "already-on");
            assertThat(portal.await(By.cssSelector("main table.data tbody tr:first-child a")).getText())
                    .isEqualTo(name);
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy")
                    || m.contains("Refused to"));
            portal.logout();

            portal.loginAndWait("readonly", TestAppliance.READONLY_PW);
            portal.go(nodeRoute);
            portal.await(By.id("read-power"));
            assertThat(portal.all(By.cssSelector("button[data-action]"))).as("no power buttons for readonly").isEmpty();
            portal.go("nodes");
            portal.await(By.cssSelector("main table.data tbody a"));
            assertThat(portal.all(By.id("import-nodes"))).isEmpty();
            assertThat(portal.all(By.id("bulk-power"))).as("no bulk power for readonly").isEmpty();
        }
    }

    private static By fact(String term) {
        return By.xpath("//main//dt[.='" + term + "']/following-sibling::dd[1]");
    }

    private static String nodeRoute(Browser browser) {
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.indexOf('#') + 2);
    }
}
