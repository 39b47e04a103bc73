package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Public market data in the demo (issue 23; docs/rules.md, "Public market data"): a fund manager opts two funds in
 * from its signed API; one has three settled trades by three different sellers to three different buyers, none of them
 * party to more than half the consideration, so its figures are published, the
 * other one settled trade, fewer than k (3), so it is withheld. Each trade settles delivery versus payment through the
 * bank ({@link DemoSettlement}), Manager-02 confirming the registration change. The registry publishes market data as of a day's close,
 * at the first document of the next day, so this runs on the demo's first day, before {@link DemoClock#moveTo}
 * moves the clock forward (some 45 days later, inside the 90-day window). The summary prints the figures as the unsigned
 * public reads answer them (what the portal's market page shows, signed out) and checks that the withheld fund and no
 * participant appear in any of them.
 */
final class DemoMarketData {
    static final String PUBLISHED = "DF31";
    static final String WITHHELD = "DF32";
    static final String MANAGER = "Manager-02";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DemoMarket market;

    DemoMarketData(DemoMarket market) {
        this.market = market;
    }

    void run() {
        market.enrol(MANAGER, "Demo GP Manager 2", List.of("MANAGER"), false);
        fund(PUBLISHED, "Demo Growth Fund VII", "1.5000");
        fund(WITHHELD, "Demo Venture Fund VII", "1.2000");
        Participant manager = market.person(MANAGER);
        for (String fund : List.of(PUBLISHED, WITHHELD)) {
            manager.post("/funds/" + fund + "/market-data-consent", "{\"publish\":true}").ok();
        }
        // Three sellers, three buyers (each one trade), three prices below NAV, no party above half the consideration
        // (14,400, 14,300 and 16,200 of 44,900); then one trade of the withheld fund.
        String[][] trades = {{"Holder-01", "1.2000", "12000.00"}, {"Holder-02", "1.3000", "11000.00"},
                {"Holder-03", "1.3500", "12000.00"}};
        for (int i = 0; i < trades.length; i++) {
            trade(PUBLISHED, trades[i][0], DemoMarket.investor(i + 1), trades[i][2], trades[i][1]);
        }
        trade(WITHHELD, "Holder-04", DemoMarket.investor(4), "8000.00", "1.0000");
        System.out.println("market data (" + PUBLISHED + ", " + WITHHELD + "): " + MANAGER + " opted both funds"
                + " in; " + PUBLISHED + " has 3 settled trades by 3 sellers to 3 buyers, " + WITHHELD + " one (below k = 3) / "
                + MANAGER + " 同意发布两只基金的数据；" + PUBLISHED + " 有 3 名卖方与 3 名买方的 3 笔已结算成交，"
                + WITHHELD + " 仅 1 笔（少于 k = 3）");
    }

    /** A FULL custody GROWTH fund of 2019 whose terms name {@link #MANAGER} (no consent, no priority), units to Holder-01..04. */
    private void fund(String code, String name, String nav) {
        market.staff1().post("/funds", """
                {"fundCode":"%s","shortName":"%s","manager":"Demo GP Manager 2","strategy":"GROWTH","vintage":2019,
                 "currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"%s","navDate":"2026-09-30",
                 "minTransferUnits":"100.00","rightOfFirstRefusal":false,"fundSize":"500000000.00"}"""
                .formatted(code, name, nav)).ok();
        market.script().approve("""
                {"type":"SetTransferTerms","fundCode":"%s","manager":"%s","consentRequired":false,"priority":"NONE",\
                "documentDigest":"%s"}""".formatted(code, MANAGER, DemoMarket.digest("Demo fund agreement of " + code)));
        for (int h = 1; h <= 4; h++) {
            market.staff1().post("/deposits", """
                    {"fundCode":"%s","holder":"Holder-%02d","units":"100000.00","cost":"100000.00"}""".formatted(code, h)).ok();
        }
    }

    private void trade(String fund, String seller, String buyer, String units, String price) {
        long listing = market.person(seller).post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"%s","price":"%s"}""".formatted(fund, buyer, units, price))
                .ok().sourceIndex();
        market.staff2().post("/listings/" + listing + "/approve", "{}").ok();
        long trade = NegotiatedTransferScript.eventOfType(market.person(buyer).post("/listings/" + listing + "/accept", "{}")
                .ok(), "TradeExecuted").path("tradeId").asLong();
        market.settle(trade);
    }

    /**
     * Prints the public market data as the unsigned reads answer them, after the demo's last write (the regulator's
     * reads before this waited for the registry to reach it), and the portal page that shows them.
     */
    static void print(URI exchange) {
        JsonNode summary = read(exchange, "/market-data");
        JsonNode funds = read(exchange, "/market-data/funds?limit=100");
        System.out.println("== Public market data (unsigned GET /market-data, no participant named) / 公开市场数据 ==");
        System.out.println("  as of / 截至 " + summary.path("asOf").asText() + " (" + summary.path("zone").asText() + "), k = "
                + summary.path("k").asText() + ": " + summary.path("fundsPublished").asText() + " funds published / 只基金已发布"
                + " (withheld funds are not counted: a count would tell which funds are registered / 未发布的基金不计数)");
        for (JsonNode f : funds.path("funds")) {
            JsonNode last = f.path("lastTrade");
            System.out.printf("  %-5s %-24s last %s %s (%s%% of NAV, %s)  VWAP90 %s  %s trades  %s units  %s %s%n",
                    f.path("fundCode").asText(), f.path("shortName").asText(), f.path("currency").asText(),
                    last.path("price").asText(), last.path("pctOfNav").asText(), last.path("tradeDate").asText(),
                    f.path("vwap90").asText(), f.path("tradeCount90").asText(), f.path("volumeUnits90").asText(),
                    f.path("consideration90").asText(), f.path("currency").asText());
        }
        for (JsonNode s : summary.path("strategies")) {
            JsonNode index = read(exchange, "/market-data/index?strategy="
                    + URLEncoder.encode(s.path("strategy").asText(), StandardCharsets.UTF_8));
            int points = 0;
            for (JsonNode series : index.has("series") ? index.path("series") : List.of(index)) {
                points += series.path("points").size();
            }
            System.out.printf("  strategy %-10s %s %s trades  %s units  %s %s  discount to NAV %s%%  index points %d%n",
                    s.path("strategy").asText(), s.path("currency").asText(), s.path("tradeCount").asText(),
                    s.path("volumeUnits").asText(), s.path("consideration").asText(), s.path("currency").asText(),
                    s.path("discountToNavPct").asText(), points);
        }
        String everything = summary.toString() + funds;
        for (String hidden : List.of(WITHHELD, "Holder-0", "Investor-0", "Manager-0")) {
            if (everything.contains(hidden)) {
                throw new IllegalStateException("public market data names " + hidden);
            }
        }
        if (!funds.path("funds").toString().contains(PUBLISHED)) {
            throw new IllegalStateException(PUBLISHED + "'s figures are not published: " + funds);
        }
        System.out.println("  " + WITHHELD + " is withheld and named nowhere; the portal shows these figures without signing in / "
                + WITHHELD + " 未发布且未被提及；门户无需登录即可查看: " + exchange + "/#/market");
    }

    private static JsonNode read(URI exchange, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(exchange.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
