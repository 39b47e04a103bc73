package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.AuctionListing;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15's investor journeys in Debian's Chromium against a real node on the embedded PostgreSQL, each investor in a
 * browser profile of its own, the node's clock stepped by the test (never waited on): an English auction whose late
 * bid moves the countdown in both bidders' windows and which the sequencer's Tick closes; a sealed auction whose
 * prices no window shows another bidder before the close and every window shows after it; a negotiated transfer
 * accepted by its named buyer and a buy order filled against a holder's sell. The holder lists and staff approve
 * through the signed API. Screenshots of every investor page in both languages go to target/portal-screenshots.
 */
@ServerTest
class InvestorPortalSystemTest {
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static ApiMarket market;
    private static URI uri;
    private static Path keyFiles;
    private static KeyPair first;
    private static KeyPair second;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("investorportal", ExchangeNode.Options.DEFAULTS, CLOCK);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        keyFiles = Files.createTempDirectory("investor-portal-keys");
        first = investor("Investor-41");
        second = investor("Investor-42");
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> files = Files.walk(keyFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A qualified investor onboarded by staff (maker-checker) with a fresh Ed25519 key. */
    private static KeyPair investor(String id) {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.script.onboard(id, "Demo " + id, "INVESTOR", keys, true);
        return keys;
    }

    private static InvestorWindow window(String language, String id, KeyPair keys) {
        return InvestorWindow.signIn(uri, language, keyFiles, id, keys);
    }

    /**
     * Returns once the registry has projected every write of the test's API participants (a read carrying their last
     * write as minIndex), so a window's first read, which has no write of its own to wait for, sees them.
     */
    private static void registryHoldsTheSetup() {
        market.regulator.get("/funds").ok();
    }

    /** Lists an auction as the holder and opens it as staff (both through the signed API); its listing id. */
    private static long openAuction(AuctionListing auction) {
        long listing = market.holder.call(c -> c.listAuction(auction, ApiMarket.rid())).ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        registryHoldsTheSetup();
        return listing;
    }

    /** The holder's transfers of one listing (the holder reads after a window showed the trade, so the registry has it). */
    private static List<JsonNode> holderTransfers(long listingId) {
        JsonNode transfers = market.holder.get("/transfers").ok().body().path("transfers");
        return StreamSupport.stream(transfers.spliterator(), false)
                .filter(t -> t.path("listingId").asLong() == listingId).toList();
    }

    @Test
    void lateEnglishBidMovesTheCountdownInBothWindowsAndTheClockClosesTheAuctionForTheWinnerAndTheHolder() {
        market.fund("PE1", market.holder);
        try (InvestorWindow a = window("en-US", "Investor-41", first);
             InvestorWindow b = window("zh-CN", "Investor-42", second)) {
            long start = CLOCK.millis();
            long endsAt = start + 50_000;
            long listing = openAuction(AuctionListing.english("PE1", "1000.00", "1.0000", "0.0100", start, endsAt)
                    .withExtensions(20_000, 30_000));
            a.listing(listing, "OPEN").awaitEndsAt(endsAt);
            b.listing(listing, "OPEN").awaitEndsAt(endsAt);

            a.submit("listing-outcome", "english-bid-submit", "ok", "english-bid-price", "1.1000").awaitBids(1);
            a.awaitEndsAt(endsAt);
            b.listing(listing, "OPEN").awaitBids(1);
            b.submit("listing-outcome", "english-bid-submit", "4014", "english-bid-price", "1.1050");
            assertTrue(b.browser().driver().findElement(By.id("listing-outcome")).getText().startsWith("出价过低"),
                    "the refusal explained in the investor's language");

            CLOCK.advance(35_000); // 15 s before the end: inside the 20 s extension window
            b.submit("listing-outcome", "english-bid-submit", "ok", "english-bid-price", "1.2000").awaitBids(2);
            long extended = start + 35_000 + 30_000;
            assertEquals(extended, market.holder.get("/listings/" + listing).ok().body().path("endsAt").asLong());
            b.awaitEndsAt(extended);
            a.awaitEndsAt(extended).awaitBids(2); // through A's live stream: B's bid reaches the listing's other bidders
            a.browser().screenshot("investor-english-auction-en");
            b.browser().screenshot("investor-english-auction-zh-CN");

            CLOCK.advance(31_000); // past the extended end: the sequencer's Tick closes the auction
            a.awaitListing(listing, "EXECUTED");
            b.awaitListing(listing, "EXECUTED");
            b.awaitTextIn("#listing-trade-price", "1.2000");
            b.awaitTextIn("#auction-bids tr.fx-mine", "中标");
            a.awaitTextIn("#auction-bids tr.fx-mine", "Lost");
            b.go("investor-transfers").awaitTextIn("#transfers-table tr[data-trade]", "1.2000");
            b.browser().screenshot("investor-transfers-after-auction-zh-CN");

            List<JsonNode> trades = holderTransfers(listing);
            assertEquals(1, trades.size(), trades.toString());
            assertEquals(List.of("Holder-01", "Investor-42", "1.2000", "1000.00"), List.of(trades.get(0).path("seller").asText(),
                    trades.get(0).path("buyer").asText(), trades.get(0).path("price").asText(), trades.get(0).path("units").asText()));
            assertEquals(List.of(), a.consoleErrors());
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    void sealedPricesReachNoOtherWindowBeforeTheCloseAndEveryWindowAfterIt() {
        market.fund("PS1", market.holder);
        try (InvestorWindow a = window("en-US", "Investor-41", first);
             InvestorWindow b = window("zh-CN", "Investor-42", second)) {
            long start = CLOCK.millis();
            long listing = openAuction(AuctionListing.sealed("PS1", "1000.00", "1.0000", start, start + 50_000));
            a.listing(listing, "OPEN");
            b.listing(listing, "OPEN");

            a.submit("listing-outcome", "sealed-bid-submit", "ok", "sealed-bid-price", "1.2345").awaitBids(1);
            a.awaitTextIn("#sealed-own", "1.2345");
            b.listing(listing, "OPEN").awaitBids(1);
            assertSealed(a, b, List.of("1.2345"), List.of());

            b.submit("listing-outcome", "sealed-bid-submit", "ok", "sealed-bid-price", "1.3030").awaitBids(2);
            b.awaitTextIn("#sealed-own", "1.3030");
            a.listing(listing, "OPEN").awaitBids(2);
            assertSealed(a, b, List.of("1.2345"), List.of("1.3030"));

            a.submit("listing-outcome", "sealed-bid-submit", "ok", "sealed-bid-price", "1.2600").awaitBids(3);
            a.awaitTextIn("#sealed-own", "1.2600");
            b.listing(listing, "OPEN").awaitBids(3);
            assertSealed(a, b, List.of("1.2600"), List.of("1.3030"));
            a.go("investor-bids").awaitTextIn("#my-bids-table", "1.2600");
            assertSealed(a, b, List.of("1.2600"), List.of("1.3030"));
            a.browser().screenshot("investor-my-bids-sealed-en");
            a.listing(listing, "OPEN");
            a.browser().screenshot("investor-sealed-auction-en");
            b.browser().screenshot("investor-sealed-auction-zh-CN");
            JsonNode seen = market.holder.get("/listings/" + listing + "/bids").ok().body();
            assertFalse(seen.toString().contains("1.2600") || seen.toString().contains("1.3030"), seen.toString());

            CLOCK.advance(51_000); // past the end: the Tick closes it and the close reveals every active bid
            a.awaitListing(listing, "EXECUTED");
            b.awaitListing(listing, "EXECUTED");
            b.awaitTextIn("#listing-trade-price", "1.3030");
            for (InvestorWindow window : List.of(a, b)) {
                window.awaitTextIn("#auction-bids", "1.2600").awaitTextIn("#auction-bids", "1.3030");
            }
            assertEquals(List.of(), a.consoleErrors());
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    /** Every sealed price A and B bid in the sealed journey, replaced ones included. */
    private static final List<String> PRICES_OF_A = List.of("1.2345", "1.2600");
    private static final List<String> PRICES_OF_B = List.of("1.3030");

    /**
     * Neither window's page source holds a sealed price of the other bidder, ever; each shows its own current one
     * ({@code shownByA}, {@code shownByB}), so the check can fail.
     */
    private static void assertSealed(InvestorWindow a, InvestorWindow b, List<String> shownByA, List<String> shownByB) {
        String sourceA = a.source();
        String sourceB = b.source();
        shownByA.forEach(price -> assertTrue(sourceA.contains(price), "A sees its own price " + price));
        shownByB.forEach(price -> assertTrue(sourceB.contains(price), "B sees its own price " + price));
        PRICES_OF_A.forEach(price -> assertFalse(sourceB.contains(price), "B's window shows A's sealed price " + price));
        PRICES_OF_B.forEach(price -> assertFalse(sourceA.contains(price), "A's window shows B's sealed price " + price));
    }

    @Test
    void namedBuyerAcceptsANegotiatedTransferAndABuyOrderFillsAgainstAHolderSell() {
        market.fund("PN1", market.holder);
        long listing = market.holder.post("/listings", """
                {"fundCode":"PN1","buyer":"Investor-41","units":"1000.00","price":"1.4000"}""").ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        market.fund("PB1", market.holder);
        market.staff1.post("/books/PB1/open", "{\"lotUnits\":\"100.00\"}").ok();
        market.holder.post("/orders", """
                {"fundCode":"PB1","side":"SELL","units":"500.00","price":"1.5000"}""").ok();
        registryHoldsTheSetup();
        try (InvestorWindow a = window("en-US", "Investor-41", first)) {
            a.go("investor-listings");
            new Select(a.browser().await(By.id("listings-mechanism"))).selectByValue("NEGOTIATED");
            a.browser().await(By.id("listing-link-" + listing)).click();
            a.awaitListing(listing, "OPEN").awaitTextIn("#listing-parties", "P1");
            a.browser().screenshot("investor-negotiated-listing-en");
            a.submit("listing-outcome", "listing-accept", "ok").awaitListing(listing, "EXECUTED");
            a.awaitTextIn("#listing-trade-price", "1.4000");
            a.go("investor-transfers").awaitTextIn("#transfers-table tr[data-trade]", "1.4000");
            List<JsonNode> trades = holderTransfers(listing);
            assertEquals(List.of("Holder-01", "Investor-41", "1.4000"), List.of(trades.get(0).path("seller").asText(),
                    trades.get(0).path("buyer").asText(), trades.get(0).path("price").asText()));

            a.go("investor-book");
            new Select(a.browser().await(By.id("book-fund"))).selectByValue("PB1");
            a.awaitTextIn("#book-asks", "500.00");
            a.submit("book-outcome", "book-submit", "4103", "book-units", "150", "book-price", "1.5000");
            a.submit("book-outcome", "book-submit", "ok", "book-units", "500", "book-price", "1.5000");
            a.browser().await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#book-orders tr[data-status='FILLED']")));
            a.browser().await(By.id("book-asks-empty"));
            JsonNode orders = market.holder.get("/orders?fund=PB1").ok().body().path("orders");
            assertEquals(List.of("FILLED"), ApiMarket.texts(orders, "status"));
            a.go("investor-transfers").awaitTextIn("#transfers-table tr[data-status='PENDING_SETTLEMENT']", "1.5000");

            // Staff settle both trades through the API; the window hears TradeSettled on its live stream.
            market.staff1.post("/trades/" + trades.get(0).path("tradeId").asLong() + "/settle", "{}").ok();
            market.staff1.post("/books/PB1/settle-batch", "{\"businessDate\":\"%s\"}".formatted(
                    LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Asia/Shanghai")))).ok();
            a.browser().await(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#transfers-table tr[data-status='SETTLED']"), 2));
            a.go("investor-positions").awaitTextIn("#positions-table tr[data-fund='PB1']", "500.00");
            a.awaitTextIn("#positions-table tr[data-fund='PN1']", "1,000.00");

            a.screenshotEveryPage("en");
            a.language("zh-CN", "我的账户").screenshotEveryPage("zh-CN");
            a.language("en", "My account");
            assertEquals(List.of(), a.consoleErrors());
        }
    }
}
