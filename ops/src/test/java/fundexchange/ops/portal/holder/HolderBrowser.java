package fundexchange.ops.portal.holder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A minimal Chromium session for the holder pages' tests, kept apart from the portal's shared test infrastructure
 * (which was not on the branch when these tests were written): Debian's {@code chromium} and {@code chromedriver} at
 * fixed paths (never downloaded; a missing browser fails the test, it never skips), headless, its own profile, and
 * waits on DOM conditions only.
 */
final class HolderBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));
    /** How long a DOM condition may take on a busy machine: a bound on a wait, never a pause. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ChromeDriver driver;
    private final Path profile;
    private final String origin;

    private HolderBrowser(ChromeDriver driver, Path profile, String origin) {
        this.driver = driver;
        this.profile = profile;
        this.origin = origin;
    }

    /** Chromium in English at {@code origin} (http://localhost:port: a secure context, so WebCrypto works). */
    static HolderBrowser open(String origin) {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required at " + CHROMIUM + " (apt-get install chromium)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is required at " + CHROMEDRIVER
                + " (apt-get install chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("holder-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1400,2000", "--lang=en-US", "--user-data-dir=" + profile,
                    "--no-first-run", "--disable-extensions", "--disable-background-networking");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            // The driver's path as a system property (Selenium then never runs Selenium Manager, never downloads).
            System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
            ChromeDriver driver = new ChromeDriver(options);
            driver.get(origin + "/");
            return new HolderBrowser(driver, profile, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Signs in on the sign-in screen with a PKCS#8 PEM key file, and waits for the signed-in header. */
    void signIn(Path keyFile, String participant, String keyId) {
        find(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
        WebElement id = find(By.id("signin-participant"));
        id.clear();
        id.sendKeys(participant);
        WebElement key = find(By.id("signin-key-id"));
        key.clear();
        key.sendKeys(keyId);
        find(By.id("signin-submit")).click();
        await(d -> !d.findElements(By.id("fx-participant")).isEmpty());
    }

    /** Opens a page of the portal by its route ({@code #/<page>...}). */
    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0];", hash);
    }

    /** Chooses a language with the header's switch. */
    void language(String locale) {
        new Select(find(By.id("fx-language"))).selectByValue(locale);
        await(d -> locale.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    WebElement find(By by) {
        return await(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Waits until the element's text contains {@code text}; returns the whole text. */
    String awaitText(By by, String text) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            String current = found.isEmpty() ? "" : found.getFirst().getText();
            return current.contains(text) ? current : null;
        });
    }

    /** Waits until an element's attribute has {@code value}. */
    void awaitAttribute(By by, String attribute, String value) {
        await(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && value.equals(found.getFirst().getDomAttribute(attribute));
        });
    }

    void type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    void click(By by) {
        await(d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty() || !found.getFirst().isEnabled()) return null;
            found.getFirst().click();
            return true;
        });
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Saves a screenshot under {@code directory}/{@code name}.png. */
    Path screenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return origin;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
