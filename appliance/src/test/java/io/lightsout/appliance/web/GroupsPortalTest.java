package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.nodes.NodeFilter;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The groups page in headless Chromium: an admin creates a static group, adds a node found by its address and
 * removes it again, creates a dynamic group by type and sees its size, deletes a group after confirming; a readonly
 * user sees the groups and their members but no way to change them.
 */
class GroupsPortalTest {
    private static final Path SHOTS = Path.of("target", "portal-screenshots");

    @TempDir
    Path work;

    @Test
    void adminBuildsStaticAndDynamicGroupsWhileReadonlyOnlyLooks() throws Exception {
        SecureRandom r = new SecureRandom();
        String base = "127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200));
        try (Lab lab = Lab.builder().idrac(2).amt(1).base(base).idracPort(0).amtPort(0).start();
             TestAppliance appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
             Browser browser = Browser.start(Files.createDirectories(work.resolve("browser")))) {
            Path csv = work.resolve("lab.csv");
            lab.writeInventory(csv);
            assertThat(appliance.appliance().nodes().importCsv(Files.readString(csv), "test", null).imported())
                    .isEqualTo(3);
            SimulatedBmc idrac = lab.bmcs().stream().filter(b -> b.type().name().equals("IDRAC")).findFirst()
                    .orElseThrow();
            String name = appliance.appliance().nodes().list(new NodeFilter(null, null, null, null, idrac.address()),
                    "name", false, 0, 5).items().getFirst().name();
            PortalPage portal = new PortalPage(browser.driver,
                    URI.create("https://127.0.0.1:" + appliance.appliance().httpsPort() + "/"));
            portal.open("");
            portal.loginAndWait("admin", TestAppliance.ADMIN_PW);
            portal.go("groups");
            portal.awaitText(By.cssSelector("main table.data"), "No groups yet");

            portal.await(By.id("new-group")).click();
            By form = By.id("group-form");
            portal.fill(form, "name", "desk");
            portal.submit(form);
            assertThat(row(portal, "desk")).contains("static").endsWith("0 Members Delete");

            portal.await(By.cssSelector("button[data-members=desk]")).click();
            portal.awaitText(By.id("group-members"), "No members yet");
            portal.fill(By.id("member-find"), "q", idrac.address());
            portal.submit(By.id("member-find"));
            portal.await(By.cssSelector("#group-candidates button[aria-label='Add " + name + "']")).click();
            portal.awaitText(By.id("group-members"), name);
            assertThat(size(appliance, "desk")).isEqualTo(1);
            browser.screenshot(SHOTS.resolve("group-members.png"));
            portal.await(By.cssSelector("#group-members button[aria-label='Remove " + name + "']")).click();
            portal.awaitText(By.id("group-members"), "No members yet");
            assertThat(size(appliance, "desk")).isZero();
            portal.await(By.cssSelector("dialog .dialog-head button[aria-label=Close]")).click();

            portal.await(By.id("new-group")).click();
            portal.fill(form, "name", "all-idracs");
            new Select(portal.await(form).findElement(By.name("kind"))).selectByValue("dynamic");
            new Select(portal.await(form).findElement(By.name("type"))).selectByValue("IDRAC");
            portal.submit(form);
            assertThat(row(portal, "all-idracs")).contains("dynamic").contains("Dell iDRAC").contains(" 2 ");
            browser.screenshot(SHOTS.resolve("groups.png"));

            portal.await(By.cssSelector("button[aria-label='Delete desk']")).click();
            portal.await(By.cssSelector("dialog .btn-danger")).click();
            portal.awaitText(By.cssSelector("main table.data tbody"), "all-idracs");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> appliance.appliance().groups().list().stream().noneMatch(g -> g.name().equals("desk")));
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy")
                    || m.contains("Refused to"));
            portal.logout();

            portal.loginAndWait("readonly", TestAppliance.READONLY_PW);
            portal.go("groups");
            assertThat(row(portal, "all-idracs")).contains("dynamic").doesNotContain("Delete");
            assertThat(portal.all(By.id("new-group"))).as("no changes for readonly").isEmpty();
            portal.await(By.cssSelector("button[data-members=all-idracs]")).click();
            portal.awaitText(By.id("group-members"), name);
            assertThat(portal.all(By.id("member-find"))).isEmpty();
            assertThat(portal.all(By.cssSelector("#group-members button"))).isEmpty();
        }
    }

    /** The text of the group's row, once the table shows it. */
    private static String row(PortalPage portal, String group) {
        By row = By.xpath("//main//table[contains(@class,'data')]//tr[td[normalize-space()='" + group + "']]");
        WebElement tr = portal.await(row);
        return tr.getText().replaceAll("\\s+", " ").strip();
    }

    private static long size(TestAppliance appliance, String group) {
        NodeGroups groups = appliance.appliance().groups();
        return groups.memberIds(groups.get(group)).size();
    }
}
