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
 * Public market data's aggregates (issue 23): settled trades summed per fund and settlement day (and per party), the
 * running sums the daily publication reads (per fund and per party: the window's and those since the fund's figures
 * last moved), each fund's last trade, and the manager's consent. Settlements of a transaction are summed at its end
 * (set-based, from the {@code transfers} rows the batch wrote); the first document of a later day in the platform zone
 * first publishes the snapshot as of the previous day's close ({@link MarketSnapshot}). Journal time only, never the
 * wall clock.
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
    /**
     * The running sums of the settled trades' parties and funds (V29, V32): each (fund, side, party) of the batch adds its
     * consideration to its window sum and to its sum since the fund's figures last moved (restarted when they moved
     * since its last trade), and each fund adds the batch's trades to its window and since sums, counts the parties new
     * to the window (last day before {@code window_from}) or new since the move, and keeps the largest party sum of each;
     * each party whose last day moves to this one counts on this day's row instead of its previous last day's
     * ({@code last_sellers}, {@code last_buyers}, V32; an earlier day than {@code window_from} is left, never read again).
     * A party's window sum is summed from its {@code summed_from}: exact when that is the window's first day, and summed
     * again from it (the batch alone) when the party has no day left in the window; otherwise an upper bound, kept so,
     * and the fund's largest sum is then no longer exact (whatever the bound: so the flag does not depend on how the
     * day's settlements fell into transactions, and a rebuild equals the live projection). The CTEs read the rows as they
     * were before the statement, so every party's prior sums are those it had.
     */
    private static final String SUMS = """
            WITH batch AS (
                SELECT fund_code, side, party, sum(consideration) AS consideration FROM (
                    SELECT fund_code, 'S' AS side, seller AS party, consideration FROM transfers WHERE trade_id = ANY(?)
                    UNION ALL
                    SELECT fund_code, 'B', buyer, consideration FROM transfers WHERE trade_id = ANY(?)) t
                GROUP BY fund_code, side, party),
            state AS (
                SELECT coalesce((SELECT window_from FROM market_state WHERE id = 1), DATE '0001-01-01') AS window_from),
            joined AS (
                SELECT b.fund_code, b.side, b.party, b.consideration, coalesce(p.moved_as_of, DATE '0001-01-01') AS epoch,
                       s.window_from, m.last_day, m.window_consideration, m.summed_from, m.since_as_of,
                       m.since_consideration,
                       m.party IS NULL OR m.last_day < s.window_from OR m.summed_from = s.window_from AS exact
                FROM batch b CROSS JOIN state s
                LEFT JOIN market_published_funds p ON p.fund_code = b.fund_code
                LEFT JOIN market_fund_parties m ON m.fund_code = b.fund_code AND m.side = b.side AND m.party = b.party),
            prior AS (
                SELECT fund_code, side, party, epoch, exact, coalesce(last_day < window_from, true) AS entered,
                       since_as_of IS DISTINCT FROM epoch AS fresh,
                       CASE WHEN exact THEN window_from ELSE summed_from END AS summed_from,
                       CASE WHEN last_day >= window_from THEN window_consideration ELSE 0 END + consideration
                           AS window_consideration,
                       CASE WHEN since_as_of = epoch THEN since_consideration ELSE 0 END + consideration
                           AS since_consideration
                FROM joined),
            lasts AS (
                UPDATE market_fund_days d SET last_sellers = d.last_sellers + x.sellers,
                    last_buyers = d.last_buyers + x.buyers
                FROM (SELECT fund_code, day, coalesce(sum(delta) FILTER (WHERE side = 'S'), 0) AS sellers,
                             coalesce(sum(delta) FILTER (WHERE side = 'B'), 0) AS buyers
                      FROM (SELECT fund_code, side, CAST(? AS DATE) AS day, 1 AS delta FROM joined
                            WHERE last_day IS NULL OR last_day < CAST(? AS DATE)
                            UNION ALL
                            SELECT fund_code, side, last_day, -1 FROM joined
                            WHERE last_day < CAST(? AS DATE) AND last_day >= window_from) t
                      GROUP BY fund_code, day) x
                WHERE d.fund_code = x.fund_code AND d.day = x.day),
            parties AS (
                INSERT INTO market_fund_parties AS m (fund_code, side, party, last_day, window_consideration, summed_from,
                    since_as_of, since_consideration)
                SELECT fund_code, side, party, CAST(? AS DATE), window_consideration, summed_from, epoch,
                       since_consideration FROM prior
                ON CONFLICT (fund_code, side, party) DO UPDATE SET last_day = greatest(m.last_day, excluded.last_day),
                    window_consideration = excluded.window_consideration, summed_from = excluded.summed_from,
                    since_as_of = excluded.since_as_of, since_consideration = excluded.since_consideration)
            INSERT INTO market_fund_sums AS f (fund_code, trades, units, consideration, weighted_pct, sellers, buyers,
                dominant, dominant_exact, since_as_of, since_trades, since_consideration, since_sellers, since_buyers,
                since_dominant)
            SELECT t.fund_code, t.trades, t.units, t.consideration, t.weighted_pct, r.sellers, r.buyers,
                   r.dominant, r.bounded = 0,
                   r.epoch, t.trades, t.consideration, r.since_sellers, r.since_buyers, r.since_dominant
            FROM (SELECT fund_code, count(*) AS trades, sum(units) AS units, sum(consideration) AS consideration,
                         sum(consideration * percent_of_nav_bp) AS weighted_pct
                  FROM transfers WHERE trade_id = ANY(?) GROUP BY fund_code) t
            JOIN (SELECT fund_code, min(epoch) AS epoch,
                         count(*) FILTER (WHERE side = 'S' AND entered) AS sellers,
                         count(*) FILTER (WHERE side = 'B' AND entered) AS buyers,
                         max(window_consideration) AS dominant, count(*) FILTER (WHERE NOT exact) AS bounded,
                         count(*) FILTER (WHERE side = 'S' AND fresh) AS since_sellers,
                         count(*) FILTER (WHERE side = 'B' AND fresh) AS since_buyers,
                         max(since_consideration) AS since_dominant
                  FROM prior GROUP BY fund_code) r ON r.fund_code = t.fund_code
            ON CONFLICT (fund_code) DO UPDATE SET trades = f.trades + excluded.trades, units = f.units + excluded.units,
                consideration = f.consideration + excluded.consideration,
                weighted_pct = f.weighted_pct + excluded.weighted_pct, sellers = f.sellers + excluded.sellers,
                buyers = f.buyers + excluded.buyers, dominant = greatest(f.dominant, excluded.dominant),
                dominant_exact = f.dominant_exact AND excluded.dominant_exact,
                since_as_of = excluded.since_as_of,
                since_trades = excluded.since_trades
                    + CASE WHEN f.since_as_of = excluded.since_as_of THEN f.since_trades ELSE 0 END,
                since_consideration = excluded.since_consideration
                    + CASE WHEN f.since_as_of = excluded.since_as_of THEN f.since_consideration ELSE 0 END,
                since_sellers = excluded.since_sellers
                    + CASE WHEN f.since_as_of = excluded.since_as_of THEN f.since_sellers ELSE 0 END,
                since_buyers = excluded.since_buyers
                    + CASE WHEN f.since_as_of = excluded.since_as_of THEN f.since_buyers ELSE 0 END,
                since_dominant = CASE WHEN f.since_as_of = excluded.since_as_of
                    THEN greatest(f.since_dominant, excluded.since_dominant) ELSE excluded.since_dominant END
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
        tx.execute(PARTIES, day, ids, ids);
        tx.execute(SUMS, ids, ids, day, day, day, day, ids);
        tx.execute(LAST, zone, day, ids);
        settled.clear();
    }
}
