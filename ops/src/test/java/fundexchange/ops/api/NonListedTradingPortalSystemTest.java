package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16's non-listed trading journeys in Debian's Chromium against a real node on the embedded PostgreSQL, each
 * participant in a browser profile of its own: a holder's offer, an investor's quote and the holder's counter (the
 * investor a pseudonym on the holder's page until the trade), accepted into a trade; two investors' intents, the
 * system's ranked proposals in the staff queue, the first brokered, both parties accepting, and the identities revealed
 * only then; staff settling a trade, proposing another's failure (approved by a second staff member) and opening and
 * halting a book. Screenshots of every new page in both languages go to target/portal-screenshots.
 */
@ServerTest
class NonListedTradingPortalSystemTest {
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static ApiMarket market;
    private static URI uri;
    private static Path keyFiles;
    private static KeyPair holderKeys;
    private static KeyPair staffKeys;
    private static KeyPair firstKeys;
    private static KeyPair secondKeys;
    private static Participant holder;
    private static Participant first;
    private static Participant second;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("otcportal", ExchangeNode.Options.DEFAULTS, CLOCK);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        keyFiles = Files.createTempDirectory("otc-portal-keys");
        holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        holder = market.newcomer(uri, "Holder-61", "HOLDER", false, holderKeys);
        staffKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Staff-61", "STAFF", false, staffKeys);
        firstKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        first = market.newcomer(uri, "Investor-61", "INVESTOR", true, firstKeys);
        secondKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        second = market.newcomer(uri, "Investor-62", "INVESTOR", true, secondKeys);
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> files = Files.walk(keyFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A browser signed in as {@code id} (English), with a plain PEM key file. */
    private static HolderBrowser browser(String id, KeyPair keys) {
        HolderBrowser browser = HolderBrowser.open(uri.toString());
        browser.signIn(PortalKeyFiles.plain(keyFiles, id + "-k1", keys.getPrivate()), id, id + "-k1");
        return browser;
    }

    /** Returns once the registry has projected every write of the test's API participants. */
    private static void registryHoldsTheSetup() {
        market.regulator.get("/funds").ok();
    }

    /** The holder posts an offer on its offers page; its id, once its row shows OPEN. */
    private static long postOffer(HolderBrowser h, String fund, String units, String minLot, String ask) {
        h.go("#/holder-offers");
        h.choose(By.id("offer-fund"), fund);
        h.type(By.id("offer-units"), units);
        h.type(By.id("offer-min-lot"), minLot);
        h.type(By.id("offer-ask"), ask);
        h.choose(By.id("offer-visibility"), "QUALIFIED_ONLY");
        h.click(By.id("offer-submit"));
        return h.await(d -> d.findElements(By.cssSelector("#offers-table tbody tr[data-status='OPEN']")).stream()
                .filter(row -> row.getText().contains(fund)).map(row -> Long.parseLong(row.getDomAttribute("data-offer")))
                .findFirst().orElse(null));
    }

    /** Waits until the element's attribute has {@code value}; returns the element's text. */
    private static String awaitRow(HolderBrowser h, String id, String attribute, String value) {
        h.awaitAttribute(By.id(id), attribute, value);
        return h.find(By.id(id)).getText();
    }

    /** Screenshots the current page in English and in Chinese, then returns to English. */
    private static void screenshots(HolderBrowser h, String name, String heading) {
        h.find(By.id(heading));
        h.driver().manage().window().setSize(new Dimension(1400, 2000));
        ((JavascriptExecutor) h.driver()).executeScript("window.scrollTo(0, 0);");
        h.screenshot(name + "-en");
        h.language("zh-CN");
        h.find(By.id(heading));
        h.screenshot(name + "-zh-CN");
        h.language("en");
    }

    /** Shows {@code route} and screenshots it in the window's language, then in the other one, and switches back. */
    private static void screenshots(InvestorWindow w, String route, String heading) {
        w.go(route);
        w.browser().await(By.id(heading));
        w.browser().driver().manage().window().setSize(new Dimension(1400, 2000));
        w.browser().driver().executeScript("window.scrollTo(0, 0);");
        String lang = w.browser().driver().findElement(By.tagName("html")).getDomAttribute("lang");
        boolean chinese = "zh-CN".equals(lang);
        w.browser().screenshot(route + "-" + lang);
        w.language(chinese ? "en" : "zh-CN", chinese ? "My account" : "我的账户");
        w.browser().await(By.id(heading));
        w.browser().screenshot(route + "-" + (chinese ? "en" : "zh-CN"));
        w.language(lang, chinese ? "我的账户" : "My account");
    }

    private static List<JsonNode> transfersOfOffer(Participant participant, long offerId) {
        JsonNode transfers = participant.get("/transfers").ok().body().path("transfers");
        return StreamSupport.stream(transfers.spliterator(), false)
                .filter(t -> t.path("offerId").asLong() == offerId).toList();
    }

    @Test
    void anInvestorsQuoteAndTheHoldersCounterAreAcceptedIntoATradeTheInvestorAPseudonymUntilThen() {
        market.fund("OQ1", holder);
        registryHoldsTheSetup();
        try (HolderBrowser h = browser("Holder-61", holderKeys);
             InvestorWindow a = InvestorWindow.signIn(uri, "zh-CN", keyFiles, "Investor-61", firstKeys)) {
            long offerId = postOffer(h, "OQ1", "10000.00", "1000.00", "1.2000");
            assertEquals(offerId + " OQ1 · Demo Fund OQ1 10,000.00 10,000.00 1,000.00 CN¥1.2000 80.00% 1.2000×"
                    + " Qualified investors only No expiry Open Withdraw", h.find(By.id("offer-" + offerId)).getText());
            screenshots(h, "holder-offers", "holder-offers");

            a.go("investor-offers").awaitTextIn("#offer-" + offerId, "1.2000");
            new Select(a.browser().await(By.id("quote-offer"))).selectByValue(String.valueOf(offerId));
            a.submit("offers-outcome", "quote-submit", "ok", "quote-price", "1.1000", "quote-units", "5000.00");
            assertFalse(a.source().contains("Holder-61"), "a teaser names no holder");
            screenshots(a, "investor-offers", "investor-offers");

            h.go("#/holder-quotes");
            long quoteId = h.await(d -> d.findElements(By.cssSelector("#quotes-table tbody tr[data-turn='HOLDER']")).stream()
                    .map(row -> Long.parseLong(row.getDomAttribute("data-quote"))).findFirst().orElse(null));
            String row = h.find(By.id("quote-" + quoteId)).getText();
            assertTrue(row.startsWith(quoteId + " " + offerId + " OQ1 · Demo Fund OQ1 P1 (pseudonym) CN¥1.1000 5,000.00 73.33%"),
                    row);
            assertFalse(h.driver().getPageSource().contains("Investor-61"), "the holder sees the investor as P1 only");
            h.type(By.id("quote-price-" + quoteId), "1.1500");
            h.click(By.id("quote-counter-" + quoteId));
            assertTrue(awaitRow(h, "quote-" + quoteId, "data-turn", "INVESTOR").contains("Waiting for the other side"));
            screenshots(h, "holder-quotes", "holder-quotes");

            a.go("investor-quotes").awaitAttributes(By.id("quote-" + quoteId), "data-turn", "INVESTOR");
            a.awaitTextIn("#quote-" + quoteId, "1.1500");
            assertEquals("不予披露", a.browser().await(By.cssSelector("#quote-" + quoteId + " .fx-party")).getText(),
                    "no holder before the trade");
            assertFalse(a.browser().await(By.id("quote-" + quoteId)).getText().contains("Holder-61"));
            screenshots(a, "investor-quotes", "investor-quotes");
            a.submit("quotes-outcome", "quote-accept-" + quoteId, "ok")
                    .awaitAttributes(By.id("quote-" + quoteId), "data-status", "ACCEPTED");
            a.awaitTextIn("#quote-" + quoteId + " .fx-party", "Holder-61");

            h.choose(By.id("quotes-status"), "ACCEPTED");
            h.awaitAttribute(By.id("quote-" + quoteId), "data-status", "ACCEPTED");
            assertEquals("Investor-61", h.awaitText(By.cssSelector("#quote-" + quoteId + " .fx-party"), "Investor-61"),
                    "the trade reveals the investor");
            h.go("#/holder-offers");
            assertTrue(h.awaitText(By.id("offer-" + offerId), "5,000.00 1,000.00").contains("Open"));

            List<JsonNode> trades = transfersOfOffer(holder, offerId);
            assertEquals(List.of("Holder-61", "Investor-61", "5000.00", "1.1500", "PENDING_SETTLEMENT"), List.of(
                    trades.get(0).path("seller").asText(), trades.get(0).path("buyer").asText(),
                    trades.get(0).path("units").asText(), trades.get(0).path("price").asText(),
                    trades.get(0).path("status").asText()));
            assertEquals(1, trades.size());
            assertEquals(List.of(), h.consoleErrors());
            assertEquals(List.of(), a.consoleErrors());
        }
    }

    @Test
    void twoIntentsDrawRankedProposalsStaffBrokerTheFirstAndTheAgreementRevealsThePartiesOnly() {
        market.fund("OM1", holder);
        registryHoldsTheSetup();
        try (HolderBrowser h = browser("Holder-61", holderKeys);
             HolderBrowser s = browser("Staff-61", staffKeys);
             InvestorWindow a = InvestorWindow.signIn(uri, "en-US", keyFiles, "Investor-61", firstKeys);
             InvestorWindow b = InvestorWindow.signIn(uri, "zh-CN", keyFiles, "Investor-62", secondKeys)) {
            a.go("investor-intents");
            a.browser().await(By.id("intent-fund-OM1")).click();
            a.submit("intents-outcome", "intent-submit", "ok", "intent-min-amount", "0.00", "intent-max-amount",
                    "30000.00", "intent-max-percent", "90");
            a.awaitTextIn("#intents-table", "Funds: OM1");
            b.go("investor-intents");
            b.browser().await(By.id("intent-mode-criteria")).click();
            b.submit("intents-outcome", "intent-submit", "ok", "intent-strategies", "GROWTH", "intent-min-amount",
                    "0.00", "intent-max-amount", "20000.00", "intent-max-percent", "85");
            b.awaitTextIn("#intents-table", "GROWTH");
            screenshots(b, "investor-intents", "investor-intents");

            long offerId = postOffer(h, "OM1", "50000.00", "1000.00", "1.2000");

            s.go("#/staff-matches");
            List<WebElement> ranked = s.await(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#staff-matches-table tbody tr[data-status='PROPOSED']"))
                        .stream().filter(row -> row.getText().contains("Holder-61") && row.getText().contains("OM1")).toList();
                return rows.size() == 2 ? rows : null;
            });
            assertEquals(List.of("1", "2"), ranked.stream().map(row -> row.getDomAttribute("data-rank")).sorted().toList());
            WebElement best = ranked.stream().filter(row -> "1".equals(row.getDomAttribute("data-rank"))).findFirst().orElseThrow();
            long matchId = Long.parseLong(best.getDomAttribute("data-match"));
            assertTrue(best.getText().contains("Investor-61"), "staff see the parties: " + best.getText());
            assertTrue(best.getText().contains("1,000"), "the surplus of 90% over an ask at 80% of NAV: " + best.getText());
            screenshots(s, "staff-matches", "staff-matches");
            s.click(By.id("broker-" + matchId));
            s.awaitAttribute(By.id("staff-outcome"), "data-state", "accepted");

            h.go("#/holder-matches");
            h.awaitAttribute(By.id("match-" + matchId), "data-status", "BROKERED");
            assertEquals("P1 (pseudonym)", h.find(By.cssSelector("#match-" + matchId + " .fx-party")).getText());
            assertFalse(h.driver().getPageSource().contains("Investor-61"), "the holder sees a pseudonym only");
            screenshots(h, "holder-matches", "holder-matches");
            a.go("investor-matches").awaitAttributes(By.id("match-" + matchId), "data-status", "BROKERED");
            assertEquals("not disclosed", a.browser().await(By.cssSelector("#match-" + matchId + " .fx-party")).getText());
            assertFalse(a.source().contains("Holder-61"), "the investor does not see the holder");
            screenshots(a, "investor-matches", "investor-matches");
            b.go("investor-matches").browser().await(By.id("matches-table-empty"));

            h.click(By.id("match-accept-" + matchId));
            h.awaitText(By.cssSelector("#match-" + matchId), "Yes No Brokered");
            assertFalse(h.driver().getPageSource().contains("Investor-61"), "one acceptance reveals nobody");
            a.submit("matches-outcome", "match-accept-" + matchId, "ok")
                    .awaitAttributes(By.id("match-" + matchId), "data-status", "AGREED");
            a.awaitTextIn("#match-" + matchId + " .fx-party", "Holder-61");
            h.awaitAttribute(By.id("match-" + matchId), "data-status", "AGREED");
            assertEquals("Investor-61", h.awaitText(By.cssSelector("#match-" + matchId + " .fx-party"), "Investor-61"));
            a.go("investor-intents").browser().await(By.id("intents-table-empty")); // filled: no longer OPEN

            long tradeId = transfersOfOffer(holder, offerId).get(0).path("tradeId").asLong();
            s.go("#/staff-settlements");
            s.awaitAttribute(By.id("trade-" + tradeId), "data-status", "PENDING_SETTLEMENT");
            screenshots(s, "staff-settlements", "staff-settlements");
            s.click(By.id("settle-" + tradeId));
            s.await(d -> d.findElements(By.id("trade-" + tradeId)).isEmpty());
            s.choose(By.id("settlements-status"), "SETTLED");
            s.awaitAttribute(By.id("trade-" + tradeId), "data-status", "SETTLED");
            assertEquals("SETTLED", transfersOfOffer(holder, offerId).get(0).path("status").asText());
            assertEquals(List.of(), h.consoleErrors());
            assertEquals(List.of(), s.consoleErrors());
            assertEquals(List.of(), a.consoleErrors());
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    void staffProposeATradesFailureASecondStaffMemberApprovesItAndStaffOpenAndHaltABook() {
        market.fund("OF1", holder);
        long offerId = holder.post("/offers", """
                {"fundCode":"OF1","units":"5000.00","minLot":"1000.00","askPrice":"1.3000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        long quoteId = second.post("/offers/" + offerId + "/quotes", """
                {"price":"1.3000","units":"2000.00"}""").ok().sourceIndex();
        holder.post("/quotes/" + quoteId + "/accept", "{}").ok();
        long tradeId = transfersOfOffer(holder, offerId).get(0).path("tradeId").asLong();
        registryHoldsTheSetup();
        CLOCK.advance(45_000); // within the sequencer's clock-jump bound
        long executedAt = market.staff1.get("/trades?fund=OF1").ok().body().path("trades").path(0).path("executedAt").asLong();
        assertEquals(market.staff1.get("/audit/records?fromIndex=" + tradeId / 4096 + "&toIndex=" + tradeId / 4096).ok()
                .body().path("records").path(0).path("time").asLong(), executedAt, "executed at its document's journal time");
        try (HolderBrowser s = browser("Staff-61", staffKeys)) {
            s.go("#/staff-settlements");
            s.awaitAttribute(By.id("trade-" + tradeId), "data-status", "PENDING_SETTLEMENT");
            assertTrue(s.find(By.cssSelector("#trade-" + tradeId + " [data-field=waiting]")).getText().matches("\\d+ min"),
                    "a trade awaiting settlement is aged from its execution, as the other queues are");
            assertTrue(s.find(By.cssSelector("#trade-" + tradeId + " [data-field=settleBy]")).getText()
                    .matches("Settle by .*\\(Asia/Shanghai, GMT\\+08:00\\).*"), "a pending trade shows its settlement deadline");
            assertTrue(s.find(By.id("trade-" + tradeId)).getText().contains("(Asia/Shanghai, GMT+08:00) · journal index "
                    + tradeId / 4096), s.find(By.id("trade-" + tradeId)).getText());
            assertTrue(s.find(By.id("settlements-oldest")).getText().matches("The oldest has waited \\d+ min\\."),
                    s.find(By.id("settlements-oldest")).getText());
            s.click(By.id("fail-" + tradeId));
            s.find(By.id("fail-reason-" + tradeId + "-check"));
            s.type(By.id("fail-reason-" + tradeId), "Buyer's payment not received");
            s.click(By.id("fail-" + tradeId));
            s.awaitAttribute(By.id("staff-outcome"), "data-state", "accepted");
            JsonNode proposal = market.staff2.get("/proposals?status=PENDING").ok().body().path("proposals")
                    .findParents("proposalId").stream()
                    .filter(p -> p.path("action").path("tradeId").asLong() == tradeId).findFirst().orElseThrow();
            assertEquals(List.of("FailSettlement", "Staff-61", "Buyer's payment not received"), List.of(
                    proposal.path("actionType").asText(), proposal.path("proposer").asText(),
                    proposal.path("action").path("reason").asText()));
            market.staff2.post("/proposals/" + proposal.path("proposalId").asLong() + "/approve", "{}").ok();
            s.await(d -> d.findElements(By.id("trade-" + tradeId)).isEmpty()); // heard on the staff member's stream
            s.choose(By.id("settlements-status"), "FAILED");
            s.awaitAttribute(By.id("trade-" + tradeId), "data-status", "FAILED");

            s.go("#/staff-books");
            s.awaitAttribute(By.id("book-OF1"), "data-status", "NONE");
            s.type(By.id("book-lot-OF1"), "100.00");
            s.click(By.id("book-open-OF1"));
            s.awaitAttribute(By.id("book-OF1"), "data-status", "OPEN");
            assertTrue(s.find(By.id("book-OF1")).getText().startsWith("OF1 · Demo Fund OF1 Open 100.00 0 bids, 0 asks"),
                    s.find(By.id("book-OF1")).getText());
            screenshots(s, "staff-books", "staff-books");
            s.click(By.id("book-halt-OF1"));
            s.awaitAttribute(By.id("book-OF1"), "data-status", "HALTED");
            assertEquals("HALTED", market.staff1.get("/books/OF1").ok().body().path("status").asText());
            s.click(By.id("book-open-OF1"));
            s.awaitAttribute(By.id("book-OF1"), "data-status", "OPEN");
            assertEquals(List.of(), s.consoleErrors());
        }
    }

    @Test
    void staffAndRegulatorsPageEveryTradeByStatusAndOthersAreRefused() {
        market.fund("OT1", holder);
        long offerId = holder.post("/offers", """
                {"fundCode":"OT1","units":"9000.00","minLot":"1000.00","askPrice":"1.2500","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        List<Long> trades = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long quoteId = first.post("/offers/" + offerId + "/quotes", """
                    {"price":"1.2500","units":"1000.00"}""").ok().sourceIndex();
            holder.post("/quotes/" + quoteId + "/accept", "{}").ok();
            trades.add(transfersOfOffer(holder, offerId).getLast().path("tradeId").asLong());
        }
        market.staff1.post("/trades/" + trades.get(1) + "/settle", "{}").ok();

        JsonNode firstPage = market.staff1.get("/trades?fund=OT1&status=PENDING_SETTLEMENT&limit=1").ok().body();
        assertEquals(List.of(trades.get(0)), ApiMarket.longs(firstPage.path("trades"), "tradeId"));
        assertEquals(trades.get(0), firstPage.path("nextAfter").asLong());
        JsonNode lastPage = market.regulator.get("/trades?fund=OT1&status=PENDING_SETTLEMENT&limit=1&after="
                + trades.get(0)).ok().body();
        assertEquals(List.of(trades.get(2)), ApiMarket.longs(lastPage.path("trades"), "tradeId"));
        assertFalse(lastPage.has("nextAfter"), "the last page");
        JsonNode settled = market.staff1.get("/trades?fund=OT1&status=SETTLED").ok().body().path("trades");
        assertEquals(List.of(trades.get(1)), ApiMarket.longs(settled, "tradeId"));
        assertEquals(List.of("Holder-61", "Investor-61", "1000.00", "1.2500", "SETTLED", offerId), List.of(
                settled.path(0).path("seller").asText(), settled.path(0).path("buyer").asText(),
                settled.path(0).path("units").asText(), settled.path(0).path("price").asText(),
                settled.path(0).path("status").asText(), settled.path(0).path("offerId").asLong()));
        assertEquals(403, holder.get("/trades").status());
        assertEquals(403, first.get("/trades").status());
        assertEquals(400, market.staff1.get("/trades?status=OPEN").status());
        assertEquals(400, market.staff1.get("/trades?colour=blue").status());
    }
}
