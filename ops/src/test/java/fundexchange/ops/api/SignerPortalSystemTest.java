package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.PortalBrowser;
import fundexchange.ops.signer.Confirmation;
import fundexchange.ops.signer.SigningAgent;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An SM2 participant in Debian's Chromium against a real node on the embedded PostgreSQL, signing through a real
 * local signing agent ({@code exchange signer}) in this JVM whose terminal the test answers: the agent's address is the
 * one origin the portal's CSP allows besides its own; sign-in reads the agent's identity and proves the key by a signed
 * read the agent confirmed; a buy order the agent showed field by field and its person confirmed with the question's
 * code is journaled and filled; an order its person declined (typing "y", not the code) shows why on the page, in the
 * user's language, and no command of the participant enters the journal.
 */
@ServerTest
class SignerPortalSystemTest {
    private static final String INVESTOR = "Investor-51";
    private static final int SIGNER_PORT = freeLoopbackPort();
    private static final int SILENT_PORT = freeLoopbackPort();
    private static final String SIGNER = "http://127.0.0.1:" + SIGNER_PORT;
    /** An allowed agent address where nothing listens: the agent is not running. */
    private static final String SILENT = "http://127.0.0.1:" + SILENT_PORT;
    private static final Terminal TERMINAL = new Terminal();
    private static ApiMarket market;
    private static URI uri;
    private static Participant investor;
    private static SigningAgent agent;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("signerportal");
        market.configure(builder, List.of(SIGNER, SILENT));
    }

    @BeforeAll
    static void onboard(URI serverUri) throws Exception {
        uri = serverUri;
        market.onboard(serverUri);
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        investor = market.newcomer(serverUri, INVESTOR, "INVESTOR", true, keys);
        market.fund("PS1", market.holder);
        market.staff1.post("/books/PS1/open", "{\"lotUnits\":\"100.00\"}").ok();
        market.holder.post("/orders", """
                {"fundCode":"PS1","side":"SELL","units":"500.00","price":"1.5000"}""").ok();
        market.regulator.get("/funds").ok(); // the registry holds the setup before the window's first read
        String portal = serverUri.getScheme() + "://" + serverUri.getHost() + ":" + serverUri.getPort();
        agent = SigningAgent.start(new SigningAgent.Identity(INVESTOR, INVESTOR + "-k1",
                        market.holder.client().platformId(), portal), keys.getPrivate(), SIGNER_PORT,
                TERMINAL.confirmation(), TERMINAL.console, market.clock());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        market.close();
    }

    @Test
    void sm2InvestorSignsInThroughTheAgentPlacesAConfirmedOrderAndADeclinedOneJournalsNothing() {
        try (PortalBrowser browser = PortalBrowser.open(uri, "en-US")) {
            browser.load("/");
            browser.await(By.id("signin-mode-signer")).click();
            assertEquals(SIGNER, browser.await(By.id("signin-signer-address")).getDomProperty("value"));
            assertEquals("This portal may reach the signing agent only at: " + SIGNER + ", " + SILENT,
                    browser.await(By.id("signin-signer-allowed")).getText());

            signIn(browser, "http://127.0.0.1:1", agent.token());
            browser.awaitText(By.id("signin-problem"), "This address is not a signing agent address this portal may reach.");
            signIn(browser, SILENT, agent.token());
            browser.awaitText(By.id("signin-problem"), "The signing agent does not answer: is exchange signer running at"
                    + " this address, started with --portal-origin set to this portal's address?");
            signIn(browser, SIGNER, "not-the-token");
            browser.awaitText(By.id("signin-problem"), "The signing agent refused the token: paste the token it printed"
                    + " when it started.");
            assertEquals("", TERMINAL.shown(), "nothing reached the agent's prompt");
            browser.screenshot("signer-signin-en");

            signIn(browser, SIGNER, agent.token());
            browser.awaitText(By.id("account-participant"), INVESTOR);
            assertTrue(TERMINAL.shown().contains("  GET /participants/" + INVESTOR + "\n"), TERMINAL.shown());
            assertTrue(TERMINAL.shown().contains("  as / 身份: " + INVESTOR + ", key " + INVESTOR + "-k1 (SM2-SM3)"),
                    TERMINAL.shown());

            InvestorWindow window = InvestorWindow.signedIn(browser, INVESTOR);
            window.awaitLive("off");
            assertEquals("true", browser.await(By.id("fx-live")).getDomAttribute("data-signer"));
            assertEquals("Not live: live updates would need a confirmation at your signing agent. Pages refresh after"
                    + " your own actions.", browser.await(By.id("fx-live")).getDomAttribute("title"));
            window.go("investor-book");
            new Select(browser.await(By.id("book-fund"))).selectByValue("PS1");
            window.awaitTextIn("#book-asks", "500.00");
            window.submit("book-outcome", "book-submit", "ok", "book-units", "500", "book-price", "1.5000");
            browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#book-orders tr[data-status='FILLED']")));
            String confirmed = TERMINAL.lastPost();
            assertTrue(confirmed.contains("\n  POST /orders\n  body / 正文 (") && confirmed.contains(" 4 fields / 个字段, SHA-256 "),
                    confirmed);
            assertEquals(List.of("    fundCode = \"PS1\"", "    side = \"BUY\"", "    units = \"500\"", "    price = \"1.5000\""),
                    confirmed.lines().filter(line -> line.startsWith("    ")).toList(), confirmed);
            List<JsonNode> before = commandsOf(INVESTOR);
            assertEquals(List.of("ACCEPTED"), before.stream().map(r -> r.path("outcome").asText()).toList(), before.toString());

            window.language("zh-CN", "我的账户");
            TERMINAL.answer(shown -> !shown.contains("  POST "));
            window.submit("book-outcome", "book-submit", "error", "book-units", "100", "book-price", "1.4000");
            assertEquals("该请求已在签名代理处被拒绝；未向平台发送任何内容。", browser.await(By.id("book-outcome")).getText());
            assertTrue(TERMINAL.lastPost().contains("    price = \"1.4000\""), TERMINAL.lastPost());
            String answered = TERMINAL.afterLastPost();
            assertTrue(answered.contains("  declined / 已拒绝\n") && !answered.contains("signed / 已签署"), answered);
            browser.screenshot("signer-declined-zh-CN");
            assertEquals("非实时：实时更新需要在您的签名代理上确认。页面在您自己的操作后刷新。",
                    browser.await(By.id("fx-live")).getDomAttribute("title"));
            assertEquals("off", browser.await(By.id("fx-live")).getDomAttribute("data-live"));
            assertFalse(TERMINAL.shown().contains("/stream"), "no stream request reached the agent's prompt: "
                    + TERMINAL.shown());
            assertEquals(before, commandsOf(INVESTOR), "the declined order never reached the journal");
            JsonNode orders = investor.get("/orders?fund=PS1").ok().body().path("orders");
            assertEquals(List.of("FILLED"), ApiMarket.texts(orders, "status"));
            assertEquals(List.of(), window.consoleErrors());
        }
    }

    private static void signIn(PortalBrowser browser, String address, String token) {
        browser.await(By.id("signin-signer-address")).clear();
        browser.await(By.id("signin-signer-address")).sendKeys(address);
        browser.await(By.id("signin-signer-token")).clear();
        browser.await(By.id("signin-signer-token")).sendKeys(token);
        browser.await(ExpectedConditions.elementToBeClickable(By.id("signin-submit"))).click();
    }

    /**
     * The participant's commands in the journal up to the engine's last index (the audit index read at that index):
     * sign-in, page reads and a declined order add none.
     */
    private static List<JsonNode> commandsOf(String participant) {
        long last = market.regulator.get("/engine/state").ok().body().path("lastIndex").asLong();
        market.reached(last);
        JsonNode records = market.regulator.get("/audit/records?participant=" + participant + "&toIndex=" + last)
                .ok().body().path("records");
        return java.util.stream.StreamSupport.stream(records.spliterator(), false).toList();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The agent's terminal: what it shows is kept; each question is answered, once shown, by a line typed after it (as
     * a person types; nothing typed ahead): the question's code when {@link #answer}'s rule says yes to the request
     * shown, else "y", which never signs.
     */
    private static final class Terminal {
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final PrintStream console = new PrintStream(screen, true, StandardCharsets.UTF_8);
        private volatile Predicate<String> yes = shown -> true;

        void answer(Predicate<String> rule) {
            yes = rule;
        }

        String shown() {
            return screen.toString(StandardCharsets.UTF_8);
        }

        /** The last request shown that was a POST, as shown. */
        String lastPost() {
            String all = shown();
            int post = all.lastIndexOf("  POST ");
            int start = all.lastIndexOf("== signer-", post);
            int end = all.indexOf("\n  clientRequestId", post);
            return all.substring(start, end + 1);
        }

        /** What the terminal showed from the last POST up to the next request: its question and its outcome. */
        String afterLastPost() {
            String all = shown();
            int post = all.lastIndexOf("  POST ");
            int next = all.indexOf("\n== signer-", post);
            return all.substring(post, next < 0 ? all.length() : next);
        }

        Confirmation confirmation() {
            return (question, code) -> {
                String all = shown();
                String request = all.substring(all.lastIndexOf("== signer-"));
                String typed = (yes.test(request) ? code : "y") + "\n";
                return Confirmation.terminal(typedAfterTheQuestion(typed), console).confirm(question, code);
            };
        }

        private static InputStream typedAfterTheQuestion(String line) {
            return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public synchronized int available() {
                    return 0;
                }
            };
        }
    }
}
