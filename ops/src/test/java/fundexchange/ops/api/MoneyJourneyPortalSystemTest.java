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
 * shows the settled movements: the receipt credited, the funding locked and paid out, nothing left locked. And for a
 * fund without a manager participant, staff confirm the registration change on Cash oversight.
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
    private static KeyPair staffKeys;
    private static KeyPair regulatorKeys;
    private static Participant investor;
    private static Participant bank;

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
        bank = market.newcomer(uri, "Bank-81", "BANK", false, bankKeys);
        investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        investor = market.newcomer(uri, "Investor-81", "INVESTOR", true, investorKeys);
        managerKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Manager-81", "MANAGER", false, managerKeys);
        staffKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Staff-81", "STAFF", false, staffKeys);
        regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Regulator-81", "REGULATOR", false, regulatorKeys);
        market.fund("MJ1", market.holder);
        market.fund("MJ2", market.holder); // no transfer terms: no manager participant, so staff confirm
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
        List<String> mj1 = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode row : market.regulator.get("/cash/trades").ok().body().path("trades")) {
            if (row.path("fundCode").asText().equals("MJ1")) {
                mj1.add(row.path("status").asText());
            }
        }
        assertEquals(List.of("SETTLED"), mj1); // this journey's trade, whatever the other journey left
    }

    /**
     * A fund without a manager participant: the buyer funds its trade in two parts through the API (the seller's read
     * shows neither: its row's index stays the trade's until the funding is complete, the buyer's and a regulator's
     * show 600.00 funded at the first funding's index); staff see the funded trade on Cash oversight as theirs to
     * confirm, a regulator the same row without a form (in Chinese too, while it is listed); a refusal without a reason is
     * stopped before anything is signed; a staff member confirms it there, the trade leaves the list, is SETTLED and
     * the seller's proceeds await the bank (which pays them).
     */
    @Test
    void staffConfirmTheRegistrationChangeOfAFundWithoutAManagerOnCashOversight() {
        String valueDate = java.time.LocalDate.ofInstant(CLOCK.instant(), java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(1).toString();
        long listing = market.holder.post("/listings", """
                {"fundCode":"MJ2","buyer":"Investor-07","units":"1000.00","price":"1.0000","expiresAt":0}""").ok()
                .sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        long trade = market.investor.post("/listings/" + listing + "/accept", "{}").ok().sourceIndex() * 4096;
        // Due 1,100.00 (1,000.00 and the buyer's minimum fee): 600.00 first, the rest later.
        bank.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"600.00","bankReference":"BR-JOURNEY-2","valueDate":"%s"}"""
                .formatted(valueDate)).ok();
        long partly = market.investor.post("/trades/" + trade + "/fund", "{}").ok().sourceIndex();
        com.fasterxml.jackson.databind.JsonNode sold = sellersRow(trade);
        assertEquals(List.of(trade / 4096, trade / 4096), List.of(sold.path("createdIndex").asLong(),
                sold.path("updatedIndex").asLong()), sold::toString);
        assertTrue(!sold.has("funded"), sold::toString);
        // The buyer's row (as a regulator's) shows the partial funding and its index.
        com.fasterxml.jackson.databind.JsonNode bought = row(market.investor, trade);
        assertEquals(List.of("600.00", partly), List.of(bought.path("funded").asText(),
                bought.path("updatedIndex").asLong()), bought::toString);
        assertEquals(bought, row(market.regulator, trade));
        bank.post("/cash/receipts", """
                {"participantId":"Investor-07","currency":"CNY","amount":"500.00","bankReference":"BR-JOURNEY-3","valueDate":"%s"}"""
                .formatted(valueDate)).ok();
        long funded = market.investor.post("/trades/" + trade + "/fund", "{}").ok().sourceIndex();
        assertEquals(funded, sellersRow(trade).path("updatedIndex").asLong());

        String row = "#staff-registrations tr[data-trade='" + trade + "']";
        try (HolderBrowser s = browser("Staff-81", staffKeys); HolderBrowser r = browser("Regulator-81", regulatorKeys)) {
            r.go("#/cash-oversight");
            shown(r, "oversight-refresh", row);
            r.find(By.cssSelector(row + " span[data-registrar='staff']"));
            assertEquals(0, r.driver().findElements(By.cssSelector("#staff-registrations input, #staff-registrations button"))
                    .size());
            r.language("zh-CN"); // while the registration change is still listed
            r.awaitText(By.cssSelector(row + " span[data-registrar='staff']"), "工作人员");
            r.awaitText(By.cssSelector("#staff-registrations"), "确认方");
            r.screenshot("money-staff-registration-zh");

            s.go("#/cash-oversight");
            shown(s, "oversight-refresh", row);
            assertTrue(s.find(By.cssSelector(row)).getText().contains("1,000.00"), s.find(By.cssSelector(row)).getText());
            s.find(By.cssSelector(row + " div[data-registrar='staff']"));
            s.click(By.cssSelector(row + " .fx-refuse"));
            s.find(By.id("refuse-" + trade + "-check"));
            assertEquals("0", s.find(By.id("cash-outcome")).getDomAttribute("data-writes"));
            s.screenshot("money-staff-registration-en");
            s.click(By.cssSelector(row + " .fx-confirm"));
            s.awaitAttribute(By.id("cash-outcome"), "data-state", "accepted");
            s.await((WebDriver d) -> d.findElements(By.cssSelector(row)).isEmpty());
            assertEquals(List.of(), s.consoleErrors());
            assertEquals(List.of(), r.consoleErrors());
        }
        assertEquals("SETTLED", sellersRow(trade).path("status").asText());
        // The seller's proceeds (1,000.00 less its minimum fee) await the bank, which pays them so that its queue is
        // empty again for the other journey.
        com.fasterxml.jackson.databind.JsonNode payout = bank.get("/cash/instructions?status=PENDING").ok().body()
                .path("instructions").path(0);
        assertEquals(List.of("Holder-01", "900.00"), List.of(payout.path("owner").asText(), payout.path("amount").asText()));
        bank.post("/cash/instructions/" + payout.path("instructionId").asLong() + "/executed", """
                {"bankReference":"BP-JOURNEY-2","valueDate":"%s"}""".formatted(java.time.LocalDate.ofInstant(CLOCK.instant(),
                java.time.ZoneId.of("Asia/Shanghai")))).ok(); // never before the instruction's day
    }

    /** The trade's row as its seller, Holder-01, reads it. */
    private static com.fasterxml.jackson.databind.JsonNode sellersRow(long trade) {
        return row(market.holder, trade);
    }

    /** The trade's row as {@code reader} reads it. */
    private static com.fasterxml.jackson.databind.JsonNode row(Participant reader, long trade) {
        for (com.fasterxml.jackson.databind.JsonNode row : reader.get("/cash/trades").ok().body().path("trades")) {
            if (row.path("tradeId").asLong() == trade) {
                return row;
            }
        }
        throw new AssertionError(reader + " does not read trade " + trade);
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
