package fundexchange.registry.read;

import fundexchange.registry.market.MarketSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Public market data (issue 23), as the last snapshot published it: only shown funds and the groups summed from them.
 * Nothing here carries a participant, pseudonym or trade id; an unknown fund and a withheld fund read alike (empty).
 */
public final class MarketReads {
    private static final String FUND = """
            SELECT p.fund_code, f.short_name, f.strategy, f.vintage, f.currency, p.moved_as_of, p.trades, p.units,
                   p.consideration, p.last_price, p.last_pct_bp, p.last_trade_date, p.best_bid, p.best_offer
            FROM market_published_funds p JOIN funds f ON f.code = p.fund_code
            WHERE p.shown
            """;
    private final DSLContext dsl;

    MarketReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One fund's published figures. */
    public record FundFigures(String fundCode, String shortName, String strategy, int vintage, String currency,
                              LocalDate figuresAsOf, BigDecimal lastPrice, BigDecimal lastPctOfNav,
                              LocalDate lastTradeDate, BigDecimal vwap90, long tradeCount90, BigDecimal volumeUnits90,
                              BigDecimal consideration90, BigDecimal bestBid, BigDecimal bestOffer) {
    }

    /**
     * A strategy's or vintage's figures in one currency, summed over shown funds; {@code discountToNavPct} is null for a
     * group without consideration.
     */
    public record GroupFigures(String name, String currency, int funds, long tradeCount, BigDecimal volumeUnits,
                               BigDecimal consideration, BigDecimal discountToNavPct) {
    }

    /** The snapshot's summary; {@code asOf} is null before the first snapshot. */
    public record Summary(LocalDate asOf, String zone, int k, int fundsPublished,
                          List<GroupFigures> strategies, List<GroupFigures> vintages) {
    }

    /** One strategy's discount-to-NAV series in one currency. */
    public record IndexSeries(String strategy, String currency, List<IndexPoint> points) {
    }

    public record IndexPoint(LocalDate date, BigDecimal discountToNavPct) {
    }

    public Summary summary() {
        Record s = dsl.fetchOptional("SELECT as_of, published_zone, published_k, funds_published FROM market_state"
                + " WHERE id = 1 AND as_of IS NOT NULL")
                .orElse(null);
        if (s == null) {
            return new Summary(null, fundexchange.protocol.reference.PlatformParameters.DEFAULTS.zone(),
                    fundexchange.protocol.reference.PlatformParameters.DEFAULT_MARKET_DATA_K, 0, List.of(), List.of());
        }
        List<GroupFigures> strategies = new ArrayList<>();
        List<GroupFigures> vintages = new ArrayList<>();
        for (Record r : dsl.fetch("SELECT kind, name, currency, funds, trades, units, consideration, weighted_pct"
                + " FROM market_published_groups ORDER BY kind, name, currency")) {
            BigDecimal units = r.get("units", BigDecimal.class);
            BigDecimal consideration = r.get("consideration", BigDecimal.class);
            GroupFigures group = new GroupFigures(r.get("name", String.class), r.get("currency", String.class),
                    r.get("funds", Integer.class), r.get("trades", Long.class), units, consideration,
                    consideration.signum() == 0 ? null
                            : percent(MarketSnapshot.discountBp(consideration, r.get("weighted_pct", BigDecimal.class))));
            ("STRATEGY".equals(r.get("kind", String.class)) ? strategies : vintages).add(group);
        }
        return new Summary(s.get(0, LocalDate.class), s.get(1, String.class), s.get(2, Integer.class),
                s.get(3, Integer.class), strategies, vintages);
    }

    /** The published snapshot's date; null before the first. */
    public LocalDate asOf() {
        return dsl.fetchOptional("SELECT as_of FROM market_state WHERE id = 1").map(r -> r.get(0, LocalDate.class))
                .orElse(null);
    }

    /** Shown funds by code after {@code after} (exclusive; null from the start), at most {@code limit}. */
    public List<FundFigures> funds(String after, int limit) {
        return dsl.fetch(FUND + " AND p.fund_code > ? ORDER BY p.fund_code LIMIT ?", after == null ? "" : after, limit)
                .map(MarketReads::figures);
    }

    /** One fund's figures if shown; empty for an unknown fund and a withheld one alike. */
    public Optional<FundFigures> fund(String fundCode) {
        return dsl.fetchOptional(FUND + " AND p.fund_code = ?", fundCode).map(MarketReads::figures);
    }

    /** The discount index over the snapshot's 90-day window, for one strategy or (null) all, by currency. */
    public List<IndexSeries> index(String strategy) {
        Map<List<String>, List<IndexPoint>> series = new LinkedHashMap<>();
        LocalDate asOf = dsl.fetchOptional("SELECT as_of FROM market_state WHERE id = 1")
                .map(r -> r.get(0, LocalDate.class)).orElse(null);
        if (asOf == null) {
            return List.of();
        }
        for (Record r : dsl.fetch("SELECT strategy, currency, day, discount_bp FROM market_index_points"
                        + " WHERE day > ? AND day <= ? AND (CAST(? AS VARCHAR) IS NULL OR strategy = ?)"
                        + " ORDER BY strategy, currency, day",
                asOf.minusDays(MarketSnapshot.WINDOW_DAYS), asOf, strategy, strategy)) {
            series.computeIfAbsent(List.of(r.get(0, String.class), r.get(1, String.class)), key -> new ArrayList<>())
                    .add(new IndexPoint(r.get(2, LocalDate.class), percent(r.get(3, Long.class))));
        }
        return series.entrySet().stream()
                .map(e -> new IndexSeries(e.getKey().get(0), e.getKey().get(1), List.copyOf(e.getValue()))).toList();
    }

    private static FundFigures figures(Record r) {
        BigDecimal units = r.get("units", BigDecimal.class);
        BigDecimal consideration = r.get("consideration", BigDecimal.class);
        return new FundFigures(r.get("fund_code", String.class), r.get("short_name", String.class),
                r.get("strategy", String.class), r.get("vintage", Integer.class), r.get("currency", String.class),
                r.get("moved_as_of", LocalDate.class), r.get("last_price", BigDecimal.class),
                percent(r.get("last_pct_bp", Long.class)), r.get("last_trade_date", LocalDate.class),
                MarketSnapshot.vwap(consideration, units), r.get("trades", Long.class), units, consideration,
                r.get("best_bid", BigDecimal.class), r.get("best_offer", BigDecimal.class));
    }

    /** Basis points as a percentage at scale 2 (exact). */
    private static BigDecimal percent(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2);
    }
}
