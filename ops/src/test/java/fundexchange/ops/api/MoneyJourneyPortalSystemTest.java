package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 22's money journey in Debian's Chromium against a real node, the node's clock stepped by the test (never waited
 * on): the settlement bank confirms an investor's receipt in its queue page; the investor wins an English auction that
 * asks a bid deposit of 500.00 (its bid, which locks the deposit, through the signed API); the investor funds the rest
 * of the trade on its Cash page; the fund's manager confirms the
 * registration change on its Cash page; the bank executes the seller's payout in its queue; and the investor's Cash page
 * shows the settled movements: the receipt credited, the funding locked and paid out, nothing left locked.
 */
@ServerTest
class MoneyJourneyPortalSystemTest {
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static ApiMarket market;
    private static URI uri;
    private static Path files;
    private static KeyPair bankKeys;
    private static KeyPair investorKeys;
    private static KeyPair managerKeys;
    private static Participant investor;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("moneyjourney", ExchangeNode.Options.DEFAULTS, CLOCK);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        files = Files.createTempDirectory("money-journey");
        bankKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Bank-81", "BANK", false, bankKeys);
        investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        investor = market.newcomer(uri, "Investor-81", "INVESTOR", true, investorKeys);
        managerKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Manager-81", "MANAGER", false, managerKeys);
        market.fund("MJ1", market.holder);
        // The fund's manager confirms its registration changes; no consent and no priority right, so no notice.
        market.script.approve("""
                {"type":"SetTransferTerms","fundCode":"MJ1","manager":"Manager-81","consentRequired":false,
                 "priority":"NONE","documentDigest":"%s"}""".formatted(ApiMarket.DIGEST));
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void anInvestorFundedByTheBankWinsAnAuctionFundsItsTradeTheManagerConfirmsAndTheBankPaysTheSeller() {
        try (HolderBrowser b = browser("Bank-81", bankKeys); HolderBrowser i = browser("Investor-81", investorKeys);
             HolderBrowser m = browser("Manager-81", managerKeys)) {
            b.find(By.id("bank-page"));
            b.go("#/bank-queue");
            b.type(By.id("receipt-participant"), "Investor-81");
            b.type(By.id("receipt-amount"), "50000.00");
            b.type(By.id("receipt-reference"), "BR-JOURNEY-1");
            b.click(By.id("receipt-submit"));
            b.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            b.awaitText(By.cssSelector("#bank-receipts tr[data-reference='BR-JOURNEY-1']"), "Investor-81");
            i.go("#/cash");
            shown(i, "cash-refresh", "#cash-accounts tr[data-currency='CNY']");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-available"), "50,000.00");

            long now = CLOCK.millis();
            long listing = market.holder.post("/auctions", """
                    {"fundCode":"MJ1","mechanism":"ENGLISH","units":"10000.00","startingPrice":"0.9000",
                     "reservePrice":"0.9500","minIncrement":"0.0100","startsAt":%d,"endsAt":%d,"extensionWindowMs":1000,"extensionMs":1000,
                     "depositAmount":"500.00"}"""
                    .formatted(now, now + 50_000)).ok().sourceIndex();
            market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
            investor.post("/listings/" + listing + "/bids", "{\"price\":\"1.0000\"}").ok();
            CLOCK.advance(51_000); // past the end
            // Journaled after the end, so the engine closes the auction before it (CONTRACTS.md 2): the trade exists.
            assertTrue(market.investor.post("/listings/" + listing + "/bids", "{\"price\":\"1.1000\"}").status() >= 400);
            assertEquals(List.of("AWAITING_FUNDING"), ApiMarket.texts(investor.get("/cash/trades").ok().body().path("trades"),
                    "status"));

            // 10,000.00 of consideration and the buyer's minimum fee of 100.00 (10 bp would be 10.00).
            WebElement owed = shown(i, "cash-refresh", "#cash-trades tr[data-status='AWAITING_FUNDING']");
            String trade = owed.getDomAttribute("data-trade");
            assertTrue(owed.getText().contains("10,100.00"), owed.getText());
            // The bid deposit, locked at the bid, is held for the trade and counts toward its funding.
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-locked"), "500.00");
            i.screenshot("money-investor-owes-en");
            i.click(By.cssSelector("#cash-trades tr[data-trade='" + trade + "'] .fx-fund"));
            i.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            i.find(By.cssSelector("#cash-trades tr[data-trade='" + trade + "'][data-status='AWAITING_REGISTRATION']"));
            // Rules version 9: funded, the cash leaves the buyer with the units (the seller's proceeds and the fees stay
            // locked until the registration change); the deposit and the rest of the 10,100.00 are no longer its own.
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-available"), "39,900.00");

            m.go("#/cash");
            shown(m, "cash-refresh", "#cash-trades tr[data-trade='" + trade + "'][data-status='AWAITING_REGISTRATION']");
            m.screenshot("money-manager-confirms-en");
            m.click(By.cssSelector("#cash-trades tr[data-trade='" + trade + "'] .fx-confirm"));
            m.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");

            WebElement payout = shown(b, "bank-refresh", "#bank-queue tr[data-instruction]");
            String instruction = payout.getDomAttribute("data-instruction");
            assertTrue(payout.getText().contains("Holder-01") && payout.getText().contains("9,900.00"), payout.getText());
            b.screenshot("money-bank-payout-en");
            b.type(By.id("ref-" + instruction), "BP-JOURNEY-1");
            b.click(By.id("executed-" + instruction));
            b.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            b.find(By.id("bank-queue-empty"));

            shown(i, "cash-refresh", "#cash-movements tr[data-kind='DEBIT_LOCKED']");
            i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-available"), "39,900.00");
            String locked = i.awaitText(By.cssSelector("#cash-accounts tr[data-currency='CNY'] .fx-locked"), "0.00");
            assertEquals("0.00", locked.replaceAll("[^0-9.,]", ""), locked);
            assertEquals(List.of(), i.driver().findElements(By.cssSelector("#cash-trades tr[data-trade]")));
            // The receipt, the deposit's lock at the bid, the funding's lock of the rest, and the delivery at funding.
            assertEquals(List.of("CREDIT", "LOCK", "LOCK", "DEBIT_LOCKED"), i.driver().findElements(By.cssSelector("#cash-movements tr"))
                    .stream().map(row -> row.getDomAttribute("data-kind")).filter(kind -> kind != null).toList());
            i.screenshot("money-investor-settled-en");
            i.language("zh-CN");
            i.awaitText(By.cssSelector("#cash-movements tr[data-kind='DEBIT_LOCKED']"), "已付出");
            i.screenshot("money-investor-settled-zh");
            assertEquals(List.of(), b.consoleErrors());
            assertEquals(List.of(), i.consoleErrors());
            assertEquals(List.of(), m.consoleErrors());
        }
        assertEquals("SETTLED", market.regulator.get("/cash/trades").ok().body().path("trades").path(0).path("status").asText());
    }

    /**
     * The element {@code css} once the page shows it: the live stream brings it, or (where another's write is not yet
     * read) the page's refresh button reads again; a DOM condition, never a sleep.
     */
    private static WebElement shown(HolderBrowser browser, String refresh, String css) {
        return browser.await((WebDriver d) -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            d.findElements(By.id(refresh)).stream().filter(WebElement::isEnabled).findFirst().ifPresent(WebElement::click);
            return null;
        });
    }

    private static HolderBrowser browser(String id, KeyPair keys) {
        return HolderBrowser.signedIn(uri.toString(), files, id, keys.getPrivate());
    }
}
