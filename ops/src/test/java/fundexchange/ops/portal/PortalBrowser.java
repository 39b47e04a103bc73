package fundexchange.ops.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser for portal tests: Debian's Chromium, headless, driven by Debian's chromedriver, with a fresh
 * profile of its own (so each participant has its own IndexedDB, localStorage and tabs). Selenium is given both paths,
 * so it never runs Selenium Manager or goes to the network; a machine without Chromium fails the test (never skips
 * it). Waits are on DOM conditions only.
 */
public final class PortalBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go (the module's target directory, as surefire runs in the module). */
    public static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    /** How long a DOM condition may take on a loaded 2-core machine; a passing condition returns at once. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;

    private PortalBrowser(URI base, Path profile, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * A browser for {@code base} (the exchange's origin) whose user prefers {@code acceptLanguage} (e.g. "zh-CN" or
     * "en-US").
     *
     * @throws AssertionError when Chromium or chromedriver is not installed (.ci/run installs them)
     */
    public static PortalBrowser open(URI base, String acceptLanguage) {
        for (Path required : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(required)) {
                throw new AssertionError(required + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install -y --no-install-recommends chromium chromium-driver; .ci/run does)");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("portal-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile,
                "--lang=" + acceptLanguage, "--accept-lang=" + acceptLanguage);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new PortalBrowser(base, profile, new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code path} of the exchange's origin. */
    public PortalBrowser load(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** The element once it is visible. */
    public WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until {@code condition} holds, returning its value. */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** The element's text once it equals {@code text}. */
    public void awaitText(By locator, String text) {
        await(ExpectedConditions.textToBe(locator, text));
    }

    /** Runs an asynchronous script in the page; its last argument is the callback. */
    public Object script(String source, Object... args) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return ((JavascriptExecutor) driver).executeAsyncScript(source, args);
    }

    /** Saves a screenshot of the window as {@code target/portal-screenshots/<name>.png}; returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's messages since the last call, as "LEVEL message". */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /** The console's errors since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
