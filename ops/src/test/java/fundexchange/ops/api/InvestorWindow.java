package fundexchange.ops.api;

import fundexchange.ops.portal.PortalBrowser;
import fundexchange.ops.portal.PortalKeyFiles;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One participant's portal window in its own Chromium profile, signed in with its key file: moves between pages by the
 * location hash (a reload would drop the key, which lives in the tab's memory only), writes through the page's forms,
 * and waits on DOM conditions only.
 */
final class InvestorWindow implements AutoCloseable {
    private final PortalBrowser browser;
    private final String participant;
    private final Path keyFile;

    private InvestorWindow(PortalBrowser browser, String participant, Path keyFile) {
        this.browser = browser;
        this.participant = participant;
        this.keyFile = keyFile;
    }

    /** Opens a browser preferring {@code language} and signs in as {@code participant} with a plain key file. */
    static InvestorWindow signIn(URI uri, String language, Path keyDirectory, String participant, KeyPair keys) {
        Path keyFile = PortalKeyFiles.plain(keyDirectory, participant + "-k1", keys.getPrivate());
        PortalBrowser browser = PortalBrowser.open(uri, language);
        try {
            browser.load("/");
            InvestorWindow window = new InvestorWindow(browser, participant, keyFile);
            window.signInHere();
            return window;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    /** Signs in on the sign-in screen of the current tab with this participant's key file. */
    private void signInHere() {
        browser.await(By.id("signin-file")).sendKeys(keyFile.toAbsolutePath().toString());
        browser.await(ExpectedConditions.attributeToBe(By.id("signin-key-id"), "value", participant + "-k1"));
        browser.await(By.id("signin-submit")).click();
        browser.awaitText(By.id("account-participant"), participant);
    }

    /**
     * Opens another tab of this browser (same profile) at the portal, signs in there with the same key file (a key
     * lives in one tab's memory only), and stays in it; returns its window handle.
     */
    String openTab() {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.load("/");
        signInHere();
        return browser.driver().getWindowHandle();
    }

    /** Makes the tab {@code handle} the one the next steps drive. */
    InvestorWindow tab(String handle) {
        browser.driver().switchTo().window(handle);
        return this;
    }

    /** The handle of the tab the steps drive now. */
    String currentTab() {
        return browser.driver().getWindowHandle();
    }

    /** Closes the current tab (as a person closes it) and drives the tab {@code next} from then on. */
    InvestorWindow closeTab(String next) {
        browser.driver().close();
        return tab(next);
    }

    /**
     * The window of a browser already signed in as {@code participant} (e.g. through a local signing agent); it has no
     * key file, so it cannot open further tabs.
     */
    static InvestorWindow signedIn(PortalBrowser browser, String participant) {
        return new InvestorWindow(browser, participant, null);
    }

    PortalBrowser browser() {
        return browser;
    }

    String participant() {
        return participant;
    }

    /** Shows {@code #/<route>} (a hash change: the page reads afresh, the session stays). */
    InvestorWindow go(String route) {
        browser.driver().executeScript("location.hash = arguments[0];", "#/" + route);
        return this;
    }

    /** Shows a listing's page, read afresh, and waits until it shows that listing in {@code status}. */
    InvestorWindow listing(long listingId, String status) {
        go("account");
        browser.await(By.id("account-participant"));
        go("investor-listings/" + listingId);
        return awaitListing(listingId, status);
    }

    InvestorWindow awaitListing(long listingId, String status) {
        return awaitAttributes(By.id("listing-page"), "data-listing", String.valueOf(listingId), "data-status", status);
    }

    /**
     * Waits until the element {@code locator} finds carries every attribute value given (name, value, ...); an element
     * the page re-rendered meanwhile is looked up again.
     */
    InvestorWindow awaitAttributes(By locator, String... namesAndValues) {
        browser.await(driver -> {
            try {
                WebElement element = driver.findElement(locator);
                for (int i = 0; i < namesAndValues.length; i += 2) {
                    if (!namesAndValues[i + 1].equals(element.getDomAttribute(namesAndValues[i]))) {
                        return false;
                    }
                }
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
        return this;
    }

    /** Waits until this tab's part in the live stream (the header's {@code data-live}) is {@code role}. */
    InvestorWindow awaitLive(String role) {
        return awaitAttributes(By.id("fx-live"), "data-live", role);
    }

    /**
     * Waits until this tab has heard the participant's feed up to journal index {@code index} (the header's
     * {@code data-cursor}: the last feed cursor the tab heard, from its own stream or from the tab that reads it).
     */
    InvestorWindow awaitHeard(long index) {
        browser.await(driver -> {
            try {
                String cursor = driver.findElement(By.id("fx-live")).getDomAttribute("data-cursor");
                return cursor != null && Long.parseLong(cursor) >= index;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return false;
            }
        });
        return this;
    }

    /** An attribute of the header's live indicator. */
    String live(String attribute) {
        return browser.await(By.id("fx-live")).getDomAttribute(attribute);
    }

    /** Waits until the auction's end shown is {@code endsAt} (epoch ms). */
    InvestorWindow awaitEndsAt(long endsAt) {
        return awaitAttributes(By.id("auction-ends-at"), "data-ends-at", String.valueOf(endsAt));
    }

    /** Waits until the listing page shows {@code count} bids. */
    InvestorWindow awaitBids(int count) {
        browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#auction-bids tr[data-bid]"), count));
        return this;
    }

    /** The number of writes the page has finished (its outcome line's data-writes). */
    int writes(String outcomeId) {
        return Integer.parseInt(browser.await(By.id(outcomeId)).getDomAttribute("data-writes"));
    }

    /**
     * Types {@code values} into the fields (id to text), clicks {@code button}, and waits until the page shows this
     * write's outcome: {@code expectedCode} ("ok" for accepted, else the refusal's code).
     */
    InvestorWindow submit(String outcomeId, String button, String expectedCode, String... fieldsAndValues) {
        int before = writes(outcomeId);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            WebElement field = browser.await(By.id(fieldsAndValues[i]));
            field.clear();
            field.sendKeys(fieldsAndValues[i + 1]);
        }
        browser.await(ExpectedConditions.elementToBeClickable(By.id(button))).click();
        awaitAttributes(By.id(outcomeId), "data-writes", String.valueOf(before + 1));
        String code = browser.driver().findElement(By.id(outcomeId)).getDomAttribute("data-code");
        if (!expectedCode.equals(code)) {
            throw new AssertionError("expected outcome " + expectedCode + " but the page shows " + code + ": "
                    + browser.driver().findElement(By.id(outcomeId)).getText() + " / "
                    + browser.driver().findElement(By.id(outcomeId)).getDomAttribute("title"));
        }
        return this;
    }

    /** Switches the portal's language (the header's persistent switch). */
    InvestorWindow language(String locale, String accountNavText) {
        new Select(browser.driver().findElement(By.id("fx-language"))).selectByValue(locale);
        browser.awaitText(By.id("fx-nav-account"), accountNavText);
        return this;
    }

    /** The page as the browser holds it now (the DOM serialised). */
    String source() {
        return browser.driver().getPageSource();
    }

    /**
     * The console's errors but the browser's own line for each refused request ("Failed to load resource: ... 409"),
     * which a refusal the page explains always leaves.
     */
    List<String> consoleErrors() {
        return browser.consoleErrors().stream().filter(line -> !line.contains("Failed to load resource")).toList();
    }

    /** Waits until {@code selector} matches at least one element whose text contains {@code text}. */
    InvestorWindow awaitTextIn(String selector, String text) {
        browser.await(driver -> {
            try {
                return driver.findElements(By.cssSelector(selector)).stream().anyMatch(element -> element.getText().contains(text));
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        return this;
    }

    /** Shows each investor page in turn and saves a screenshot of it as {@code investor-<page>-<label>}. */
    InvestorWindow screenshotEveryPage(String label) {
        for (String page : List.of("investor-listings", "investor-book", "investor-positions", "investor-bids",
                "investor-transfers", "investor-qualification")) {
            go(page);
            String title = browser.await(By.id("fx-nav-" + page)).getText();
            browser.await(ExpectedConditions.textToBe(By.cssSelector(".fx-main .fx-page h1"), title));
            browser.await(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fx-main .fx-busy")));
            browser.screenshot(page + "-" + label);
        }
        return this;
    }

    @Override
    public void close() {
        browser.close();
    }
}
