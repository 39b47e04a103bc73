package fundexchange.registry.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The check that the running sums (V29) are those of the per-day rows, for the tests that write either. */
final class RunningSums {
    private RunningSums() {
    }

    /**
     * The running sums the publication reads (V29) equal the sums of the per-day rows: over the window (from
     * {@code window_from}) and since each fund's figures last moved (nothing when kept under an earlier move); and each
     * party's window sum is its consideration from its {@code summed_from} on (V32), a day no later than the window's
     * first; and each day's count of the sellers and buyers whose last day it is, from the window's first day on.
     */
    static void areThoseOfTheDailyRows(DataSource dataSource) {
        String never = "DATE '0001-01-01'";
        String epoch = "coalesce(p.moved_as_of, " + never + ")";
        String kept = "CASE WHEN f.since_as_of = " + epoch + " THEN %s ELSE 0 END";
        String largest = "(SELECT coalesce(max(x.c), 0) FROM (SELECT sum(q.consideration) AS c FROM market_fund_party_days q"
                + " WHERE q.fund_code = f.fund_code AND q.day >= s.window_from GROUP BY q.side, q.party) x)";
        List<String> running = rows(dataSource, "SELECT f.fund_code, f.trades, " + n("f.units") + ", " + n("f.consideration") + ", "
                + n("f.weighted_pct") + ", f.sellers, f.buyers, "
                // an inexact largest party sum is an upper bound: shown as the exact one while it bounds it
                + n("CASE WHEN NOT f.dominant_exact AND f.dominant >= " + largest + " THEN " + largest
                        + " ELSE f.dominant END") + ", "
                + kept.formatted("f.since_trades") + ", " + n(kept.formatted("f.since_consideration")) + ", "
                + kept.formatted("f.since_sellers") + ", " + kept.formatted("f.since_buyers") + ", "
                + n(kept.formatted("f.since_dominant"))
                + " FROM market_fund_sums f CROSS JOIN market_state s"
                + " LEFT JOIN market_published_funds p ON p.fund_code = f.fund_code ORDER BY f.fund_code");
        String window = "d.day >= s.window_from";
        String since = "d.day > " + epoch;
        String parties = "(SELECT count(DISTINCT q.party) FROM market_fund_party_days q WHERE q.fund_code = d.fund_code"
                + " AND q.side = '%s' AND q.day %s)";
        String dominant = "(SELECT coalesce(max(x.c), 0) FROM (SELECT sum(q.consideration) AS c FROM"
                + " market_fund_party_days q WHERE q.fund_code = d.fund_code AND q.day %s GROUP BY q.side, q.party) x)";
        List<String> derived = rows(dataSource, "SELECT d.fund_code, coalesce(sum(d.trades) FILTER (WHERE " + window + "), 0), "
                + n("coalesce(sum(d.units) FILTER (WHERE " + window + "), 0)") + ", "
                + n("coalesce(sum(d.consideration) FILTER (WHERE " + window + "), 0)") + ", "
                + n("coalesce(sum(d.weighted_pct) FILTER (WHERE " + window + "), 0)") + ", "
                + parties.formatted("S", ">= s.window_from") + ", " + parties.formatted("B", ">= s.window_from") + ", "
                + n(dominant.formatted(">= s.window_from")) + ", "
                + "coalesce(sum(d.trades) FILTER (WHERE " + since + "), 0), "
                + n("coalesce(sum(d.consideration) FILTER (WHERE " + since + "), 0)") + ", "
                + parties.formatted("S", "> " + epoch) + ", " + parties.formatted("B", "> " + epoch) + ", "
                + n(dominant.formatted("> " + epoch))
                + " FROM market_fund_days d CROSS JOIN market_state s"
                + " LEFT JOIN market_published_funds p ON p.fund_code = d.fund_code"
                + " GROUP BY d.fund_code, s.window_from, p.moved_as_of ORDER BY d.fund_code");
        assertEquals(derived, running);
        // V32: each party's window sum is what it settled from its summed_from on, never after the window's first day.
        assertEquals(List.of(), rows(dataSource, "SELECT m.fund_code, m.side, m.party, m.summed_from,"
                + " m.window_consideration FROM market_fund_parties m CROSS JOIN market_state s"
                + " WHERE m.summed_from > coalesce(s.window_from, " + never + ") OR m.window_consideration <>"
                + " (SELECT coalesce(sum(q.consideration), 0) FROM market_fund_party_days q WHERE q.fund_code = m.fund_code"
                + " AND q.side = m.side AND q.party = m.party AND q.day >= m.summed_from)"));
        // V32: each day's count of the sellers and buyers whose last day it is, from the window's first day on.
        assertEquals(List.of(), rows(dataSource, "SELECT d.fund_code, d.day, d.last_sellers, d.last_buyers"
                + " FROM market_fund_days d CROSS JOIN market_state s WHERE d.day >= coalesce(s.window_from, " + never + ")"
                + " AND (d.last_sellers <> (SELECT count(*) FROM market_fund_parties m WHERE m.fund_code = d.fund_code"
                + " AND m.side = 'S' AND m.last_day = d.day) OR d.last_buyers <> (SELECT count(*) FROM market_fund_parties m"
                + " WHERE m.fund_code = d.fund_code AND m.side = 'B' AND m.last_day = d.day))"));
    }

    /**
     * The publication left no fund that could be shown (opted in, at least k trades, sellers and buyers in the window)
     * with an upper bound of its largest party sum that dominates: it found that fund's exact largest sum again.
     */
    static void leftNoDominatingBound(DataSource dataSource) {
        assertEquals(List.of(), rows(dataSource, "SELECT f.fund_code, f.consideration, f.dominant FROM market_fund_sums f"
                + " JOIN market_consent c ON c.fund_code = f.fund_code AND c.publish CROSS JOIN market_state s"
                + " WHERE NOT f.dominant_exact AND f.dominant * 2 > f.consideration AND f.consideration > 0"
                + " AND f.trades >= s.published_k AND f.sellers >= s.published_k AND f.buyers >= s.published_k"));
    }

    private static String n(String numeric) {
        return "CAST(" + numeric + " AS NUMERIC(40, 2))";
    }

    private static List<String> rows(DataSource dataSource, String sql) {
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(" ", row));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
