package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.portal.PortalBrowser;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The interactive API docs in Debian's Chromium against a real node (issue 24): a person who signs nothing opens
 * {@code /docs} and reads the endpoints of the served document, in a sandbox whose opaque origin reaches none of the
 * portal's storage, with no console error (so no CSP violation) and no way to send a request from the page.
 */
@ServerTest
class ApiDocsBrowserTest {
    private static ApiMarket market;
    private static URI uri;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("apidocs");
        market.configure(builder);
    }

    @BeforeAll
    static void address(URI serverUri) {
        uri = serverUri;
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void aPersonWhoSignsNothingReadsEveryEndpointInASandboxThatCannotReachThePortalsStorage() {
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/docs");
            WebElement exchange = browser.await(By.xpath(
                    "//*[contains(@class,'opblock-summary-path')][@data-path='/exchange']"));
            assertEquals("/exchange", exchange.getAttribute("data-path"));
            browser.await(By.xpath("//*[contains(@class,'opblock-summary-operation-id')][text()='getExchange']"));
            List<WebElement> operations = browser.driver().findElements(By.cssSelector(".opblock-summary-path"));
            assertTrue(operations.size() >= 90, "every operation of the document is listed: " + operations.size());
            assertEquals("Fund Share Exchange API", browser.driver().findElement(By.cssSelector(".info .title"))
                    .getText().lines().findFirst().orElse("").replaceAll("\\s+[0-9.]+.*$", "").strip());

            Object sandbox = browser.script("const done = arguments[arguments.length - 1];"
                    + "const result = {origin: self.origin};"
                    + "try { localStorage.getItem('x'); result.localStorage = 'reached'; }"
                    + " catch (e) { result.localStorage = e.name; }"
                    + "try { indexedDB.open('fx-keys').onsuccess = () => {}; result.indexedDB = 'opened'; }"
                    + " catch (e) { result.indexedDB = e.name; }"
                    + "try { document.cookie = 'a=b'; result.cookie = document.cookie === '' ? 'none' : 'set'; }"
                    + " catch (e) { result.cookie = e.name; }"
                    + "done(JSON.stringify(result));");
            assertEquals("{\"origin\":\"null\",\"localStorage\":\"SecurityError\",\"indexedDB\":\"SecurityError\","
                    + "\"cookie\":\"SecurityError\"}", sandbox);
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".try-out__btn")),
                    "no operation can be tried from the page");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".download-url-input")),
                    "no field to load another document");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
