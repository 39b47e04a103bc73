package fundexchange.ops.portal.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.engine.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The holder pages in Chromium against a real node on the embedded PostgreSQL (docs/portal.md, Holder pages): a
 * holder signs in with its key file, sees its holdings and confirms a custody line, lists a lot negotiated and by
 * English auction in the browser, sees both OPEN once staff approve them through the signed API, withdraws the
 * auction, places and amends a sell order and sees it in the book's depth, and sees the transfer once the named
 * investor accepts through the API; refusals are explained in the user's language; every holder page is saved as a
 * screenshot in both languages. The lists follow staff's and the investor's writes through the live stream; each
 * step waits on the DOM, never on time. Nothing here depends on time passing: the node's clock is the system clock,
 * and every time typed in a form is far from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HolderPagesBrowserTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;
    @TempDir
    static Path keys;

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
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

    @BeforeAll
    static void market() throws Exception {
        GenesisWriter.write(data, List.of(
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

    private static By row(String id) {
        return By.id(id);
    }

    @Test
    @Order(1)
    void aHolderSeesItsHoldingsAndConfirmsItsCustodyLine() {
        browser.go("#/holdings");
        assertEquals("HPF1 · Demo Growth Fund I 1,000,000.00 1,000,000.00 0.00 0.00 0.00 0.00 CN¥1,000,000.00 CN¥0.00 CN¥0.00",
                browser.awaitText(row("holding-HPF1"), "1,000,000.00"));
        assertEquals("HPF2 · Demo Buyout Fund II 7,000.00 0.00 0.00 0.00 0.00 7,000.00 Confirm CN¥3,500.00 CN¥7,000.00 CN¥3,500.00",
                browser.awaitText(row("holding-HPF2"), "Confirm"));

        browser.click(By.cssSelector("#custody-table button"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        assertEquals("HPF2 · Demo Buyout Fund II 7,000.00 7,000.00 0.00 0.00 0.00 0.00 CN¥3,500.00 CN¥7,000.00 CN¥3,500.00",
                browser.awaitText(row("holding-HPF2"), "7,000.00 7,000.00"));
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
        assertTrue(browser.driver().findElements(By.id("holder-outcome")).isEmpty(), "no request was sent");
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
        assertTrue(browser.awaitText(By.id("holder-outcome"), "可用份额不足").startsWith("可用份额不足（锁定、质押、冻结及未确认的份额不可出售）。"));
        browser.language("en");
    }

    @Test
    @Order(4)
    void aHolderListsANegotiatedLotAndAnEnglishAuctionWhichStaffOpen() {
        browser.go("#/holder-listings");
        browser.type(By.id("listing-units"), "10000.00");
        browser.type(By.id("listing-buyer"), "Investor-07");
        browser.type(By.id("listing-price"), "1.6000");
        browser.click(By.id("listing-submit"));
        negotiatedId = listingOfOutcome(0);

        new Select(browser.find(By.id("listing-mechanism"))).selectByValue("ENGLISH");
        browser.type(By.id("listing-units"), "5000.00");
        browser.type(By.id("listing-starting-price"), "1.4000");
        browser.type(By.id("listing-min-increment"), "0.0100");
        browser.type(By.id("listing-extension-window"), "120");
        browser.click(By.id("listing-submit"));
        auctionId = listingOfOutcome(negotiatedId);
        browser.awaitAttribute(By.id("listing-" + auctionId), "data-status", "PENDING_APPROVAL");

        staff1.post("/listings/" + negotiatedId + "/approve", "{}").ok();
        staff2.post("/listings/" + auctionId + "/approve", "{}").ok();

        browser.awaitAttribute(By.id("listing-" + negotiatedId), "data-status", "OPEN");
        browser.awaitAttribute(By.id("listing-" + auctionId), "data-status", "OPEN");
        assertTrue(browser.awaitText(By.id("listing-" + negotiatedId), "Open")
                .startsWith(negotiatedId + " HPF1 · Demo Growth Fund I Negotiated 10,000.00 CN¥1.6000 Open"));
        JsonNode listing = staff1.get("/listings/" + auctionId).ok().body();
        assertEquals(List.of("ENGLISH", "5000.00", "1.4000", "0.0100"), List.of(listing.path("mechanism").asText(),
                listing.path("units").asText(), listing.path("startingPrice").asText(), listing.path("minIncrement").asText()));
    }

    /** The listing id an accepted write's outcome names, once it names another than {@code previous}. */
    private static long listingOfOutcome(long previous) {
        return browser.await(d -> {
            var found = d.findElements(By.cssSelector("#holder-outcome[data-state='accepted']"));
            if (found.isEmpty()) return null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("listing (\\d+)").matcher(found.getFirst().getText());
            return m.find() && Long.parseLong(m.group(1)) != previous ? Long.parseLong(m.group(1)) : null;
        });
    }

    @Test
    @Order(5)
    void theHolderFollowsItsAuctionAndWithdrawsIt() {
        browser.go("#/holder-listings/" + auctionId);
        browser.awaitText(By.id("listing-status"), "Open");
        assertTrue(browser.awaitText(By.id("listing-countdown"), "Bidding").matches(
                "Bidding (starts|ends) in \\d+ d \\d+ h \\d+ min \\d+ s"), "the countdown runs at the exchange's clock");
        assertEquals("No bids yet.", browser.awaitText(By.id("listing-bids-empty"), "No bids"));

        browser.click(By.id("listing-withdraw"));

        browser.awaitAttribute(By.id("holder-outcome"), "data-state", "accepted");
        browser.awaitText(By.id("listing-status"), "Cancelled");
        assertEquals("CANCELLED", staff1.get("/listings/" + auctionId).ok().body().path("status").asText());
        browser.go("#/holder-listings");
        browser.awaitAttribute(By.id("listing-" + auctionId), "data-status", "CANCELLED");
    }

    @Test
    @Order(6)
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
    @Order(7)
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
    @Order(8)
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
                Path file = browser.screenshot(SCREENSHOTS, "holder-" + page[0] + "-" + locale);
                assertTrue(Files.isRegularFile(file), file.toString());
            }
        }
        browser.language("en");
    }
}
