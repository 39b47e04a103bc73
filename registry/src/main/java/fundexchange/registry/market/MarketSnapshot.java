package fundexchange.registry.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Recomputes the published market data as of one day's close (issue 23; docs/rules.md, Public market data), in the
 * projector's transaction at the first event document of a later day. It takes the days that left the window off the
 * running sums the projector keeps (V29: per fund and per party, over the window and since the fund's figures last
 * moved; V32: a party's window sum an upper bound once days left since it was summed), reads one row per fund, then:
 * <ul>
 * <li>a fund is <em>eligible</em> when its manager opted in and its window holds at least k trades by at least k
 * distinct sellers and k distinct buyers, no single seller or buyer having more than half of its consideration;</li>
 * <li>an eligible fund's figures <em>move</em> to the window's only when at least k trades by k distinct sellers and k
 * distinct buyers settled since they last moved, no single seller or buyer having more than half of those trades'
 * consideration; otherwise the figures last moved stand (a withheld fund keeps them unshown), so the difference of two
 * successive snapshots is never fewer than k trades of k sellers and k buyers, nor one party's trades;</li>
 * <li>strategy and vintage figures (per currency) and the discount index sum the shown funds' figures only, so a group
 * minus its published funds is nothing;</li>
 * <li>a best bid or offer is shown for a shown fund only when that side rests at least k orders of k participants.</li>
 * </ul>
 */
public final class MarketSnapshot {
    /** Days in the window, the snapshot's day included. */
    public static final int WINDOW_DAYS = 90;
    private static final LocalDate NEVER = LocalDate.of(1, 1, 1);
    /**
     * The days leaving the window ({@code window_from} up to the new window's first day, excluded) come off each fund's
     * running sums, read from the fund's rows of those days only (V32): their sums, and the sellers and buyers whose last
     * day each was (so they are no longer in the window). No party's row is read or written: a party's window sum stays
     * summed from its {@code summed_from}, now an upper bound of its window sum (reading the 49,000 rows of nine days'
     * leaving parties by key cost more than the rest of the publication at the bench's sizes). A fund's largest party sum
     * is kept, now an upper bound: {@link #DOMINANT} finds it again only where the bound fails the dominance test of a fund
     * that could be shown (reading that fund's parties with a day in the window).
     */
    private static final String LEAVE = """
            UPDATE market_fund_sums f SET trades = f.trades - d.trades, units = f.units - d.units,
                consideration = f.consideration - d.consideration, weighted_pct = f.weighted_pct - d.weighted_pct,
                sellers = f.sellers - d.sellers, buyers = f.buyers - d.buyers, dominant_exact = false
            FROM (SELECT fund_code, sum(trades) AS trades, sum(units) AS units, sum(consideration) AS consideration,
                         sum(weighted_pct) AS weighted_pct, sum(last_sellers) AS sellers, sum(last_buyers) AS buyers
                  FROM market_fund_days WHERE day >= ? AND day < ? GROUP BY fund_code) d
            WHERE f.fund_code = d.fund_code
            """;
    /**
     * The largest party's window sum found again where the kept one is only an upper bound and that bound dominates
     * (more than half of the window's consideration, as {@link #dominates}), for the funds that could be shown only: opted
     * in, with at least k (the first parameter) trades, sellers and buyers in the window (a withheld fund keeps its bound,
     * and is recounted when it could be shown). A bound that does not dominate proves the exact sum does not either, so
     * those funds pass as they would with it. Only the parties with a day in the window (last day from the window's first,
     * the other parameters) are summed again, from the per-day rows of the window, and summed from its first day on, so
     * their next settlements keep the largest exact: a party whose last day left the window sums to 0 in it, adds nothing
     * to the largest, and its next settlement treats its row as exact anyway (it restarts a row whose last day is before
     * {@code window_from}, which is this window's first day from now on), so its row is left as it is.
     */
    private static final String DOMINANT = """
            WITH bounded AS (
                SELECT f.fund_code FROM market_fund_sums f JOIN market_consent c ON c.fund_code = f.fund_code AND c.publish
                WHERE NOT f.dominant_exact AND f.dominant * 2 > f.consideration AND f.trades >= ? AND f.sellers >= ?
                    AND f.buyers >= ?),
            exact AS (
                SELECT m.fund_code, m.side, m.party, m.summed_from, coalesce(sum(q.consideration), 0) AS consideration
                FROM bounded b JOIN market_fund_parties m ON m.fund_code = b.fund_code AND m.last_day >= ?
                LEFT JOIN market_fund_party_days q ON q.fund_code = m.fund_code AND q.day >= ? AND q.side = m.side
                    AND q.party = m.party
                GROUP BY m.fund_code, m.side, m.party, m.summed_from),
            parties AS (
                UPDATE market_fund_parties m SET window_consideration = e.consideration, summed_from = ?
                FROM exact e WHERE m.fund_code = e.fund_code AND m.side = e.side AND m.party = e.party
                    AND e.summed_from <> ?)
            UPDATE market_fund_sums f SET dominant = coalesce(x.top, 0), dominant_exact = true
            FROM bounded b LEFT JOIN (SELECT fund_code, max(consideration) AS top FROM exact GROUP BY fund_code) x
                ON x.fund_code = b.fund_code
            WHERE f.fund_code = b.fund_code
            """;
    private static final String CANDIDATES = """
            SELECT f.fund_code, f.trades, f.consideration, p.moved_as_of, f.sellers, f.buyers, f.dominant,
                   f.since_as_of, f.since_trades, f.since_consideration, f.since_sellers, f.since_buyers, f.since_dominant
            FROM market_fund_sums f
            JOIN market_consent c ON c.fund_code = f.fund_code AND c.publish
            JOIN market_fund_last l ON l.fund_code = f.fund_code
            LEFT JOIN market_published_funds p ON p.fund_code = f.fund_code
            WHERE f.trades > 0
            """;
    /** The figures of the funds that move (an array of fund codes), copied from their window sums and last trade. */
    private static final String MOVE = """
            INSERT INTO market_published_funds (fund_code, shown, moved_as_of, trades, units, consideration, weighted_pct,
                last_price, last_pct_bp, last_trade_date, best_bid, best_offer)
            SELECT f.fund_code, true, ?, f.trades, f.units, f.consideration, f.weighted_pct, l.price,
                   l.percent_of_nav_bp, l.trade_date, NULL, NULL
            FROM market_fund_sums f JOIN market_fund_last l ON l.fund_code = f.fund_code
            WHERE f.fund_code = ANY(?)
            ON CONFLICT (fund_code) DO UPDATE SET shown = true, moved_as_of = excluded.moved_as_of,
                trades = excluded.trades, units = excluded.units, consideration = excluded.consideration,
                weighted_pct = excluded.weighted_pct, last_price = excluded.last_price,
                last_pct_bp = excluded.last_pct_bp, last_trade_date = excluded.last_trade_date
            """;
    /**
     * The shown funds (an array of fund codes) with each side's best price of an OPEN book where at least k (the
     * second parameter) distinct participants rest open orders at that price.
     */
    private static final String SHOW = """
            WITH best AS (
                SELECT o.fund_code, o.side, CASE WHEN o.side = 'BUY' THEN max(o.price) ELSE min(o.price) END AS price
                FROM orders o JOIN order_books b ON b.fund_code = o.fund_code AND b.status = 'OPEN'
                WHERE o.status = 'OPEN' GROUP BY o.fund_code, o.side),
            quoted AS (
                SELECT best.fund_code, best.side, best.price
                FROM best JOIN orders o ON o.fund_code = best.fund_code AND o.side = best.side AND o.price = best.price
                    AND o.status = 'OPEN'
                GROUP BY best.fund_code, best.side, best.price
                HAVING count(DISTINCT o.owner) >= ?),
            quotes AS (
                SELECT fund_code, max(price) FILTER (WHERE side = 'BUY') AS bid,
                       max(price) FILTER (WHERE side <> 'BUY') AS offer
                FROM quoted GROUP BY fund_code)
            UPDATE market_published_funds p SET shown = true, best_bid = q.bid, best_offer = q.offer
            FROM unnest(CAST(? AS VARCHAR[])) AS s(fund_code) LEFT JOIN quotes q ON q.fund_code = s.fund_code
            WHERE p.fund_code = s.fund_code
            """;
    private static final String GROUPS = """
            INSERT INTO market_published_groups (kind, name, currency, funds, trades, units, consideration, weighted_pct)
            SELECT ?, %s, f.currency, count(*), sum(p.trades), sum(p.units), sum(p.consideration), sum(p.weighted_pct)
            FROM market_published_funds p JOIN funds f ON f.code = p.fund_code
            WHERE p.shown GROUP BY %s, f.currency
            """;

    private MarketSnapshot() {
    }

    /** What a recompute published. */
    public record Result(LocalDate asOf, int fundsPublished) {
    }

    /** As {@link #recompute(DSLContext, LocalDate, int, String)} on a JDBC connection (the benchmark's; it keeps jOOQ out). */
    public static Result recomputeOn(java.sql.Connection connection, LocalDate asOf, int k, String zone) {
        return recompute(org.jooq.impl.DSL.using(new org.jooq.tools.jdbc.SingleConnectionDataSource(connection),
                org.jooq.SQLDialect.POSTGRES), asOf, k, zone);
    }

    /**
     * Publishes the snapshot as of {@code asOf}'s close with {@code k} (stored with it, as is {@code zone}); every
     * settled trade up to then is summed.
     */
    public static Result recompute(DSLContext tx, LocalDate asOf, int k, String zone) {
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1L);
        LocalDate held = tx.fetchOptional("SELECT window_from FROM market_state WHERE id = 1")
                .map(r -> r.get(0, LocalDate.class)).orElse(null);
        LocalDate leaving = held == null ? NEVER : held;
        if (leaving.isAfter(from)) {
            // Cannot happen: the projector publishes only at the first document of a day later than the last one's, as of
            // the day before it, so as_of and with it the window's first day only grow. Were it to, the running sums
            // would lack the days between the two windows' first days: refuse rather than publish figures short of them.
            throw new IllegalStateException("market data as of " + asOf + " after a snapshot whose window began " + held);
        }
        if (leaving.isBefore(from)) {
            tx.execute(LEAVE, leaving, from);
        }
        tx.execute(DOMINANT, k, k, k, from, from, from, from);
        List<String> shown = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        for (Record r : tx.fetch(CANDIDATES)) {
            String fund = r.get("fund_code", String.class);
            long trades = r.get("trades", Long.class);
            BigDecimal consideration = r.get("consideration", BigDecimal.class);
            if (trades < k || r.get("sellers", Long.class) < k || r.get("buyers", Long.class) < k
                    || dominates(r.get("dominant", BigDecimal.class), consideration)) {
                continue;
            }
            shown.add(fund);
            LocalDate movedAsOf = r.get("moved_as_of", LocalDate.class);
            // The since sums hold the trades settled since the figures last moved only while kept under that move.
            boolean since = (movedAsOf == null ? NEVER : movedAsOf).equals(r.get("since_as_of", LocalDate.class));
            boolean enoughNew = since && r.get("since_trades", Long.class) >= k
                    && r.get("since_sellers", Long.class) >= k && r.get("since_buyers", Long.class) >= k
                    && !dominates(r.get("since_dominant", BigDecimal.class),
                            r.get("since_consideration", BigDecimal.class));
            if (movedAsOf == null || enoughNew) {
                moves.add(fund);
            }
        }
        tx.execute("UPDATE market_published_funds SET shown = false, best_bid = NULL, best_offer = NULL WHERE shown");
        if (!moves.isEmpty()) {
            tx.execute(MOVE, asOf, moves.toArray(String[]::new));
        }
        show(tx, shown, k);
        groups(tx, asOf);
        tx.execute("UPDATE market_state SET as_of = ?, published_k = ?, published_zone = ?, funds_published = ?,"
                + " window_from = ? WHERE id = 1", asOf, k, zone, shown.size(), from);
        return new Result(asOf, shown.size());
    }

    /**
     * Marks the eligible funds shown, with each side's best price where at least k distinct participants rest orders at
     * that price, in a book that is not HALTED (the one public figure not from settled trades; it names no one).
     */
    private static void show(DSLContext tx, List<String> shown, int k) {
        if (!shown.isEmpty()) {
            tx.execute(SHOW, k, shown.toArray(String[]::new));
        }
    }

    /** Strategy and vintage figures per currency, and today's index point per strategy and currency. */
    private static void groups(DSLContext tx, LocalDate asOf) {
        tx.execute("DELETE FROM market_published_groups");
        tx.execute(GROUPS.formatted("f.strategy", "f.strategy"), "STRATEGY");
        tx.execute(GROUPS.formatted("CAST(f.vintage AS VARCHAR)", "f.vintage"), "VINTAGE");
        BatchBindStep points = tx.batch("INSERT INTO market_index_points (strategy, currency, day, discount_bp)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (strategy, currency, day) DO UPDATE SET discount_bp = excluded.discount_bp");
        int count = 0;
        for (Record r : tx.fetch("SELECT name, currency, consideration, weighted_pct FROM market_published_groups"
                + " WHERE kind = 'STRATEGY' AND consideration > 0")) {
            points.bind(r.get(0, String.class), r.get(1, String.class), asOf,
                    discountBp(r.get(2, BigDecimal.class), r.get(3, BigDecimal.class)));
            count++;
        }
        if (count > 0) {
            points.execute();
        }
    }

    /**
     * The volume-weighted discount to NAV in basis points: 10000 minus the consideration-weighted mean of the trades'
     * percent of NAV (basis points), the mean rounded half up to a whole basis point. Negative is a premium.
     */
    public static long discountBp(BigDecimal consideration, BigDecimal weightedPct) {
        return 10_000L - weightedPct.divide(consideration, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Whether one party's {@code share} is more than half of {@code consideration} (the dominance rule). */
    private static boolean dominates(BigDecimal share, BigDecimal consideration) {
        return share.multiply(BigDecimal.TWO).compareTo(consideration) > 0;
    }

    /** The volume-weighted average price: consideration over units, rounded half up to the price scale (4). */
    public static BigDecimal vwap(BigDecimal consideration, BigDecimal units) {
        return consideration.divide(units, 4, RoundingMode.HALF_UP);
    }
}
