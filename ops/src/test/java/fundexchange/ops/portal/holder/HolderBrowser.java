package fundexchange.ops.portal.holder;

import fundexchange.ops.portal.PortalBrowser;
import fundexchange.ops.portal.PortalKeyFiles;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A holder's browser for the holder pages' tests: the shared {@link PortalBrowser} (Debian's Chromium, its own
 * profile, never downloaded, failing when missing), with the steps these tests repeat: signing in with a key file,
 * moving between routes, and typing, clicking and reading elements that a live refresh may redraw meanwhile (a stale
 * element is looked up again). Every wait is on a DOM condition.
 */
public final class HolderBrowser implements AutoCloseable {
    /** How long a DOM condition may take on a busy 2-core machine: a bound on a wait, never a pause. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final PortalBrowser portal;

    private HolderBrowser(PortalBrowser portal) {
        this.portal = portal;
    }

    /** Chromium preferring English, at the portal of {@code origin}; a tall window, so screenshots hold whole pages. */
    public static HolderBrowser open(String origin) {
        PortalBrowser portal = PortalBrowser.open(URI.create(origin), "en-US");
        portal.driver().manage().window().setSize(new Dimension(1400, 2000));
        portal.load("/");
        return new HolderBrowser(portal);
    }

    /**
     * Chromium preferring English at the portal of {@code origin}, signed in as {@code participant} with its first key
     * ({@code <participant>-k1}), whose plain key file is written into {@code keyDirectory} ({@link PortalKeyFiles});
     * closed again if the sign-in fails.
     */
    public static HolderBrowser signedIn(String origin, Path keyDirectory, String participant, PrivateKey key) {
        PortalKeyFiles.plain(keyDirectory, participant + "-k1", key);
        HolderBrowser browser = open(origin);
        try {
            browser.signInAs(keyDirectory, participant);
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    public WebDriver driver() {
        return portal.driver();
    }

    /** Signs in on the sign-in screen with a PKCS#8 PEM key file, and waits for the signed-in header. */
    public void signIn(Path keyFile, String participant, String keyId) {
        find(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
        type(By.id("signin-participant"), participant);
        type(By.id("signin-key-id"), keyId);
        click(By.id("signin-submit"));
        find(By.id("fx-participant"));
    }

    /** Signs in as {@code participant} with its first key's file in {@code keyDirectory}, as {@link PortalKeyFiles} names it. */
    public void signInAs(Path keyDirectory, String participant) {
        String keyId = participant + "-k1";
        signIn(PortalKeyFiles.file(keyDirectory, keyId), participant, keyId);
    }

    /** Opens a page of the portal by its route ({@code #/<page>...}). */
    public void go(String hash) {
        portal.driver().executeScript("location.hash = arguments[0];", hash);
    }

    /** Chooses a language with the header's switch, and waits until the page is in it. */
    public void language(String locale) {
        new Select(find(By.id("fx-language"))).selectByValue(locale);
        await(d -> locale.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    /** Chooses {@code value} in a select. */
    public void choose(By by, String value) {
        new Select(find(by)).selectByValue(value);
    }

    public WebElement find(By by) {
        return await(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Waits until the element's text contains {@code text}; returns the whole text. */
    public String awaitText(By by, String text) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            String current = found.isEmpty() ? "" : found.getFirst().getText();
            return current.contains(text) ? current : null;
        });
    }

    /** Waits until an element's attribute has {@code value}. */
    public void awaitAttribute(By by, String attribute, String value) {
        await(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && value.equals(found.getFirst().getDomAttribute(attribute));
        });
    }

    public void type(By by, String text) {
        await(d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty()) return null;
            found.getFirst().clear();
            found.getFirst().sendKeys(text);
            return true;
        });
    }

    /** Clicks the element once it is there and enabled. */
    public void click(By by) {
        await(d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty() || !found.getFirst().isEnabled()) return null;
            found.getFirst().click();
            return true;
        });
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(portal.driver(), PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** The listing id an accepted write's outcome names ("listing <id>"), once it names another than {@code previous}. */
    public long listingOfOutcome(long previous) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#holder-outcome[data-state='accepted']"));
            if (found.isEmpty()) return null;
            Matcher m = Pattern.compile("listing (\\d+)").matcher(found.getFirst().getText());
            return m.find() && Long.parseLong(m.group(1)) != previous ? Long.parseLong(m.group(1)) : null;
        });
    }

    /** Saves a screenshot as {@code target/portal-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return portal.screenshot(name);
    }

    /**
     * The console's errors but the browser's own line for each refused request ("Failed to load resource: ... 409"),
     * which a refusal the page explains always leaves.
     */
    public List<String> consoleErrors() {
        return portal.consoleErrors().stream().filter(line -> !line.contains("Failed to load resource")).toList();
    }

    @Override
    public void close() {
        portal.close();
    }
}
