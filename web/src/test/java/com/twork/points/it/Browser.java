package com.twork.points.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (never a downloaded browser): a fresh profile per
 * browser, a free port for the driver, screenshots under {@code target/console-screenshots}.
 */
public final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private final ChromeDriver driver;
    private final Path profile;

    public Browser() {
        try {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a console page ({@code /admin/...}) on the shared test server. */
    public void open(String path) {
        driver.get(Api.base() + path);
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public String text(String id) {
        return find(id).getText();
    }

    /** The success message after a redirect; when there is none, fails with what the page said instead. */
    public String notice() {
        if (!has("notice")) {
            String messages = has("messages") ? text("messages") : "";
            throw new AssertionError("No notice on \"" + driver.getTitle() + "\" (" + driver.getCurrentUrl()
                    + "); the page said: " + messages + " "
                    + driver.findElement(By.tagName("main")).getText());
        }
        return text("notice");
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public void type(String id, String value) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks a submit button and waits for the next page to load. */
    public void submit(String buttonId) {
        WebElement button = find(buttonId);
        button.click();
        awaitNextPage(button);
    }

    /** Clicks a button that asks for confirmation, accepts it, waits for the next page; returns the question. */
    public String submitConfirmed(String buttonId) {
        WebElement button = find(buttonId);
        button.click();
        org.openqa.selenium.Alert alert =
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        awaitNextPage(button);
        return question;
    }

    /** Follows a link and waits for the next page. */
    public void follow(String linkId) {
        WebElement link = find(linkId);
        link.click();
        awaitNextPage(link);
    }

    /**
     * Waits until the page that held {@code old} is gone and the next one has loaded. Chromium sometimes answers
     * a question about a node of the unloading page with "does not belong to the document": that, too, means the
     * old page is gone.
     */
    private void awaitNextPage(WebElement old) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ignored -> {
            try {
                old.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                return String.valueOf(e.getMessage()).contains("does not belong to the document");
            }
        });
        wait.until(ignored -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Signs in as {@code login}, leaving whatever session this browser had (a signed-in session skips the form). */
    public void login(String login, String password) {
        open("/admin/login.xhtml");
        driver.manage().deleteAllCookies();
        open("/admin/login.xhtml");
        type("login:name", login);
        type("login:password", password);
        submit("login:submit");
    }

    /**
     * Runs axe-core (test resource {@code axe/axe.min.js}, see its README) on the current page and answers its
     * violations of "serious" or "critical" impact, each as "rule (impact): help at selectors"; empty when none.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> seriousAccessibilityViolations() {
        driver.executeScript(AXE.get());
        Object found = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (result) {"
                + "  done(result.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}, function (error) { done(['axe failed: ' + error]); });");
        return (java.util.List<String>) found;
    }

    private static final java.util.function.Supplier<String> AXE = new java.util.function.Supplier<>() {
        private String source;

        @Override
        public synchronized String get() {
            if (source == null) {
                try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                    source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return source;
        }
    };

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
