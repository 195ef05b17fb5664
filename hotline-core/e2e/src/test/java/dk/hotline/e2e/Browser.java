package dk.hotline.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at a browser: Debian's headless Chromium driven by chromium-driver (apt packages chromium and
 * chromium-driver; no browser is downloaded). Each instance is one browser profile, so two instances are two
 * people (or one person's two machines). Screenshots go to docs/screens/, where the README shows them.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENS = Repo.ROOT.resolve("docs/screens");
    private static final Path AXE = Repo.ROOT.resolve("hotline-core/web/target/axe/axe.min.js");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new browser with an empty profile, 1280×900, Danish as its language. */
    public static Browser open() {
        try {
            Path profile = Files.createTempDirectory("hotline-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(setting("HOTLINE_CHROMIUM", "/usr/bin/chromium"));
            // Headless as root on a machine with no outside network: no sandbox, no GPU, no background calls home.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--lang=da-DK",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da-DK,da"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(setting("HOTLINE_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this machine has the browser and its driver (the tests say so plainly and skip when not). */
    public static boolean available() {
        return Files.isExecutable(Path.of(setting("HOTLINE_CHROMIUM", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(setting("HOTLINE_CHROMEDRIVER", "/usr/bin/chromedriver")));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** Waits (up to 15 s) until an element is visible, and answers it. */
    public WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(15));
    }

    public WebElement waitFor(By by, Duration atMost) {
        return new WebDriverWait(driver, atMost).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits for the real Keycloak login page. Generous: on a busy machine Keycloak's first rendering of its login
     * theme takes far longer than any page of ours.
     */
    public WebElement waitForKeycloakLogin() {
        return waitFor(By.id("kc-login"), Duration.ofSeconds(90));
    }

    /** Signs in on the real Keycloak login page the browser was sent to. */
    public Browser signInAtKeycloak(String username, String password) {
        waitForKeycloakLogin();
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /** Writes docs/screens/{name}.png: what a person sees now. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENS);
            Path file = SCREENS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls the element to the top of the window first, then {@link #screenshot(String)}. */
    public Path screenshot(String name, By showing) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -16);", driver.findElement(showing));
        return screenshot(name);
    }

    /**
     * What a failed test leaves to look at (target/…/failed): the screenshot, the page source and the address, so
     * that a red run in CI says what the browser saw.
     */
    public void keepEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".url.txt"), String.valueOf(driver.getCurrentUrl()));
            Files.writeString(dir.resolve(name + ".html"), String.valueOf(driver.getPageSource()));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("no evidence from the browser for " + name + ": " + e);
        }
    }

    /**
     * Runs axe-core (npm, installed at build time by hotline-core/web) in the page and fails on any serious or
     * critical violation, naming each rule and the elements it found.
     */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String what) {
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not built: run mvn package -pl hotline-core/web", e);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
        assertThat(result.get("error")).as("axe-core failed on %s", what).isNull();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        List<String> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at "
                        + ((List<Map<String, Object>>) v.get("nodes")).stream().map(n -> String.valueOf(n.get("target"))).toList())
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on %s", what).isEmpty();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
