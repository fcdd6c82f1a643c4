package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Drives the real portal in Debian's headless Chromium against the appliance started in-process on random loopback
 * ports with a fresh data directory: first-boot setup, sign-in errors, a credential profile whose secret must
 * never come back, role-aware controls, sign-out and session expiry. The tests share one appliance and run in order
 * (setup happens once per appliance); each gets a fresh browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    private static final String ADMIN_PASSWORD = "Correct-Horse-42-Battery";
    private static final String READONLY_PASSWORD = "Helpdesk-Sees-All-17";
    private static final String OPERATOR_PASSWORD = "Night-Shift-Operator-93";
    private static final String SECRET = "iDRAC-s3cret-Zq8!vX2#pW";
    private static final Path SHOTS = Path.of("target", "portal-screenshots");

    @TempDir
    static Path work;
    private TestAppliance appliance;
    private Browser browser;
    private PortalPage portal;

    @BeforeAll
    void startAppliance() throws Exception {
        appliance = TestAppliance.start(Files.createDirectories(work.resolve("data")), false, Clock.systemUTC(),
                Map.of());
    }

    @AfterAll
    void stopAppliance() throws Exception {
        if (appliance != null) appliance.close();
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        var accounts = appliance.appliance().accounts();
        if (test.getTags().isEmpty() && accounts.setupRequired()) {
            // the setup scenario failed: set up directly so the other scenarios still say something
            accounts.setup(ADMIN_PASSWORD, READONLY_PASSWORD, "test");
        }
        browser = Browser.start(Files.createDirectories(work.resolve("browser")));
        URI base = URI.create("https://127.0.0.1:" + appliance.appliance().httpsPort() + "/");
        portal = new PortalPage(browser.driver, base);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (browser == null) return;
        try {
            browser.screenshot(SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
            assertThat(browser.consoleMessages()).as("CSP violations in the console")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        } finally {
            browser.close();
            browser = null;
        }
    }

    @Test
    @Order(1)
    @Tag("setup")
    void firstBootSetupThroughThePortal() {
        portal.open("");
        By form = By.id("setup-form");
        portal.fill(form, "adminPassword", ADMIN_PASSWORD);
        portal.fill(form, "adminPasswordRepeat", ADMIN_PASSWORD + "x");
        portal.fill(form, "readonlyPassword", READONLY_PASSWORD);
        portal.fill(form, "readonlyPasswordRepeat", READONLY_PASSWORD);
        portal.submit(form);
        assertThat(portal.awaitText(By.cssSelector("#setup-form .form-alert"), "correct")).isNotBlank();
        assertThat(portal.all(By.cssSelector("[name=adminPasswordRepeat][aria-invalid=true]"))).hasSize(1);

        // the server's password policy answers per field; the portal shows it next to the field
        portal.fill(form, "adminPassword", "admin");
        portal.fill(form, "adminPasswordRepeat", "admin");
        portal.submit(form);
        portal.await(By.cssSelector("[name=adminPassword][aria-invalid=true]"));
        assertThat(portal.formError(form)).isNotBlank();

        portal.fill(form, "adminPassword", ADMIN_PASSWORD);
        portal.fill(form, "adminPasswordRepeat", ADMIN_PASSWORD);
        portal.submit(form);
        assertThat(portal.awaitText(By.id("login-message"), "Setup is complete")).contains("Sign in as admin");
        assertThat(portal.fetchInPage("/api/v1/setup")).startsWith("200").containsPattern("\"required\"\\s*:\\s*false");
    }

    @Test
    @Order(2)
    void wrongPasswordShowsTheServersMessageAndClearsThePassword() {
        portal.open("");
        portal.login("admin", "not-the-password");
        assertThat(portal.awaitText(By.cssSelector("#login-form .form-alert"), "incorrect"))
                .isEqualTo("User Name or Password is incorrect");
        assertThat(portal.await(By.name("password")).getDomProperty("value")).isEmpty();
        assertThat(portal.all(By.id("logout"))).isEmpty();
    }

    @Test
    @Order(3)
    void adminCreatesACredentialProfileAndTheSecretNeverComesBack() {
        portal.open("");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        portal.go("credentials");
        portal.await(By.id("new-profile")).click();
        By form = By.id("profile-form");
        portal.fill(form, "name", "idrac-rack-7");
        portal.fill(form, "username", "root");
        portal.fill(form, "password", SECRET);
        portal.submit(form);

        String row = portal.awaitText(By.cssSelector("table.data tbody"), "idrac-rack-7");
        assertThat(row).contains("root").contains("set");
        assertThat(portal.all(By.id("profile-form"))).as("the dialog closed").isEmpty();
        assertNoSecretAnywhere();

        // editing shows "set", never the stored password
        portal.await(By.cssSelector("button[aria-label='Edit idrac-rack-7']")).click();
        assertThat(portal.await(By.cssSelector("#profile-form [name=password]")).getDomProperty("value")).isEmpty();
        assertThat(portal.awaitText(By.id("profile-form"), "Currently set")).isNotBlank();
        assertNoSecretAnywhere();
    }

    private void assertNoSecretAnywhere() {
        assertThat(portal.pageSource()).doesNotContain(SECRET);
        assertThat(portal.liveDom()).doesNotContain(SECRET);
        var bodies = browser.responseBodies("/api/v1/");
        assertThat(bodies).as("API responses the page received")
                .anyMatch(b -> b.contains("idrac-rack-7"))
                .noneMatch(b -> b.contains(SECRET));
        String list = portal.fetchInPage("/api/v1/credential-profiles");
        assertThat(list).startsWith("200").contains("idrac-rack-7").doesNotContain(SECRET);
    }

    @Test
    @Order(4)
    void readonlyUserSeesNoMutatingControls() {
        portal.open("");
        portal.loginAndWait("readonly", READONLY_PASSWORD);
        portal.await(By.cssSelector("nav a[data-route=jobs]"));
        assertThat(portal.all(By.cssSelector("nav a[data-route]")))
                .extracting(e -> e.getDomAttribute("data-route"))
                .containsExactly("dashboard", "nodes", "groups", "campaigns", "jobs", "audit");
        for (String page : new String[] {"dashboard", "jobs", "audit", "account"}) {
            portal.go(page);
            portal.await(By.cssSelector("main h1"));
            assertThat(portal.all(By.cssSelector(
                    "main .btn-danger, main .btn-danger-quiet, #new-profile, #new-user, #new-token, a[download]")))
                    .as("mutating controls on %s", page).isEmpty();
        }
        // keyboard: g then a opens the activity log, / focuses its filter
        portal.keys("g", "a");
        assertThat(portal.awaitText(By.cssSelector("main h1"), "Activity log")).isEqualTo("Activity log");
        portal.keys("/");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("name")).isEqualTo("q");
        portal.go("credentials");
        assertThat(portal.awaitText(By.cssSelector("main h1"), "Not allowed")).isEqualTo("Not allowed");
        assertThat(portal.fetchInPage("/api/v1/credential-profiles")).startsWith("403");
    }

    @Test
    @Order(5)
    void signOutEndsTheSession() {
        portal.open("");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        portal.logout();
        assertThat(portal.awaitText(By.id("login-message"), "signed out")).isNotBlank();
        assertThat(portal.fetchInPage("/api/v1/sessions/current")).startsWith("401");
        portal.open("dashboard");
        portal.await(By.id("login-form"));
    }

    @Test
    @Order(6)
    void anExpiredSessionReturnsToTheLoginWithAMessage() {
        portal.open("");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        browser.driver.manage().deleteAllCookies();
        portal.go("users");
        assertThat(portal.awaitText(By.id("login-message"), "expired")).contains("Sign in again");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        assertThat(portal.awaitText(By.cssSelector("main h1"), "Users")).isEqualTo("Users");
    }

    @Test
    @Order(7)
    void anOperatorAddedByTheAdminRunsTheSelfTestAndWatchesItFinish() {
        portal.open("");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        portal.go("users");
        portal.await(By.id("new-user")).click();
        By form = By.id("user-form");
        portal.fill(form, "username", "night-shift");
        portal.fill(form, "password", OPERATOR_PASSWORD);
        portal.fill(form, "passwordRepeat", OPERATOR_PASSWORD);
        portal.submit(form);
        assertThat(portal.awaitText(By.cssSelector("table.data tbody"), "night-shift")).contains("operator");
        portal.logout();

        portal.loginAndWait("night-shift", OPERATOR_PASSWORD);
        assertThat(portal.all(By.cssSelector("nav a[data-route]")))
                .extracting(e -> e.getDomAttribute("data-route")).containsExactly("dashboard", "nodes", "groups", "campaigns", "jobs", "audit");
        portal.go("jobs");
        portal.await(By.id("run-self-test")).click();
        portal.await(By.cssSelector("main progress"));
        String state = portal.awaitFinalJobState();
        assertThat(state).isIn("succeeded", "partially failed", "failed");
        assertThat(portal.all(By.cssSelector("main tbody tr")))
                .extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactlyInAnyOrder("database", "vault", "tls-certificate", "disk-space");
        assertThat(portal.all(By.xpath("//button[normalize-space()='Cancel job']"))).as("finished: no cancel").isEmpty();
        assertThat(portal.all(By.cssSelector("main progress[value='1']"))).as("a full bar per target").hasSize(4);

        // the operator changes their own password under My account and signs in with the new one
        portal.await(By.cssSelector("a[href='#/account']")).click();
        By change = By.id("password-form");
        portal.fill(change, "currentPassword", OPERATOR_PASSWORD);
        portal.fill(change, "newPassword", OPERATOR_PASSWORD + "-new");
        portal.fill(change, "newPasswordRepeat", OPERATOR_PASSWORD + "-new");
        portal.submit(change);
        portal.awaitText(By.id("status"), "password has been changed");
        portal.logout();
        portal.loginAndWait("night-shift", OPERATOR_PASSWORD + "-new");
    }

    @Test
    @Order(8)
    void adminRequestsASignedCertificateAndInstallsIt() throws Exception {
        portal.open("");
        portal.loginAndWait("admin", ADMIN_PASSWORD);
        portal.go("tls");
        By current = By.cssSelector("main .card");
        assertThat(portal.awaitText(current, "self-signed")).contains("CN=localhost");

        By csrForm = By.id("csr-form");
        portal.fill(csrForm, "commonName", "lightsout.example.test");
        portal.fill(csrForm, "subjectAlternativeNames", "lightsout, bad_name!");
        portal.submit(csrForm);
        assertThat(portal.awaitText(By.cssSelector("#csr-form .field-textarea .field-error"), "Entry 2"))
                .contains("Not a host name or IP address");
        portal.fill(csrForm, "subjectAlternativeNames", "lightsout\n10.0.0.5");
        portal.submit(csrForm);
        String csr = portal.await(By.cssSelector("textarea.pem")).getDomProperty("value");
        assertThat(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        By upload = By.id("cert-form");
        portal.fill(upload, "pem", TestCa.pem(TestCa.unrelated("someone-else")));
        portal.submit(upload);
        assertThat(portal.awaitText(By.cssSelector("#cert-form .form-alert"), "does not match")).contains("CSR");

        var ca = new TestCa("Portal Test CA");
        Path chain = work.resolve("chain.pem");
        Files.writeString(chain, TestCa.pem(ca.sign(csr), ca.certificate()));
        portal.await(By.id("tls-file")).sendKeys(chain.toAbsolutePath().toString());
        portal.awaitValue(By.cssSelector("#cert-form textarea"), "-----END CERTIFICATE-----");
        portal.submit(upload);
        assertThat(portal.awaitText(current, "CN=lightsout.example.test"))
                .contains("CN=Portal Test CA").contains("10.0.0.5").doesNotContain("self-signed");
    }
}
