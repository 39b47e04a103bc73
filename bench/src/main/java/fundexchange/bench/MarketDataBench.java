package fundexchange.bench;

import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.embedded.EmbeddedDatabase;
import fundexchange.registry.market.MarketSnapshot;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run market-data}: the daily recompute of public market data ({@link MarketSnapshot}, issue 23) over a
 * registry holding {@code --trades} settled trades in {@code --funds} funds, on an embedded PostgreSQL. The trades are
 * loaded as the projector leaves them (per fund and settlement day, per party and day, the running sums of the window
 * and since the last move after the previous day's publication, each fund's last trade), set-based in SQL, untimed; so
 * are the funds, their consent and {@code --orders} resting orders. For each of {@code --gaps} (days since the previous
 * publication: as many days leave the window at once; a Monday's 3, Spring Festival's 9) the running sums are loaded as
 * that publication left them and checked against the per-day rows; each timed recompute runs in a transaction that is
 * rolled back, so every run takes the same days off the window and publishes the same first snapshot (every fund's
 * figures new: a later day's recompute moves only the funds with k new trades). The result is the slowest of all.
 */
@Command(name = "market-data", mixinStandardHelpOptions = true,
        description = "Times the daily recompute of public market data over settled trades.")
public final class MarketDataBench implements Callable<Integer> {
    @Option(names = "--trades", defaultValue = "1000000", description = "settled trades (default: ${DEFAULT-VALUE})")
    int trades;
    @Option(names = "--funds", defaultValue = "10000", description = "funds (default: ${DEFAULT-VALUE})")
    int funds;
    @Option(names = "--sellers", defaultValue = "5000", description = "distinct sellers (default: ${DEFAULT-VALUE})")
    int sellers;
    @Option(names = "--days", defaultValue = "365", description = "settlement days the trades span (default: ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--orders", defaultValue = "100000", description = "resting book orders (default: ${DEFAULT-VALUE})")
    int orders;
    @Option(names = "--runs", defaultValue = "5", description = "timed recomputes (default: ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--gaps", split = ",", defaultValue = "1,3,9", description = "days since the previous publication,"
            + " each timed: 1 on a working day, 3 on a Monday, 9 after Spring Festival (default: ${DEFAULT-VALUE})")
    int[] gaps;

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-04");
    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        out.printf("machine: %d cores, JDK %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("mix: %,d settled trades in %,d funds (9 in 10 opted in), %,d sellers, over %d settlement days to %s;"
                + " %,d resting orders; k = 3, 90-day window%n", trades, funds, sellers, days, AS_OF, orders);
        Path work = Files.createTempDirectory("market-data-bench");
        try (EmbeddedDatabase server = EmbeddedDatabase.start(work.resolve("postgres"))) {
            DataSource admin = RegistryDatabase.dataSource(server.jdbcUrl(), server.user(), server.password());
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE market_bench");
            }
            DataSource dataSource = RegistryDatabase.dataSource(server.jdbcUrl().replace("/postgres", "/market_bench"),
                    server.user(), server.password());
            RegistryDatabase.migrate(dataSource);
            long loading = System.nanoTime();
            load(dataSource);
            out.printf("loaded in %.1f s (untimed)%n", (System.nanoTime() - loading) / 1e9);
            long slowest = 0;
            for (int gap : gaps) {
                long state = System.nanoTime();
                runningSums(dataSource, gap);
                out.printf("gap %d: running sums as after the publication of %s loaded and checked in %.1f s (untimed)%n",
                        gap, AS_OF.minusDays(gap), (System.nanoTime() - state) / 1e9);
                long[] timings = new long[runs];
                MarketSnapshot.Result result = null;
                for (int run = -2; run < runs; run++) { // two untimed warm-up runs
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        long started = System.nanoTime();
                        result = MarketSnapshot.recomputeOn(connection, AS_OF, 3, "Asia/Shanghai");
                        long took = System.nanoTime() - started;
                        if (run == -2) {
                            sumsAreThoseOfTheDailyRows(connection, "after the recompute, gap " + gap);
                        }
                        connection.rollback();
                        if (run >= 0) {
                            timings[run] = took;
                        }
                    }
                }
                Arrays.sort(timings);
                out.printf("gap %d: published %,d funds; recompute: %d runs, median %d ms, max %d ms%n", gap,
                        result.fundsPublished(), runs, timings[runs / 2] / 1_000_000, timings[runs - 1] / 1_000_000);
                out.printf("RESULT marketdata.recompute.gap%d %d ms%n", gap, timings[runs - 1] / 1_000_000);
                slowest = Math.max(slowest, timings[runs - 1]);
            }
            out.printf("RESULT marketdata.recompute %d ms%n", slowest / 1_000_000);
        } finally {
            fundexchange.ops.Directories.deleteRecursively(work);
        }
        return 0;
    }

    /** The registry as the projector leaves it after the trades settled, loaded set-based. */
    private void load(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO funds (code, short_name, manager, strategy, vintage, currency, legal_form, custody_mode,"
                    + " holder_cap, holder_count, nav, nav_date, min_transfer_units, rofr)"
                    + " SELECT 'F' || g, 'Demo Fund ' || g, 'Demo Capital Management',"
                    + " (ARRAY['GROWTH','BUYOUT','VENTURE','SECONDARIES','INFRASTRUCTURE'])[1 + g % 5], 2010 + g % 15,"
                    + " CASE WHEN g % 10 = 0 THEN 'USD' ELSE 'CNY' END, 'PARTNERSHIP', 'FULL', 200, 0, 1.5000,"
                    + " DATE '2026-09-30', 100.00, false FROM generate_series(0, " + (funds - 1) + ") g");
            s.execute("INSERT INTO market_consent (fund_code, publish, set_at_index)"
                    + " SELECT 'F' || g, g % 10 <> 3, 1 FROM generate_series(0, " + (funds - 1) + ") g");
            String trade = "SELECT i, 'F' || (i % " + funds + ") AS fund_code,"
                    + " DATE '" + AS_OF + "' - CAST((i * 7919) % " + days + " AS INTEGER) AS day,"
                    // a fund's trades are i = f, f + funds, f + 2 funds, ...: their sellers step by 414729 mod sellers
                    + " 'Holder-' || (((i / " + funds + ") * 104729 + i * 31) % " + sellers + ") AS seller,"
                    + " 'Investor-' || (((i / " + funds + ") * 7907 + i * 17) % " + sellers + ") AS buyer,"
                    + " CAST(100 + i % 900 AS NUMERIC(21, 2)) AS units,"
                    + " CAST(0.5000 + (i % 10000) / 10000.0 AS NUMERIC(23, 4)) AS price"
                    + " FROM generate_series(CAST(1 AS BIGINT), " + trades + ") i";
            String priced = "SELECT t.*, round(t.units * t.price, 2) AS consideration,"
                    + " CAST(round(t.price * 10000 / 1.5) AS BIGINT) AS bp FROM (" + trade + ") t";
            s.execute("INSERT INTO market_fund_party_days (fund_code, side, party, day, consideration)"
                    + " SELECT fund_code, side, party, day, sum(consideration) FROM (SELECT fund_code, 'S' AS side,"
                    + " seller AS party, day, consideration FROM (" + priced + ") p UNION ALL SELECT fund_code, 'B',"
                    + " buyer, day, consideration FROM (" + priced + ") q) x GROUP BY fund_code, side, party, day");
            // each day's sellers and buyers whose last day in the fund it is (every trade settled: gap-independent)
            s.execute("INSERT INTO market_fund_days (fund_code, day, trades, units, consideration, weighted_pct,"
                    + " last_sellers, last_buyers) SELECT p.fund_code, p.day, count(*), sum(p.units),"
                    + " sum(p.consideration), sum(p.consideration * p.bp), coalesce(min(l.sellers), 0),"
                    + " coalesce(min(l.buyers), 0) FROM (" + priced + ") p LEFT JOIN (SELECT fund_code, last_day,"
                    + " count(*) FILTER (WHERE side = 'S') AS sellers, count(*) FILTER (WHERE side = 'B') AS buyers"
                    + " FROM (SELECT fund_code, side, party, max(day) AS last_day FROM market_fund_party_days"
                    + " GROUP BY fund_code, side, party) q GROUP BY fund_code, last_day) l"
                    + " ON l.fund_code = p.fund_code AND l.last_day = p.day GROUP BY p.fund_code, p.day");
            s.execute("INSERT INTO market_fund_last (fund_code, trade_id, price, percent_of_nav_bp, trade_date)"
                    + " SELECT DISTINCT ON (fund_code) fund_code, i * 4096, price, bp, day FROM (" + priced + ") p"
                    + " ORDER BY fund_code, day DESC, i DESC");
            s.execute("INSERT INTO participants (id, name, type, roles, status, qualification)"
                    + " SELECT 'Trader-' || g, 'Trader ' || g, 'INSTITUTION', 'HOLDER,INVESTOR', 'ACTIVE', 'QUALIFIED'"
                    + " FROM generate_series(0, 999) g");
            s.execute("INSERT INTO order_books (fund_code, lot_units, status) SELECT code, 100.00, 'OPEN' FROM funds");
            s.execute("INSERT INTO orders (order_id, fund_code, owner, side, price, units, open_units, filled_units,"
                    + " status, priority) SELECT g, 'F' || (g % " + funds + "), 'Trader-' || ((g * 31) % 1000),"
                    + " CASE WHEN g % 2 = 0 THEN 'BUY' ELSE 'SELL' END,"
                    + " CASE WHEN g % 2 = 0 THEN 0.8000 ELSE 1.2000 END + (g % 97) / 10000.0, 100.00, 100.00, 0.00,"
                    + " 'OPEN', g FROM generate_series(1, " + orders + ") g");
            s.execute("ANALYZE");
        }
    }

    /**
     * The running sums as the projector leaves them after the publication {@code gap} days before {@link #AS_OF} (its
     * window from {@code windowFrom}, whose first {@code gap} days leave in the timed recompute) and the settlements
     * since; no fund's figures have moved yet (every fund new), so the sums since they moved hold every trade. Checked
     * against the per-day rows, untimed.
     */
    private void runningSums(DataSource dataSource, int gap) throws Exception {
        LocalDate windowFrom = AS_OF.minusDays(gap + MarketSnapshot.WINDOW_DAYS - 1L);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE market_state, market_fund_parties, market_fund_sums");
            s.execute("INSERT INTO market_state (id, day, as_of, k, zone, funds_published, window_from)"
                    + " VALUES (1, DATE '" + AS_OF + "', DATE '" + AS_OF.minusDays(gap) + "', 3, 'Asia/Shanghai', 0,"
                    + " DATE '" + windowFrom + "')");
            s.execute("INSERT INTO market_fund_parties (fund_code, side, party, last_day, window_consideration,"
                    + " summed_from, since_as_of, since_consideration) SELECT fund_code, side, party, max(day),"
                    + " coalesce(sum(consideration) FILTER (WHERE day >= DATE '" + windowFrom + "'), 0),"
                    + " DATE '" + windowFrom + "', DATE '0001-01-01', sum(consideration) FROM market_fund_party_days"
                    + " GROUP BY fund_code, side, party");
            s.execute("INSERT INTO market_fund_sums (fund_code, trades, units, consideration, weighted_pct, sellers,"
                    + " buyers, dominant, since_as_of, since_trades, since_consideration, since_sellers, since_buyers,"
                    + " since_dominant) SELECT d.fund_code, d.trades, d.units, d.consideration, d.weighted_pct,"
                    + " m.sellers, m.buyers, m.dominant, DATE '0001-01-01', d.all_trades, d.all_consideration,"
                    + " m.all_sellers, m.all_buyers, m.all_dominant FROM (SELECT fund_code,"
                    + " coalesce(sum(trades) FILTER (WHERE day >= DATE '" + windowFrom + "'), 0) AS trades,"
                    + " coalesce(sum(units) FILTER (WHERE day >= DATE '" + windowFrom + "'), 0) AS units,"
                    + " coalesce(sum(consideration) FILTER (WHERE day >= DATE '" + windowFrom + "'), 0) AS consideration,"
                    + " coalesce(sum(weighted_pct) FILTER (WHERE day >= DATE '" + windowFrom + "'), 0) AS weighted_pct,"
                    + " sum(trades) AS all_trades, sum(consideration) AS all_consideration FROM market_fund_days"
                    + " GROUP BY fund_code) d JOIN (SELECT fund_code,"
                    + " count(*) FILTER (WHERE side = 'S' AND last_day >= DATE '" + windowFrom + "') AS sellers,"
                    + " count(*) FILTER (WHERE side = 'B' AND last_day >= DATE '" + windowFrom + "') AS buyers,"
                    + " max(window_consideration) AS dominant, count(*) FILTER (WHERE side = 'S') AS all_sellers,"
                    + " count(*) FILTER (WHERE side = 'B') AS all_buyers, max(since_consideration) AS all_dominant"
                    + " FROM market_fund_parties GROUP BY fund_code) m ON m.fund_code = d.fund_code");
            s.execute("ANALYZE market_state, market_fund_parties, market_fund_sums");
            sumsAreThoseOfTheDailyRows(c, "loaded, gap " + gap);
        }
    }

    /**
     * Fails unless every fund's running window sums (trades, units, consideration, weighted percent, sellers, buyers,
     * largest party; an inexact largest at least it) equal those summed from the per-day rows of the window from
     * {@code market_state.window_from}.
     */
    private static void sumsAreThoseOfTheDailyRows(Connection c, String when) throws Exception {
        String window = "d.day >= s.window_from";
        String parties = "(SELECT count(DISTINCT q.party) FROM market_fund_party_days q WHERE q.fund_code = f.fund_code"
                + " AND q.side = '%s' AND q.day >= s.window_from)";
        String differ = "SELECT count(*) FROM market_fund_sums f CROSS JOIN market_state s LEFT JOIN LATERAL (SELECT"
                + " coalesce(sum(d.trades), 0) AS trades, coalesce(sum(d.units), 0) AS units,"
                + " coalesce(sum(d.consideration), 0) AS consideration, coalesce(sum(d.weighted_pct), 0) AS weighted_pct"
                + " FROM market_fund_days d WHERE d.fund_code = f.fund_code AND " + window + ") w ON true"
                + " CROSS JOIN LATERAL (SELECT coalesce(max(x.c), 0) AS c FROM (SELECT sum(q.consideration) AS c"
                + " FROM market_fund_party_days q WHERE q.fund_code = f.fund_code AND q.day >= s.window_from"
                + " GROUP BY q.side, q.party) x) l"
                + " WHERE f.trades <> w.trades OR f.units <> w.units OR f.consideration <> w.consideration"
                + " OR f.weighted_pct <> w.weighted_pct OR f.sellers <> " + parties.formatted("S")
                + " OR f.buyers <> " + parties.formatted("B") + " OR CASE WHEN f.dominant_exact THEN f.dominant <> l.c"
                + " ELSE f.dominant < l.c END";
        try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(differ)) {
            r.next();
            if (r.getLong(1) != 0) {
                throw new IllegalStateException(r.getLong(1) + " funds' running sums differ from the daily rows, " + when);
            }
        }
    }
}
