package fundexchange.registry.projector;

import fundexchange.protocol.event.MarketDataConsentSet;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.registry.market.MarketSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Public market data's aggregates (issue 23): settled trades summed per fund and settlement day, each fund's sellers
 * and last trade, and the manager's consent. Settlements of a transaction are summed at its end (set-based, from the
 * {@code transfers} rows the batch wrote); the first document of a later day in the platform zone first publishes the
 * snapshot as of the previous day's close ({@link MarketSnapshot}). Journal time only, never the wall clock.
 */
final class MarketProjection {
    private static final String DAYS = """
            INSERT INTO market_fund_days (fund_code, day, trades, units, consideration, weighted_pct)
            SELECT fund_code, ?, count(*), sum(units), sum(consideration), sum(consideration * percent_of_nav_bp)
            FROM transfers WHERE trade_id = ANY(?) GROUP BY fund_code
            ON CONFLICT (fund_code, day) DO UPDATE SET trades = market_fund_days.trades + excluded.trades,
                units = market_fund_days.units + excluded.units,
                consideration = market_fund_days.consideration + excluded.consideration,
                weighted_pct = market_fund_days.weighted_pct + excluded.weighted_pct
            """;
    private static final String SELLERS = """
            INSERT INTO market_fund_sellers (fund_code, seller, last_day)
            SELECT DISTINCT fund_code, seller, CAST(? AS DATE) FROM transfers WHERE trade_id = ANY(?)
            ON CONFLICT (fund_code, seller) DO UPDATE SET last_day = greatest(market_fund_sellers.last_day, excluded.last_day)
            """;
    private static final String BUYERS = """
            INSERT INTO market_fund_buyers (fund_code, buyer, last_day)
            SELECT DISTINCT fund_code, buyer, CAST(? AS DATE) FROM transfers WHERE trade_id = ANY(?)
            ON CONFLICT (fund_code, buyer) DO UPDATE SET last_day = greatest(market_fund_buyers.last_day, excluded.last_day)
            """;
    private static final String PARTIES = """
            INSERT INTO market_fund_party_days (fund_code, side, party, day, consideration)
            SELECT fund_code, side, party, CAST(? AS DATE), sum(consideration) FROM (
                SELECT fund_code, 'S' AS side, seller AS party, consideration FROM transfers WHERE trade_id = ANY(?)
                UNION ALL
                SELECT fund_code, 'B', buyer, consideration FROM transfers WHERE trade_id = ANY(?)) t
            GROUP BY fund_code, side, party
            ON CONFLICT (fund_code, day, side, party) DO UPDATE
                SET consideration = market_fund_party_days.consideration + excluded.consideration
            """;
    private static final String LAST = """
            INSERT INTO market_fund_last (fund_code, trade_id, price, percent_of_nav_bp, trade_date)
            SELECT DISTINCT ON (fund_code) fund_code, trade_id, price, percent_of_nav_bp,
                   coalesce(trade_date, CAST(to_timestamp(executed_at / 1000.0) AT TIME ZONE ? AS DATE), CAST(? AS DATE))
            FROM transfers WHERE trade_id = ANY(?) ORDER BY fund_code, trade_id DESC
            ON CONFLICT (fund_code) DO UPDATE SET trade_id = excluded.trade_id, price = excluded.price,
                percent_of_nav_bp = excluded.percent_of_nav_bp, trade_date = excluded.trade_date
            WHERE market_fund_last.trade_id < excluded.trade_id
            """;
    private final DSLContext tx;
    private final List<Long> settled = new ArrayList<>();
    private LocalDate day;
    private String zone;
    private int k;
    private boolean changed;
    private boolean loaded;
    private boolean published;

    /** Runs no statement: the state row is read by the first document of the transaction ({@link #document}). */
    MarketProjection(DSLContext tx) {
        this.tx = tx;
    }

    /**
     * Reads the state row, creating it if absent (from the platform parameters then). The upsert always writes the row
     * (its {@code DO UPDATE} keeps its values), so it is one of the document's own statements, never a bare read, and it
     * runs only when a document is being projected (docs/architecture.md, Public market data).
     */
    private void load() {
        Record state = tx.fetchSingle("INSERT INTO market_state (id, day, as_of, k, zone, funds_published)"
                + " VALUES (1, NULL, NULL, coalesce((SELECT CAST(value AS INTEGER) FROM platform_parameters"
                + " WHERE name = 'market-data-k'), ?), coalesce((SELECT value FROM platform_parameters WHERE name = 'zone'),"
                + " ?), 0) ON CONFLICT (id) DO UPDATE SET day = market_state.day RETURNING day, zone, k",
                PlatformParameters.DEFAULT_MARKET_DATA_K, PlatformParameters.DEFAULTS.zone());
        this.day = state.get(0, LocalDate.class);
        this.zone = state.get(1, String.class);
        this.k = state.get(2, Integer.class);
        loaded = true;
    }

    /**
     * Before the events of a document written at {@code time}: at the first document of a later day, everything
     * queued so far is written ({@code flush}) and the snapshot as of the previous day's close is published.
     */
    void document(long time, Runnable flush) {
        if (!loaded) {
            load();
        }
        LocalDate today = Instant.ofEpochMilli(time).atZone(ZoneId.of(zone)).toLocalDate();
        if (day != null && today.isAfter(day)) {
            flush.run();
            writeSettled();
            MarketSnapshot.recompute(tx, today.minusDays(1), k, zone);
            published = true;
        }
        if (day == null || today.isAfter(day)) {
            day = today;
            changed = true;
        }
    }

    /** Whether this transaction published a snapshot. */
    boolean published() {
        return published;
    }

    /** A trade settled at the current day; summed at the end of the transaction or the next rollover. */
    void settled(long tradeId) {
        settled.add(tradeId);
    }

    void consent(MarketDataConsentSet e, long index) {
        tx.execute("INSERT INTO market_consent (fund_code, publish, set_at_index) VALUES (?, ?, ?)"
                + " ON CONFLICT (fund_code) DO UPDATE SET publish = excluded.publish, set_at_index = excluded.set_at_index",
                e.fundCode(), e.publish(), index);
    }

    void parameter(PlatformParameterSet e) {
        if (!loaded) {
            load();
        }
        if ("zone".equals(e.name())) {
            zone = e.value();
            changed = true;
        } else if ("market-data-k".equals(e.name())) {
            k = Integer.parseInt(e.value());
            changed = true;
        }
    }

    /** After the batch's statements are written: sums this transaction's settlements and keeps the state row. */
    void finish() {
        writeSettled();
        if (loaded && changed) {
            tx.execute("UPDATE market_state SET day = ?, zone = ?, k = ? WHERE id = 1", day, zone, k);
            changed = false;
        }
    }

    private void writeSettled() {
        if (settled.isEmpty()) {
            return;
        }
        Long[] ids = settled.toArray(Long[]::new);
        tx.execute(DAYS, day, ids);
        tx.execute(SELLERS, day, ids);
        tx.execute(BUYERS, day, ids);
        tx.execute(PARTIES, day, ids, ids);
        tx.execute(LAST, zone, day, ids);
        settled.clear();
    }
}
