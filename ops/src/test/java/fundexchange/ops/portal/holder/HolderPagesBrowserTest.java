package fundexchange.ops.portal.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.TestGenesis;
import fundexchange.ops.JournalPosition;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The holder pages in Chromium against a real node on the embedded PostgreSQL (docs/portal.md, Holder pages): a
 * holder signs in with its key file, sees its holdings and confirms a custody line; the browser refuses an amount
 * outside the API's grammar without sending anything, and a refusal of the exchange is explained in the user's
 * language; the holder lists a lot negotiated, by English and by sealed auction in the browser, sees them OPEN once
 * staff approve them through the signed API, sees an investor's bid by its pseudonym, cannot withdraw the auction that
 * has it, withdraws the sealed one; places and amends a sell order and sees it in the book's depth; sees the transfer
 * once the named investor accepts through the API; every holder page is saved as a screenshot in both languages under
 * {@code target/portal-screenshots/}. The pages follow staff's and the investor's writes through the live stream; each
 * step waits on the DOM, never on time. Nothing here depends on time passing, so the node runs on the system clock:
 * the auctions start in the current minute and end a day later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HolderPagesBrowserTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;
    @TempDir
    static Path keys;

    private static final String DIGEST = "ab".repeat(32);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair HOLDER = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair HOLDER_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair INVESTOR = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final JournalPosition POSITION = new JournalPosition();
    private static ExchangeNode node;
    private static Participant staff1;
    private static Participant staff2;
    private static Participant holder2;
    private static Participant investor;
    private static HolderBrowser browser;
    private static long negotiatedId;
    private static long auctionId;
    private static long sealedId;
    /** Times as the forms take them, in the platform zone (the default zone parameter). */
    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void market() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())),
                CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), CLOCK);
        URI uri = URI.create(origin());
        staff1 = as(uri, "Staff-01", STAFF_1);
        staff2 = as(uri, "Staff-02", STAFF_2);
        NegotiatedTransferScript script = new NegotiatedTransferScript(staff1, staff2, CLOCK);
        script.onboard("Holder-01", "Demo LP One", "HOLDER", HOLDER);
        script.onboard("Holder-02", "Demo LP Two", "HOLDER", HOLDER_2);
        script.onboard("Investor-07", "Demo S Fund Seven", "INVESTOR", INVESTOR, true);
        holder2 = as(uri, "Holder-02", HOLDER_2);
        investor = as(uri, "Investor-07", INVESTOR);
        fund("HPF1", "Demo Growth Fund I", "1.5000");
        staff1.post("/deposits", """
                {"fundCode":"HPF1","holder":"Holder-01","units":"1000000.00","cost":"1000000.00"}""").ok();
        staff1.post("/books/HPF1/open", """
                {"lotUnits":"100.00"}""").ok();
        fund("HPF2", "Demo Buyout Fund II", "1.2000");
        long custodyId = holder2.post("/custody", """
                {"fundCode":"HPF2","documentDigest":"%s","entries":[
                 {"holder":"Holder-01","units":"7000.00","subscribed":"7000.00","paidIn":"3500.00"},
                 {"holder":"Holder-02","units":"3000.00","subscribed":"3000.00","paidIn":"1500.00"}]}""".formatted(DIGEST))
                .ok().sourceIndex();
        staff2.post("/custody/" + custodyId + "/approve", "{}").ok();
        Path keyFile = keys.resolve("Holder-01__Holder-01-k1.pem");
        Files.writeString(keyFile, KeyMaterial.privateKeyPem(HOLDER.getPrivate()));
        browser = HolderBrowser.open(origin());
        browser.signIn(keyFile, "Holder-01", "Holder-01-k1");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private static String origin() {
        return "http://localhost:" + node.port();
    }

    private static Participant as(URI uri, String id, KeyPair keys) {
        return new Participant(uri, id, id + "-k1", keys, CLOCK, "holder-pages").sharing(POSITION);
    }

    private static void fund(String code, String name, String nav) {
        staff1.post("/funds", """
                {"fundCode":"%s","shortName":"%s","manager":"Demo Capital Management","strategy":"GROWTH","vintage":2019,
                 "currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"%s","navDate":"2026-09-30",
                 "minTransferUnits":"100.00","rightOfFirstRefusal":false}""".formatted(code, name, nav)).ok();
    }

    @Test
    @Order(1)
    void aHolderSeesItsHoldingsAndConfirmsItsCustodyLine() {
        browser.go("#/holdings");
        assertEquals("HPF1 · Demo Growth Fund I 1,000,000.00 1,000,000.00 0.00 0.00 0.00 0.00 0.00 CN¥1,000,000.00 CN¥0.00 CN¥0.00",
                browser.awaitText(By.id("holding-HPF1"), "1,000,000.00"));
        assertEquals("HPF2 · Demo Buyout Fund II 7,000.00 0.00 0.00 0.00 0.00 7,000.00 Confirm 0.00 CN¥3,500.00 CN¥7,000.00 CN¥3,500.00",
                browser.awaitText(By.id("holding-HPF2"), "Confirm"));

        browser.click(By.cssSelector("#custody-table button"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        assertEquals("HPF2 · Demo Buyout Fund II 7,000.00 7,000.00 0.00 0.00 0.00 0.00 0.00 CN¥3,500.00 CN¥7,000.00 CN¥3,500.00",
                browser.awaitText(By.id("holding-HPF2"), "7,000.00 7,000.00"));
        assertTrue(browser.driver().findElements(By.id("custody-table")).isEmpty(), "nothing is left to confirm");
    }

    @Test
    @Order(2)
    void theBrowserRefusesAnAmountOutsideTheApisGrammarAndSendsNothing() {
        browser.go("#/holder-listings");
        browser.type(By.id("listing-units"), "1e3");
        browser.type(By.id("listing-buyer"), "Investor-07");
        browser.type(By.id("listing-price"), "1.60001");
        long before = node.journalIndex();

        browser.click(By.id("listing-submit"));

        assertEquals("Enter a number with at most 2 decimals, digits only (e.g. 1000.50).",
                browser.awaitText(By.id("listing-units-problem"), "decimals"));
        assertEquals("Enter a number with at most 4 decimals, digits only (e.g. 1000.50).",
                browser.awaitText(By.id("listing-price-problem"), "decimals"));
        assertEquals(List.of("0", ""), List.of(browser.driver().findElement(By.id("holder-outcome")).getDomAttribute("data-writes"),
                browser.driver().findElement(By.id("holder-outcome")).getDomAttribute("data-state")), "no request was sent");
        assertEquals(before, node.journalIndex());
    }

    @Test
    @Order(3)
    void aRefusalIsExplainedInTheUsersLanguage() {
        browser.go("#/holder-listings");
        browser.language("zh-CN");
        browser.type(By.id("listing-units"), "2000000.00");
        browser.type(By.id("listing-buyer"), "Investor-07");
        browser.type(By.id("listing-price"), "1.6000");

        browser.click(By.id("listing-submit"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-code", "3001");
        assertTrue(browser.awaitText(By.id("holder-outcome"), "可用份额不足").startsWith("可用份额不足（已锁定、质押、冻结及未确认的份额不可用）。"));
        browser.language("en");
    }

    @Test
    @Order(4)
    void aHolderListsANegotiatedLotAnEnglishAndASealedAuctionWhichStaffOpen() {
        browser.go("#/holder-listings");
        browser.type(By.id("listing-units"), "10000.00");
        browser.type(By.id("listing-buyer"), "Investor-07");
        browser.type(By.id("listing-price"), "1.6000");
        browser.click(By.id("listing-submit"));
        negotiatedId = listingOfOutcome(0);

        String thisMinute = MINUTES.format(CLOCK.instant());
        browser.choose(By.id("listing-mechanism"), "ENGLISH");
        browser.type(By.id("listing-units"), "5000.00");
        browser.type(By.id("listing-starting-price"), "1.4000");
        browser.type(By.id("listing-min-increment"), "0.0100");
        browser.type(By.id("listing-starts"), thisMinute);
        browser.type(By.id("listing-extension-window"), "120");
        browser.click(By.id("listing-submit"));
        auctionId = listingOfOutcome(negotiatedId);

        browser.choose(By.id("listing-mechanism"), "SEALED");
        browser.type(By.id("listing-units"), "3000.00");
        browser.type(By.id("listing-starting-price"), "1.3000");
        browser.type(By.id("listing-reserve-price"), "1.3500");
        browser.type(By.id("listing-starts"), thisMinute);
        browser.click(By.id("listing-second-price"));
        browser.click(By.id("listing-submit"));
        sealedId = listingOfOutcome(auctionId);
        browser.awaitAttribute(By.id("listing-" + sealedId), "data-status", "PENDING_APPROVAL");

        staff1.post("/listings/" + negotiatedId + "/approve", "{}").ok();
        staff2.post("/listings/" + auctionId + "/approve", "{}").ok();
        staff1.post("/listings/" + sealedId + "/approve", "{}").ok();

        for (long id : List.of(negotiatedId, auctionId, sealedId)) {
            browser.awaitAttribute(By.id("listing-" + id), "data-status", "OPEN");
        }
        assertTrue(browser.awaitText(By.id("listing-" + negotiatedId), "Open")
                .startsWith(negotiatedId + " HPF1 · Demo Growth Fund I Negotiated 10,000.00 CN¥1.6000 Open"));
        JsonNode english = staff1.get("/listings/" + auctionId).ok().body();
        assertEquals(List.of("ENGLISH", "5000.00", "1.4000", "0.0100"), List.of(english.path("mechanism").asText(),
                english.path("units").asText(), english.path("startingPrice").asText(), english.path("minIncrement").asText()));
        JsonNode sealed = staff1.get("/listings/" + sealedId).ok().body();
        assertEquals(List.of("SEALED", "3000.00", "1.3000", "1.3500", "true"), List.of(sealed.path("mechanism").asText(),
                sealed.path("units").asText(), sealed.path("startingPrice").asText(), sealed.path("reservePrice").asText(),
                sealed.path("secondPrice").asText()));
    }

    private static long listingOfOutcome(long previous) {
        return browser.listingOfOutcome(previous);
    }

    @Test
    @Order(5)
    void theHolderFollowsItsEnglishAuctionSeesTheBidByPseudonymAndCannotWithdrawIt() {
        browser.go("#/holder-listings/" + auctionId);
        browser.awaitText(By.id("listing-status"), "Open");
        assertTrue(browser.awaitText(By.id("listing-countdown"), "Bidding ends").matches(
                "Bidding ends in \\d+ d \\d+ h \\d+ min \\d+ s"), "the countdown runs at the exchange's clock");
        browser.awaitText(By.id("listing-bids-empty"), "No bids yet.");

        long bidId = NegotiatedTransferScript.eventOfType(investor.post("/listings/" + auctionId + "/bids", """
                {"price":"1.4500"}""").ok(), "BidPlaced").path("bidId").asLong();

        assertEquals(bidId + " P1 CN¥1.4500 Active", browser.awaitText(By.id("bid-" + bidId), "P1"));
        browser.click(By.id("listing-withdraw"));
        browser.awaitAttribute(By.id("holder-outcome"), "data-code", "4019");
        assertTrue(browser.awaitText(By.id("holder-outcome"), "An auction with bids cannot be withdrawn.")
                .startsWith("An auction with bids cannot be withdrawn."));
        browser.awaitText(By.id("listing-status"), "Open");
    }

    @Test
    @Order(6)
    void theHolderWithdrawsItsSealedAuction() {
        browser.go("#/holder-listings/" + sealedId);
        assertEquals("Second price", browser.awaitText(By.id("listing-pricing"), "Second"));
        browser.awaitText(By.id("listing-status"), "Open");

        browser.click(By.id("listing-withdraw"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        browser.awaitText(By.id("listing-status"), "Cancelled");
        assertTrue(browser.driver().findElements(By.id("listing-withdraw")).isEmpty(), "nothing left to withdraw");
        assertEquals("CANCELLED", staff1.get("/listings/" + sealedId).ok().body().path("status").asText());
        browser.go("#/holder-listings");
        browser.awaitAttribute(By.id("listing-" + sealedId), "data-status", "CANCELLED");
    }

    @Test
    @Order(7)
    void aSellOrderAppearsInTheBooksDepthAndMovesWhenAmended() {
        browser.go("#/holder-orders");
        browser.awaitText(By.id("orders-book-status"), "Open for orders");
        browser.type(By.id("order-units"), "550.00");
        browser.type(By.id("order-price"), "1.7000");
        browser.click(By.id("order-submit"));
        assertEquals("The units must be a multiple of the lot (100.00).",
                browser.awaitText(By.id("order-units-problem"), "lot"));

        browser.type(By.id("order-units"), "500.00");
        browser.click(By.id("order-submit"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        assertEquals("CN¥1.7000 500.00 1", browser.awaitText(By.cssSelector("#depth-asks tr[data-price='1.7000']"), "500.00"));
        String orderText = browser.awaitText(By.cssSelector("#orders-table tr[data-status='OPEN']"), "Open");
        long orderId = Long.parseLong(orderText.split(" ")[0]);
        assertTrue(orderText.startsWith(orderId + " Sell CN¥1.7000 500.00 500.00 0.00 Open"), orderText);

        browser.type(By.id("amend-price-" + orderId), "1.6500");
        browser.click(By.id("order-amend-" + orderId));

        assertEquals("CN¥1.6500 500.00 1", browser.awaitText(By.cssSelector("#depth-asks tr[data-price='1.6500']"), "500.00"));
        assertTrue(browser.driver().findElements(By.cssSelector("#depth-asks tr[data-price='1.7000']")).isEmpty());
    }

    @Test
    @Order(8)
    void theHolderSeesTheTransferOnceTheNamedInvestorAccepts() {
        browser.go("#/holder-transfers");
        browser.awaitText(By.id("transfers-empty"), "No transfers");

        long tradeId = NegotiatedTransferScript.eventOfType(
                investor.post("/listings/" + negotiatedId + "/accept", "{}").ok(), "TradeExecuted").path("tradeId").asLong();

        String text = browser.awaitText(By.id("transfer-" + tradeId), "Investor-07");
        assertEquals(tradeId + " HPF1 · Demo Growth Fund I Sold Investor-07 10,000.00 CN¥1.6000 CN¥16,000.00 106.67% 1.6000×"
                + " Awaiting settlement — listing " + negotiatedId, text);
        browser.language("zh-CN");
        assertEquals(tradeId + " HPF1 · Demo Growth Fund I 卖出 Investor-07 10,000.00 ¥1.6000 ¥16,000.00 106.67% 1.6000 倍"
                + " 待交收 — 挂牌 " + negotiatedId, browser.awaitText(By.id("transfer-" + tradeId), "卖出"));
        browser.language("en");
    }

    @Test
    @Order(9)
    void everyHolderPageIsSavedInBothLanguages() {
        List<String[]> pages = List.of(
                new String[] {"holdings", "#/holdings", "holdings-table"},
                new String[] {"listings", "#/holder-listings", "listings-table"},
                new String[] {"listing-detail", "#/holder-listings/" + auctionId, "listing-detail"},
                new String[] {"orders", "#/holder-orders", "orders-table"},
                new String[] {"transfers", "#/holder-transfers", "transfers-table"});
        for (String locale : List.of("en", "zh-CN")) {
            browser.language(locale);
            for (String[] page : pages) {
                browser.go(page[1]);
                browser.find(By.id(page[2]));
                Path file = browser.screenshot("holder-" + page[0] + "-" + locale);
                assertTrue(Files.isRegularFile(file), file.toString());
            }
        }
        browser.language("en");
    }
}
