package io.lightsout.appliance.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a user does in the portal, in the portal's own terms (fields by name, buttons by label). */
final class PortalPage {
    private final RemoteWebDriver driver;
    private final URI base;
    private final WebDriverWait wait;

    PortalPage(RemoteWebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String hashRoute) {
        driver.get(base.resolve("/" + (hashRoute.isEmpty() ? "" : "#/" + hashRoute)).toString());
    }

    void go(String hashRoute) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", "#/" + hashRoute);
    }

    WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until `locator` shows text containing `text`, and returns the element's whole text. */
    String awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator).getText();
    }

    /** Waits until a form control's current value contains `text`. */
    void awaitValue(By locator, String text) {
        wait.until(d -> String.valueOf(d.findElement(locator).getDomProperty("value")).contains(text));
    }

    /** Types keys one after another at whatever has focus, as a user at the keyboard would. */
    void keys(String... keys) {
        var actions = new Actions(driver);
        for (String key : keys) actions.sendKeys(key);
        actions.perform();
    }

    void fill(By form, String name, String value) {
        WebElement input = await(form).findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    void submit(By form) {
        await(form).findElement(By.cssSelector("button[type=submit]")).click();
    }

    void login(String username, String password) {
        By form = By.id("login-form");
        fill(form, "username", username);
        fill(form, "password", password);
        submit(form);
    }

    void loginAndWait(String username, String password) {
        login(username, password);
        await(By.id("logout"));
    }

    void logout() {
        await(By.id("logout")).click();
        await(By.id("login-form"));
    }

    /** The form-level error the portal shows from a problem+json `detail`. */
    String formError(By form) {
        return await(form).findElement(By.cssSelector(".form-alert")).getText();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** The live DOM as the browser holds it now, including the current value of every form control. */
    String liveDom() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const values = [...document.querySelectorAll('input, textarea, select')].map(e => e.value).join('\\n');
                return document.documentElement.outerHTML + '\\n' + values;""");
    }

    /** Calls the API from inside the page (same cookie, same origin) and returns "status\\nbody". */
    String fetchInPage(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => done(r.status + '\\n' + await r.text()))
                  .catch(e => done('error\\n' + e));""", path);
    }

    /** On a job page: waits until the job has a final state and returns it as shown ("partially failed"). */
    String awaitFinalJobState() {
        By state = By.xpath("//dt[.='State']/following-sibling::dd[1]");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !List.of("queued", "running")
                .contains(d.findElement(state).getText().strip()));
        return driver.findElement(state).getText().strip();
    }
}
