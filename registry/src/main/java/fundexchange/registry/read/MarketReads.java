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
 * {@link #published()} keeps the last snapshot in memory and reads PostgreSQL again only after the projector said it
 * published a new one ({@link #invalidate()}), so an unsigned read costs no database connection.
 */
public final class MarketReads {
    private static final String FUND = """
            SELECT p.fund_code, f.short_name, f.strategy, f.vintage, f.currency, p.moved_as_of, p.trades, p.units,
                   p.consideration, p.last_price, p.last_pct_bp, p.last_trade_date, p.best_bid, p.best_offer
            FROM market_published_funds p JOIN funds f ON f.code = p.fund_code
            WHERE p.shown
            """;
    private final DSLContext dsl;
    /** How many publications the projector announced; a cached snapshot older than this is read again. */
    private final java.util.concurrent.atomic.AtomicLong publications = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot cached;

    MarketReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One published snapshot, whole: every answer is taken from one of these, so its parts share one {@code asOf}.
     * {@code funds} are the shown funds by code in {@link String#compareTo} order (sorted here, whatever order they came
     * in, so that the {@link #funds(String, int)} cursor, compared the same way, never skips one); {@code index} every strategy's series. {@code generation} is the
     * count of announced publications it was read after.
     */
    public record Snapshot(Summary summary, List<FundFigures> funds, List<IndexSeries> index, long generation) {
        public Snapshot {
            funds = funds.stream().sorted(java.util.Comparator.comparing(FundFigures::fundCode)).toList();
            index = List.copyOf(index);
        }

        public LocalDate asOf() {
            return summary.asOf();
        }

        /** Shown funds by code after {@code after} (exclusive; null from the start), at most {@code limit}. */
        public List<FundFigures> funds(String after, int limit) {
            return funds.stream().filter(f -> after == null || f.fundCode().compareTo(after) > 0).limit(limit).toList();
        }

        /** One fund's figures if shown; empty for an unknown fund and a withheld one alike. */
        public Optional<FundFigures> fund(String fundCode) {
            return funds.stream().filter(f -> f.fundCode().equals(fundCode)).findFirst();
        }

        /** The discount index of one strategy, or (null) all. */
        public List<IndexSeries> index(String strategy) {
            return strategy == null ? index : index.stream().filter(s -> s.strategy().equals(strategy)).toList();
        }
    }

    /** The projector published a new snapshot (committed): the next {@link #published()} reads it. */
    public void invalidate() {
        publications.incrementAndGet();
    }

    /**
     * The last published snapshot from memory; read from PostgreSQL (in one repeatable-read transaction) only at the
     * first call and after {@link #invalidate()}.
     */
    public Snapshot published() {
        Snapshot snapshot = cached;
        long generation = publications.get();
        if (snapshot != null && snapshot.generation() == generation) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = cached;
            generation = publications.get();
            if (snapshot == null || snapshot.generation() != generation) {
                snapshot = load(generation);
                cached = snapshot;
            }
            return snapshot;
        }
    }

    /** The snapshot as the database holds it now, read consistently. */
    public Snapshot load() {
        return load(publications.get());
    }

    private Snapshot load(long generation) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Summary summary = summary(tx);
            if (summary.asOf() == null) {
                return new Snapshot(summary, List.of(), List.of(), generation);
            }
            return new Snapshot(summary, tx.fetch(FUND + " ORDER BY p.fund_code COLLATE \"C\"").map(MarketReads::figures),
                    index(tx, summary.asOf()), generation);
        });
    }

    /**
     * The manager's standing choice for {@code fundCode}: true opted in, false opted out, empty never set (withheld).
     * A signed read (the fund's manager, staff, regulators); the database is read each time.
     */
    public Optional<Consent> consent(String fundCode) {
        return dsl.fetchOptional("SELECT publish, set_at_index FROM market_consent WHERE fund_code = ?", fundCode)
                .map(r -> new Consent(r.get(0, Boolean.class), r.get(1, Long.class)));
    }

    /** A fund's standing consent and the journal index of the command that set it. */
    public record Consent(boolean publish, long setAtIndex) {
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
        public Summary {
            strategies = List.copyOf(strategies);
            vintages = List.copyOf(vintages);
        }
    }

    /** One strategy's discount-to-NAV series in one currency. */
    public record IndexSeries(String strategy, String currency, List<IndexPoint> points) {
        public IndexSeries {
            points = List.copyOf(points);
        }
    }

    public record IndexPoint(LocalDate date, BigDecimal discountToNavPct) {
    }

    public Summary summary() {
        return load().summary();
    }

    private static Summary summary(DSLContext dsl) {
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

    /** The published snapshot's date as the database holds it now; null before the first. */
    public LocalDate asOf() {
        return load().asOf();
    }

    /** As {@link Snapshot#funds(String, int)} of the database's snapshot now. */
    public List<FundFigures> funds(String after, int limit) {
        return load().funds(after, limit);
    }

    /** As {@link Snapshot#fund(String)} of the database's snapshot now. */
    public Optional<FundFigures> fund(String fundCode) {
        return load().fund(fundCode);
    }

    /** As {@link Snapshot#index(String)} of the database's snapshot now. */
    public List<IndexSeries> index(String strategy) {
        return load().index(strategy);
    }

    /** The discount index over the snapshot's 90-day window, every strategy, by currency. */
    private static List<IndexSeries> index(DSLContext dsl, LocalDate asOf) {
        Map<List<String>, List<IndexPoint>> series = new LinkedHashMap<>();
        for (Record r : dsl.fetch("SELECT strategy, currency, day, discount_bp FROM market_index_points"
                        + " WHERE day > ? AND day <= ? ORDER BY strategy, currency, day",
                asOf.minusDays(MarketSnapshot.WINDOW_DAYS), asOf)) {
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
