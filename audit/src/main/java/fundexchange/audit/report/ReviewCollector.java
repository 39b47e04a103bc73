package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.money.FixedPoint;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sees every trade of the journal so far (for the VWAP) and reviews the day's against {@link OutlierRule}. */
final class ReviewCollector {
    private static final long PAR_BASIS_POINTS = 10_000L;
    private final OutlierRule rule;
    private final Directory directory;
    private final Funds funds;
    private final TradeHistory history;
    private final List<TradeReview> reviews = new ArrayList<>();

    ReviewCollector(OutlierRule rule, Directory directory, Funds funds) {
        this.rule = rule;
        this.directory = directory;
        this.funds = funds;
        this.history = new TradeHistory(rule);
    }

    void accept(JournalDocument doc, String type, JsonNode e, boolean onDay) {
        if (!"TradeExecuted".equals(type)) {
            return;
        }
        String fundCode = Json.text(e, "fundCode");
        long priceRaw = raw(Json.text(e, "price"), Price.SCALE);
        Optional<TradeHistory.Vwap> vwap = history.before(fundCode, doc.time());
        history.add(fundCode, doc.time(), raw(Json.text(e, "units"), Units.SCALE),
                raw(Json.text(e, "consideration"), Money.SCALE));
        if (onDay) {
            reviews.add(review(doc, e, fundCode, priceRaw, vwap));
        }
    }

    private TradeReview review(JournalDocument doc, JsonNode e, String fundCode, long priceRaw,
                               Optional<TradeHistory.Vwap> vwap) {
        long basisPoints = Json.number(e, "percentOfNavBasisPoints");
        long fromNav = Math.abs(basisPoints - PAR_BASIS_POINTS);
        Long fromVwap = vwap.filter(v -> v.priceRaw() > 0)
                .map(v -> Math.multiplyExact(Math.abs(priceRaw - v.priceRaw()), PAR_BASIS_POINTS) / v.priceRaw())
                .orElse(null);
        List<String> outliers = new ArrayList<>();
        if (fromVwap != null && fromVwap > rule.vwapDeviationBasisPoints()) {
            outliers.add(TradeReview.VWAP);
        }
        if (fromNav > rule.navDeviationBasisPoints()) {
            outliers.add(TradeReview.NAV);
        }
        Funds.Fund fund = funds.of(fundCode);
        String seller = Json.text(e, "seller");
        String buyer = Json.text(e, "buyer");
        return new TradeReview(Json.number(e, "tradeId"), doc.sourceIndex(), doc.localTime(),
                TradeMechanism.of(e, directory), Json.number(e, "listingId"), fundCode, fund.name(), fund.currency(),
                seller, directory.name(seller), buyer, directory.name(buyer), Json.text(e, "units"),
                Json.text(e, "price"), Json.text(e, "consideration"), fund.nav(),
                BigDecimal.valueOf(basisPoints, 2).toPlainString(), Json.text(e, "multipleOfCost"),
                vwap.map(v -> FixedPoint.toDecimal(v.priceRaw(), Price.SCALE).toPlainString()).orElse(null),
                vwap.map(TradeHistory.Vwap::trades).orElse(0), fromVwap, fromNav, outliers);
    }

    /** An exact decimal string as a raw fixed-point value; absent or malformed is 0 (the engine wrote it). */
    private static long raw(String decimal, int scale) {
        try {
            return decimal == null ? 0 : FixedPoint.parse(new BigDecimal(decimal), scale, "amount");
        } catch (RuntimeException e) {
            return 0;
        }
    }

    List<TradeReview> build() {
        return reviews;
    }
}
