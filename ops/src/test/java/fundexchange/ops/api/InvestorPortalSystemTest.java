package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.AuctionListing;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.PortalKeyFiles;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * Issue 15's investor journeys in Debian's Chromium against a real node on the embedded PostgreSQL, each participant in a
 * browser profile of its own, the node's clock stepped by the test (never waited on): a holder lists a lot for an
 * English auction in its browser, staff approve it through the API, two investors bid in theirs, a late bid moves the
 * countdown in both bidders' windows (and the holder's), the sequencer's Tick closes the auction, and the winner and
 * the holder see the trade in their windows (the holder with price, % of NAV and multiple of cost); a sealed auction whose
 * prices no window shows another bidder before the close and every window shows after it; a negotiated transfer
 * accepted by its named buyer and a buy order filled against a holder's sell, both listed by the holder and approved by
 * staff through the signed API. Screenshots of every investor page in both languages go to target/portal-screenshots.
 */
@ServerTest
class InvestorPortalSystemTest {
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static ApiMarket market;
    private static URI uri;
    private static Path keyFiles;
    private static KeyPair first;
    private static KeyPair second;
    private static KeyPair holderKeys;
    private static Participant holder;
    /** Times as the holder's form takes them, in the platform zone. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

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
        holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        holder = market.newcomer(uri, "Holder-41", "HOLDER", false, holderKeys);
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

    /** The seller's transfers of one listing (read after a window showed the trade, so the registry has it). */
    private static List<JsonNode> holderTransfers(Participant seller, long listingId) {
        JsonNode transfers = seller.get("/transfers").ok().body().path("transfers");
        return StreamSupport.stream(transfers.spliterator(), false)
                .filter(t -> t.path("listingId").asLong() == listingId).toList();
    }

