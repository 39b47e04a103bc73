package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
import fundexchange.ops.Participant;
import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.sequencer.SequencerConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 23's public market page in Debian's Chromium against a real node on the embedded PostgreSQL: a fund whose
 * short name is an HTML injection attempt with ECharts rich-text markup has three settled trades by three different
 * sellers and its manager opts in on the manager's "Fund documents" page in the browser (signed in, where the market
 * page's link shows too, saying no figures are published yet); a second fund, opted in, has one settled trade, fewer
 * than k; a day later (the node's clock stepped) the registry publishes that day's close. Signed in, the page reads
 * again only once the journal moved on a day a later close may be out. Signed out, the market page shows the first
 * fund's figures as the unsigned public reads answer them, with the day they are as of, the name as text in the table
 * and the chart, the second fund neither named nor counted, in English and Chinese, with no console error.
 */
@ServerTest
class MarketPortalSystemTest {
    /** The node's clock, stepped a day by the test: market data is published as of a day's close. */
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static final long DAY = 86_400_000L;
    private static final String XSS_NAME = "<img src=x onerror=window.__xss=1>{a|x}";
    /** The name as chart text: ECharts' rich-text markup characters in their full-width forms (chartText). */
    private static final String XSS_CHART_NAME = "<img src=x onerror=window.__xss=1>｛a｜x｝";
    private static final String WITHHELD_NAME = "Demo Withheld Fund";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiMarket market;
    private static URI uri;
    private static Path files;
    private static KeyPair managerKeys;
    private static Participant manager;
    private static Participant otherManager;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        SequencerConfig sequencer = SequencerConfig.DEFAULTS;
        market = ApiMarket.start("marketportal", new ExchangeNode.Options(ExchangeNode.Options.DEFAULTS.checkpointInterval(),
                ExchangeNode.Options.DEFAULTS.snapshotEvery(), new SequencerConfig(sequencer.tickIntervalMs(), 2 * DAY,
                sequencer.queueCapacity())), CLOCK);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        files = Files.createTempDirectory("market-portal");
        managerKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        manager = market.newcomer(uri, "Manager-31", "MANAGER", false, managerKeys);
        var holder3 = market.newcomer(uri, "Holder-03", "HOLDER", false);
        var investor3 = market.newcomer(uri, "Investor-03", "INVESTOR", true);
        fund("MKT1", XSS_NAME);
        fund("MKT2", WITHHELD_NAME);
        for (var seller : List.of(market.holder, market.holder2, holder3)) {
            market.deposit("MKT1", seller);
        }
        market.deposit("MKT2", market.holder);
        // Three sellers to three buyers, none party to more than half the consideration (1,200, 1,300, 1,350 of 3,850).
        settledTrade(market.holder, market.investor, "MKT1", "1000.00", "1.2000");
        settledTrade(market.holder2, market.investor2, "MKT1", "1000.00", "1.3000");
        settledTrade(holder3, investor3, "MKT1", "1000.00", "1.3500");
        settledTrade(market.holder, market.investor, "MKT2", "1000.00", "1.4000");
        otherManager = market.newcomer(uri, "Manager-32", "MANAGER", false); // the page must never name it either
        manager.post("/funds/MKT2/market-data-consent", "{\"publish\":true}").ok();
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A FULL custody GROWTH fund of 2019 at NAV 1.5000, its transfer terms naming Manager-31 (no consent, no priority). */
    private static void fund(String code, String shortName) {
        market.staff1.post("/funds", """
                {"fundCode":"%s","shortName":"%s","manager":"Demo Capital Management","strategy":"GROWTH",
                 "vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.5000",
                 "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""".formatted(code, shortName))
                .ok();
        long terms = market.staff1.post("/proposals", """
                {"action":{"type":"SetTransferTerms","fundCode":"%s","manager":"Manager-31","consentRequired":false,\
                "priority":"NONE","documentDigest":"%s"}}""".formatted(code, ApiMarket.DIGEST)).ok().sourceIndex();
        market.staff2.post("/proposals/" + terms + "/approve", "{}").ok();
    }

    /** A negotiated transfer to {@code buyer}, approved, accepted and settled. */
    private static void settledTrade(Participant seller, Participant buyer, String fund, String units, String price) {
        long listing = seller.post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"%s","price":"%s"}""".formatted(fund, buyer.id(), units, price)).ok()
                .sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
        long trade = ApiMarket.event(buyer.post("/listings/" + listing + "/accept", "{}").ok(), "TradeExecuted")
                .path("tradeId").asLong();
        market.staff1.post("/trades/" + trade + "/settle", "{}").ok();
    }

    /** An unsigned GET of a public read: its status and JSON body. */
    private static JsonNode publicRead(String path, int status) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, answer.statusCode(), path + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    /**
     * What the signed-in market page does on two feed pages at the journal's index {@code journal}: its re-read mark
     * before, after a {@code TradeSettled} heard at the node's time (the day after asOf: no later close can be out) and
     * after an entry a day later (a close after asOf may be out: it reads again, at that index).
     */
    private static List<?> heard(HolderBrowser browser, long journal) {
        return (List<?>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const page = document.querySelector('fx-market-page');
                const entry = time => ({ kind: 'event', sourceIndex: arguments[0], time, data: { type: 'TradeSettled' } });
                const marks = [String(page.readAt)];
                page.hear([entry(arguments[1])], String(arguments[0]));
                marks.push(String(page.readAt));
                page.hear([entry(arguments[1] + arguments[2])], String(arguments[0]));
                marks.push(String(page.readAt));
                return marks;""", journal, CLOCK.millis(), DAY);
    }

    @Test
    void theStandingConsentIsReadByTheFundsManagerAndOversightAndAnyoneElseGetsTheUnknownFunds404() {
        Participant.Reply own = manager.get("/funds/MKT2/market-data-consent").ok();
        assertEquals(List.of("MKT2", "true"), List.of(own.body().path("fundCode").asText(),
                own.body().path("publish").asText()));
        assertTrue(own.body().path("setAtIndex").asLong() > 0, own.body()::toString);
        assertEquals(own.body(), market.regulator.get("/funds/MKT2/market-data-consent").ok().body());
        List<Participant.Reply> refused = List.of(otherManager.get("/funds/MKT2/market-data-consent"),
                market.holder.get("/funds/MKT2/market-data-consent"), manager.get("/funds/NOPE/market-data-consent"));
        for (Participant.Reply reply : refused) {
            assertEquals(List.of(404, "107"), List.of(reply.status(), reply.body().path("code").asText()), reply.body()::toString);
        }
        assertEquals(refused.get(0).body().path("message").asText().replace("MKT2", "NOPE"),
                refused.get(2).body().path("message").asText());
    }

    @Test
    void theManagerOptsInAndTheMarketPageShowsTheFiguresSignedOutNamingNoFundBelowK() throws Exception {
        try (HolderBrowser manager = HolderBrowser.signedIn(uri.toString(), files, "Manager-31", managerKeys.getPrivate())) {
            assertEquals("Market data", manager.find(By.id("fx-nav-market")).getText(), "the link shows signed in");
            manager.find(By.id("fx-nav-market")).click();
            assertTrue(manager.find(By.id("market-none")).getText().startsWith("No market data has been published yet."),
                    "every document so far is of one day: no close is published");
            assertTrue(manager.driver().findElements(By.id("market-as-of")).isEmpty(), "no \"As of\" without a date");
            manager.go("#/fund-documents");
            manager.choose(By.id("fund-docs-fund"), "MKT1");
            manager.awaitAttribute(By.id("market-consent"), "data-fund", "MKT1");
            manager.awaitAttribute(By.id("market-consent"), "data-shown", "hidden");
            manager.click(By.id("market-publish"));
            manager.awaitAttribute(By.id("room-outcome"), "data-state", "accepted");
            manager.awaitAttribute(By.id("market-consent"), "data-chosen", "true");
            market.reached(Long.parseLong(manager.find(By.id("room-outcome")).getDomAttribute("data-index")));
            manager.screenshot("market-consent-manager-en");

            // The registry publishes the day's close at the first document of the next day: a day later, any write.
            CLOCK.advance(DAY);
            market.deposit("MKT2", market.holder2);
            market.regulator.get("/transfers").ok(); // the registry, market data included, has reached that write
            manager.go("#/market");
            manager.find(By.id("market-as-of"));
            long journal = market.position();
            assertEquals(List.of("0", "0", String.valueOf(journal)), heard(manager, journal),
                    "a settlement on the day after asOf reads nothing; the journal moved two days on may publish a close");
            assertEquals(List.of(), manager.consoleErrors());
        }
        JsonNode summary = publicRead("/market-data", 200);
        JsonNode figures = publicRead("/market-data/funds/MKT1", 200);
        publicRead("/market-data/funds/MKT2", 404);
        assertEquals(List.of("3", "1", "false"), List.of(summary.path("k").asText(),
                summary.path("fundsPublished").asText(), String.valueOf(summary.has("fundsWithheld"))), summary.toString());

        try (HolderBrowser browser = HolderBrowser.open(uri.toString())) {
            assertTrue(browser.driver().findElements(By.id("fx-participant")).isEmpty(), "signed out");
            browser.find(By.id("fx-nav-market")).click();
            WebElement row = browser.find(By.id("market-fund-MKT1"));
            String name = row.findElement(By.className("fx-fund-name")).getText();
            assertTrue(name.startsWith("MKT1 · " + XSS_NAME), name);
            assertTrue(row.getText().contains(figures.path("tradeCount90").asText()), row.getText());
            assertTrue(row.getText().contains("1.3500"), "the last trade's price: " + row.getText());
            assertEquals(figures.path("figuresAsOf").asText(), row.findElement(By.className("fx-figures-as-of"))
                    .getDomAttribute("data-figures-as-of"), "each fund's row says the day its 90-day figures end");
            assertEquals(summary.path("asOf").asText(), browser.find(By.id("market-as-of")).getDomAttribute("data-as-of"));
            assertEquals(List.of(summary.path("fundsPublished").asText(), "3"),
                    List.of(browser.find(By.id("market-published")).getDomAttribute("data-published"),
                            browser.find(By.id("market-withheld")).getDomAttribute("data-k")));
            assertEquals("Funds not shown are neither named nor counted (fewer than 3 trades, sellers or buyers, one party"
                    + " above half the consideration, or not opted in).", browser.find(By.id("market-withheld")).getText());
            browser.find(By.id("market-strategy-GROWTH-CNY"));
            browser.find(By.id("market-signin"));
            browser.awaitAttribute(By.id("market-price-chart-CNY"), "data-drawn", "1");
            List<?> chart = (List<?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('echarts').then(echarts => {
                      const prices = echarts.getInstanceByDom(document.getElementById('market-price-chart-CNY')).getOption();
                      const index = echarts.getInstanceByDom(document.getElementById('market-index-chart')).getOption();
                      done([prices.tooltip[0].renderMode, prices.yAxis[0].data.join('\\n'),
                            index.series.map(s => s.name).join(','), document.querySelectorAll('#market-page img').length,
                            String(window.__xss)]);
                    }, e => done(String(e)));""");
            assertEquals(List.of("richText", "MKT1 · " + XSS_CHART_NAME, "GROWTH", 0L, "undefined"), chart,
                    "the name charted as text (its markup characters full-width), no element made of it, no handler ran");
            String page = browser.driver().getPageSource();
            for (String unnamed : List.of("MKT2", WITHHELD_NAME, "Holder-0", "Investor-0", "Manager-3")) {
                assertFalse(page.contains(unnamed), unnamed + " appears on the public page");
            }
            browser.screenshot("market-en");
            browser.language("zh-CN");
            browser.awaitText(By.id("market-withheld"),
                    "未显示的基金既不列名也不计数（成交笔数、卖方或买方少于 3，一方占成交金额一半以上，或管理人未同意）。");
            browser.awaitAttribute(By.id("market-price-chart-CNY"), "data-drawn", "2");
            browser.screenshot("market-zh-CN");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