    @Test
    void aHolderListsAnEnglishAuctionInItsBrowserALateBidMovesBothCountdownsAndTheClockClosesItForTheWinnerAndTheHolder() {
        market.fund("PE1", holder);
        registryHoldsTheSetup();
        try (HolderBrowser h = HolderBrowser.open(uri.toString());
             InvestorWindow a = window("en-US", "Investor-41", first);
             InvestorWindow b = window("zh-CN", "Investor-42", second)) {
            h.signIn(PortalKeyFiles.plain(keyFiles, "Holder-41-k1", holderKeys.getPrivate()), "Holder-41", "Holder-41-k1");
            // The form takes whole minutes: step the clock to the next one (never more than the sequencer's 60 s jump
            // bound at once), list from it and end a minute later.
            long intoMinute = CLOCK.millis() % 60_000;
            if (intoMinute > 0) CLOCK.advance(60_000 - intoMinute);
            long start = CLOCK.millis();
            long endsAt = start + 60_000;
            h.go("#/holder-listings");
            h.choose(By.id("listing-mechanism"), "ENGLISH");
            h.choose(By.id("listing-fund"), "PE1");
            h.type(By.id("listing-units"), "1000.00");
            h.type(By.id("listing-starting-price"), "1.0000");
            h.type(By.id("listing-min-increment"), "0.0100");
            h.type(By.id("listing-starts"), MINUTES.format(Instant.ofEpochMilli(start)));
            h.type(By.id("listing-ends"), MINUTES.format(Instant.ofEpochMilli(endsAt)));
            h.type(By.id("listing-extension-window"), "20");
            h.type(By.id("listing-extension"), "30");
            h.click(By.id("listing-submit"));
            long listing = h.listingOfOutcome(0);
            h.awaitAttribute(By.id("listing-" + listing), "data-status", "PENDING_APPROVAL");
            JsonNode listed = market.staff1.get("/listings/" + listing).ok().body();
            assertEquals(List.of("Holder-41", "ENGLISH", "PE1", "1000.00", "1.0000", "0.0100", start, endsAt),
                    List.of(listed.path("seller").asText(), listed.path("mechanism").asText(), listed.path("fundCode").asText(),
                            listed.path("units").asText(), listed.path("startingPrice").asText(),
                            listed.path("minIncrement").asText(), listed.path("startsAt").asLong(),
                            listed.path("endsAt").asLong())); // the 20 s window and 30 s extension show in the late bid

            market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
            h.awaitAttribute(By.id("listing-" + listing), "data-status", "OPEN");
            registryHoldsTheSetup();
            h.go("#/holder-listings/" + listing);
            h.awaitAttribute(By.id("listing-countdown"), "data-ends", String.valueOf(endsAt));
            a.listing(listing, "OPEN").awaitEndsAt(endsAt);
            b.listing(listing, "OPEN").awaitEndsAt(endsAt);

            a.submit("listing-outcome", "english-bid-submit", "ok", "english-bid-price", "1.1000").awaitBids(1);
            a.awaitEndsAt(endsAt);
            b.listing(listing, "OPEN").awaitBids(1);
            b.submit("listing-outcome", "english-bid-submit", "4014", "english-bid-price", "1.1050");
            assertTrue(b.browser().driver().findElement(By.id("listing-outcome")).getText().startsWith("出价过低"),
                    "the refusal explained in the investor's language");

            CLOCK.advance(endsAt - 15_000 - CLOCK.millis()); // 15 s before the end: inside the 20 s extension window
            b.submit("listing-outcome", "english-bid-submit", "ok", "english-bid-price", "1.2000").awaitBids(2);
            long extended = endsAt - 15_000 + 30_000;
            assertEquals(extended, market.staff1.get("/listings/" + listing).ok().body().path("endsAt").asLong());
            b.awaitEndsAt(extended);
            a.awaitEndsAt(extended).awaitBids(2); // through A's live stream: B's bid reaches the listing's other bidders
            h.awaitAttribute(By.id("listing-countdown"), "data-ends", String.valueOf(extended));
            h.await(d -> d.findElements(By.cssSelector("#listing-bids tbody tr")).size() == 2 ? true : null);
            a.browser().screenshot("investor-english-auction-en");
            b.browser().screenshot("investor-english-auction-zh-CN");
            h.screenshot("holder-english-auction-en");

            CLOCK.advance(extended + 1_000 - CLOCK.millis()); // past the extended end: the sequencer's Tick closes it
            a.awaitListing(listing, "EXECUTED");
            b.awaitListing(listing, "EXECUTED");
            b.awaitTextIn("#listing-trade-price", "1.2000");
            b.awaitTextIn("#auction-bids tr.fx-mine", "中标");
            a.awaitTextIn("#auction-bids tr.fx-mine", "Lost");
            b.go("investor-transfers").awaitTextIn("#transfers-table tr[data-trade]", "1.2000");
            b.browser().screenshot("investor-transfers-after-auction-zh-CN");
            assertEquals("Executed", h.awaitText(By.id("listing-status"), "Executed"));
            assertEquals("CN¥1.2000", h.awaitText(By.id("listing-trade-price"), "1.2000"));

            List<JsonNode> trades = holderTransfers(holder, listing);
            assertEquals(1, trades.size(), trades.toString());
            long tradeId = trades.get(0).path("tradeId").asLong();
            h.go("#/holder-transfers");
            assertEquals(tradeId + " PE1 · Demo Fund PE1 Sold Investor-42 1,000.00 CN¥1.2000 CN¥1,200.00 80.00% 1.2000×"
                    + " Awaiting settlement — listing " + listing, h.awaitText(By.id("transfer-" + tradeId), "Investor-42"));
            h.screenshot("holder-transfers-after-auction-en");
            assertEquals(List.of(), a.consoleErrors());
            assertEquals(List.of(), b.consoleErrors());
            assertEquals(List.of(), h.consoleErrors());
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
    @Test
    void aHolderListsADutchAuctionInItsBrowserAndInvestorsBuyPartsAtTheFallingClockEachShownInItsLanguage() {
        market.fund("PD1", holder);
        registryHoldsTheSetup();
        try (HolderBrowser h = HolderBrowser.open(uri.toString());
             InvestorWindow a = window("en-US", "Investor-41", first);
             InvestorWindow b = window("zh-CN", "Investor-42", second)) {
            h.signIn(PortalKeyFiles.plain(keyFiles, "Holder-41-k1", holderKeys.getPrivate()), "Holder-41", "Holder-41-k1");
            long intoMinute = CLOCK.millis() % 60_000;
            if (intoMinute > 0) CLOCK.advance(60_000 - intoMinute);
            long start = CLOCK.millis();
            long endsAt = start + 120_000;
            h.go("#/holder-listings");
            h.choose(By.id("listing-mechanism"), "DUTCH");
            h.choose(By.id("listing-fund"), "PD1");
            h.type(By.id("listing-units"), "1000.00");
            h.type(By.id("listing-starting-price"), "1.0000");
            h.type(By.id("listing-reserve-price"), "0.8000");
            h.type(By.id("listing-min-increment"), "0.0500");
            h.type(By.id("listing-step"), "20");
            h.type(By.id("listing-starts"), MINUTES.format(Instant.ofEpochMilli(start)));
            h.type(By.id("listing-ends"), MINUTES.format(Instant.ofEpochMilli(endsAt)));
            h.click(By.id("listing-submit"));
            long listing = h.listingOfOutcome(0);
            h.awaitAttribute(By.id("listing-" + listing), "data-status", "PENDING_APPROVAL");
            JsonNode listed = market.staff1.get("/listings/" + listing).ok().body();
            assertEquals(List.of("DUTCH", "1000.00", "1.0000", "0.8000", "0.0500", "20000", String.valueOf(endsAt)),
                    List.of(listed.path("mechanism").asText(), listed.path("units").asText(),
                            listed.path("startingPrice").asText(), listed.path("reservePrice").asText(),
                            listed.path("minIncrement").asText(), listed.path("stepMs").asText(), listed.path("endsAt").asText()));
            market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
            registryHoldsTheSetup();

            a.listing(listing, "OPEN").awaitAttributes(By.id("dutch-clock-price"), "data-clock", "1.0000")
                    .awaitAttributes(By.id("dutch-next-step"), "data-next-step", String.valueOf(start + 20_000))
                    .awaitAttributes(By.id("dutch-lot"), "data-lot", "100.00");
            assertTrue(a.browser().driver().findElement(By.id("dutch-clock-at")).getText().startsWith("indicative, as read at"),
                    a.browser().driver().findElement(By.id("dutch-clock-at")).getText());
            a.submit("listing-outcome", "dutch-accept-submit", "ok", "dutch-units", "300.00");
            CLOCK.advance(45_000); // two steps down: 0.9000, the next step at one minute
            b.listing(listing, "OPEN").awaitAttributes(By.id("dutch-clock-price"), "data-clock", "0.9000")
                    .awaitAttributes(By.id("dutch-next-step"), "data-next-step", String.valueOf(start + 60_000))
                    .awaitTextIn("#dutch-units-left", "700");
            assertTrue(b.browser().driver().findElement(By.id("dutch-clock-at")).getText().startsWith("参考价，读取于"),
                    b.browser().driver().findElement(By.id("dutch-clock-at")).getText());
            assertTrue(b.browser().driver().findElement(By.id("dutch-next-step")).getText().startsWith("下次降价时间"),
                    b.browser().driver().findElement(By.id("dutch-next-step")).getText());
            b.submit("listing-outcome", "dutch-accept-submit", "4030", "dutch-units", "400.00", "dutch-max-price", "0.8500");
            assertTrue(b.browser().driver().findElement(By.id("listing-outcome")).getText().contains("时钟价格高于"),
                    "the refusal explained in the investor's language");
            b.submit("listing-outcome", "dutch-accept-submit", "ok", "dutch-units", "400.00", "dutch-max-price", "0.9000");
            b.browser().screenshot("investor-dutch-auction-zh-CN");
            a.browser().screenshot("investor-dutch-auction-en");

            h.go("#/holder-listings/" + listing);
            h.awaitText(By.id("listing-units-left"), "300");
            h.screenshot("holder-dutch-auction-en");
            List<JsonNode> trades = holderTransfers(holder, listing);
            assertEquals(List.of("Investor-41 300.00 1.0000", "Investor-42 400.00 0.9000"), trades.stream()
                    .map(t -> t.path("buyer").asText() + " " + t.path("units").asText() + " " + t.path("price").asText()).toList());

            depositHintsInEachLanguage(a, b);
        }
    }

    @Test
    void aHolderListsAClockAuctionInItsBrowserAndInvestorsStayInRoundByRoundEachShownInItsLanguage() {
        market.fund("PC1", holder);
        registryHoldsTheSetup();
        try (HolderBrowser h = HolderBrowser.open(uri.toString());
             InvestorWindow a = window("en-US", "Investor-41", first);
             InvestorWindow b = window("zh-CN", "Investor-42", second)) {
            h.signIn(PortalKeyFiles.plain(keyFiles, "Holder-41-k1", holderKeys.getPrivate()), "Holder-41", "Holder-41-k1");
            long intoMinute = CLOCK.millis() % 60_000;
            if (intoMinute > 0) CLOCK.advance(60_000 - intoMinute);
            long start = CLOCK.millis();
            long endsAt = start + 120_000;
            h.go("#/holder-listings");
            h.choose(By.id("listing-mechanism"), "CLOCK");
            h.choose(By.id("listing-fund"), "PC1");
            h.type(By.id("listing-units"), "1000.00");
            h.type(By.id("listing-starting-price"), "1.0000");
            h.type(By.id("listing-reserve-price"), "1.1000");
            h.type(By.id("listing-clock-increment"), "0.1000");
            h.type(By.id("listing-round"), "20");
            h.type(By.id("listing-starts"), MINUTES.format(Instant.ofEpochMilli(start)));
            h.type(By.id("listing-ends"), MINUTES.format(Instant.ofEpochMilli(endsAt)));
            h.click(By.id("listing-submit"));
            long listing = h.listingOfOutcome(0);
            h.awaitAttribute(By.id("listing-" + listing), "data-status", "PENDING_APPROVAL");
            JsonNode listed = market.staff1.get("/listings/" + listing).ok().body();
            assertEquals(List.of("CLOCK", "1000.00", "1.0000", "1.1000", "ClockListing", "0.1000", "20000", "true", "true"),
                    List.of(listed.path("mechanism").asText(), listed.path("units").asText(),
                            listed.path("startingPrice").asText(), listed.path("reservePrice").asText(),
                            listed.path("terms").path("type").asText(), listed.path("terms").path("increment").asText(),
                            listed.path("terms").path("roundMs").asText(), String.valueOf(listed.path("minIncrement").isMissingNode()),
                            String.valueOf(listed.path("stepMs").isMissingNode())),
                    "the holder's form sent the clock's own terms and none of the frozen flat ones: " + listed);
            market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
            registryHoldsTheSetup();

            a.listing(listing, "OPEN").awaitAttributes(By.id("clock-round"), "data-round", "0")
                    .awaitAttributes(By.id("clock-price"), "data-price", "1.0000")
                    .awaitAttributes(By.id("clock-next-round"), "data-next-round", String.valueOf(start + 20_000))
                    .awaitAttributes(By.id("clock-increment"), "data-increment", "0.1000");
            assertEquals(List.of("CN¥0.1000", "20"), List.of(
                    a.browser().driver().findElement(By.id("clock-increment")).getText(),
                    a.browser().driver().findElement(By.id("listing-clock-round-length")).getText()),
                    "the increment in the fund's currency, the round length in seconds");
            a.submit("listing-outcome", "clock-stay-submit", "ok");
            b.listing(listing, "OPEN").awaitAttributes(By.id("clock-round"), "data-round", "0");
            assertTrue(b.browser().driver().findElement(By.id("clock-panel")).getText().contains("价格每轮上升"),
                    b.browser().driver().findElement(By.id("clock-panel")).getText());
            b.submit("listing-outcome", "clock-stay-submit", "ok");
            b.submit("listing-outcome", "clock-stay-submit", "4203");
            assertTrue(b.browser().driver().findElement(By.id("listing-outcome")).getText().contains("您已留在本轮"),
                    "the clock's own refusal explained in the investor's language, from its module");

            CLOCK.advance(25_000); // round 1: 1.1000
            a.listing(listing, "OPEN").awaitAttributes(By.id("clock-round"), "data-round", "1")
                    .awaitAttributes(By.id("clock-price"), "data-price", "1.1000");
            assertTrue(a.browser().driver().findElement(By.id("clock-panel")).getText().contains("The price rises every round."),
                    a.browser().driver().findElement(By.id("clock-panel")).getText());
            a.submit("listing-outcome", "clock-stay-submit", "ok");
            a.browser().screenshot("investor-clock-auction-en");

            CLOCK.advance(20_000); // round 2: 1.2000; Investor-42 did not stay in round 1, so it is out
            b.listing(listing, "OPEN").awaitAttributes(By.id("clock-round"), "data-round", "2")
                    .awaitAttributes(By.id("clock-price"), "data-price", "1.2000");
            b.submit("listing-outcome", "clock-stay-submit", "4202");
            assertTrue(b.browser().driver().findElement(By.id("listing-outcome")).getText().contains("只有留在上一轮的出价人才能在本轮出价"),
                    b.browser().driver().findElement(By.id("listing-outcome")).getText());
            b.browser().screenshot("investor-clock-auction-zh-CN");

            JsonNode bids = market.staff1.get("/listings/" + listing + "/bids").ok().body();
            assertEquals(List.of("Investor-41 1.0000 0", "Investor-42 1.0000 0", "Investor-41 1.1000 1"),
                    StreamSupport.stream(bids.path("bids").spliterator(), false)
                            .map(bid -> bid.path("bidder").asText() + " " + bid.path("price").asText() + " "
                                    + bid.path("terms").path("round").asText()).toList(), bids.toString());
            h.go("#/holder-listings/" + listing);
            h.awaitText(By.id("listing-round-value"), "20");
            assertEquals(List.of("CN¥0.1000", "round 3 at CN¥1.2000"), List.of(h.find(By.id("listing-clock-increment-value")).getText(),
                    h.awaitText(By.id("listing-clock-round"), "round 3")), "the holder's clock rows, rounds shown from 1");
            assertTrue(h.find(By.id("listing-clock-note")).getText().contains("a bidder who misses a round is out"),
                    h.find(By.id("listing-clock-note")).getText());
            h.screenshot("holder-clock-auction-en");
        }
    }

    /**
     * Auctions asking a deposit (listed through the API, no investor cash needed to read them) show each investor
     * above its bid or acceptance form what locks it, in its language: a Dutch auction its module's own hint (each
     * acceptance locks its share), an English one a bid's (the first bid locks it all).
     */
    private static void depositHintsInEachLanguage(InvestorWindow a, InvestorWindow b) {
        market.fund("PD2", holder);
        market.fund("PD3", holder);
        long now = CLOCK.millis();
        long dutch = holder.post("/auctions", """
                {"fundCode":"PD2","mechanism":"DUTCH","units":"1000.00","startingPrice":"1.0000","reservePrice":"0.8000",
                 "minIncrement":"0.0500","stepMs":20000,"startsAt":%d,"endsAt":%d,"depositAmount":"100.00"}"""
                .formatted(now, now + 120_000)).ok().sourceIndex();
        long english = holder.post("/auctions", """
                {"fundCode":"PD3","mechanism":"ENGLISH","units":"1000.00","startingPrice":"1.0000",
                 "minIncrement":"0.0500","startsAt":%d,"endsAt":%d,"depositAmount":"100.00"}"""
                .formatted(now, now + 120_000)).ok().sourceIndex();
        market.staff2.post("/listings/" + dutch + "/approve", "{}").ok();
        market.staff2.post("/listings/" + english + "/approve", "{}").ok();
        registryHoldsTheSetup();
        assertEquals("This auction asks a deposit of CN¥100.00 for the whole lot: each acceptance needs its share for the"
                + " units it takes (rounded down to the fen, never more than the trade) available in your cash account,"
                + " locked and held for that acceptance's trade at once, applied to the price when you pay.",
                depositHint(a.listing(dutch, "OPEN"), "This auction asks a deposit of"));
        assertEquals("本拍卖整批须缴纳保证金 ¥100.00：每次应价须在资金账户中有可用的、按所受让份额折算的保证金（按分向下取整，不超过成交金额），"
                + "应价时即冻结并作为该笔成交的保证金，付款时抵作价款。", depositHint(b.listing(dutch, "OPEN"), "本拍卖整批须缴纳保证金"));
        assertEquals("Bidding needs a deposit of CN¥100.00 available in your cash account: your first bid locks it (later"
                + " bids lock nothing more). It is released if you do not win, and held for the trade if you do.",
                depositHint(a.listing(english, "OPEN"), "Bidding needs a deposit of"));
        assertEquals("出价须在资金账户中有可用的保证金 ¥100.00：首次出价时冻结（此后出价不再冻结）。未竞得的予以解冻；竞得的作为该笔成交的保证金继续冻结。",
                depositHint(b.listing(english, "OPEN"), "出价须在资金账户中有可用的保证金"));
    }

    /** The listing page's deposit hint, once it shows one starting as {@code start}. */
    private static String depositHint(InvestorWindow window, String start) {
        window.awaitTextIn("#listing-deposit-hint", start);
        return window.browser().driver().findElement(By.id("listing-deposit-hint")).getText();
    }

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
            List<JsonNode> trades = holderTransfers(market.holder, listing);
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
            // Each settled trade's certificate downloads from its row: the PDF and its signature, a button each
            // (signed reads); each answers 200 and no refusal is shown.
            a.browser().await(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#transfers-table tr[data-status='SETTLED'] button[data-certificate]"), 4));
            String toastBefore = toast(a);
            for (String file : List.of("pdf", "sig")) {
                a.browser().await(By.cssSelector("#transfers-table button[data-certificate-file='" + file + "']")).click();
                String answered = "#transfers-table button[data-certificate-file='" + file + "'][data-certificate-status]";
                a.browser().await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(answered)));
                assertEquals("200", a.browser().await(By.cssSelector(answered)).getDomAttribute("data-certificate-status"), file);
            }
            assertEquals(toastBefore, toast(a), "no refusal shown");
            a.go("investor-positions").awaitTextIn("#positions-table tr[data-fund='PB1']", "500.00");
            a.awaitTextIn("#positions-table tr[data-fund='PN1']", "1,000.00");

            a.screenshotEveryPage("en");
            a.language("zh-CN", "我的账户").screenshotEveryPage("zh-CN");
            a.language("en", "My account");
            assertEquals(List.of(), a.consoleErrors());
        }
    }

    /** The shell's refusal toast's text, or "" when none is shown. */
    private static String toast(InvestorWindow window) {
        return window.browser().driver().findElements(By.id("fx-toast")).stream().map(org.openqa.selenium.WebElement::getText)
                .findFirst().orElse("");
    }
}
