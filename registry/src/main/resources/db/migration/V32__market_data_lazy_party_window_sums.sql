-- Public market data (issue 23; docs/architecture.md, Public market data): the daily publication no longer writes, nor
-- reads, a row of market_fund_parties for each party leaving the window (about 5,500 a day, 49,000 after nine days
-- without documents, the cost of a publication after a gap). A party's window_consideration is now the consideration it
-- settled on days from its own summed_from on: exact while summed_from equals market_state.window_from, an upper bound
-- of its window sum once days left the window since (a fund that lost days keeps its largest sum as an upper bound); a
-- settlement sums a party's row again from the window's first day when it has no day left in the window, and keeps it
-- an upper bound otherwise (the fund's largest sum then an upper bound too); the publication finds the exact sums of a
-- fund's parties, from the per-day rows, only where its upper bound fails the dominance test. The sellers and buyers
-- leaving the window are counted from per-day counts (below). Rules and figures unchanged (docs/rules.md, Public market
-- data).

-- V29's rows hold the window's sums: summed from the last snapshot's window start (0001-01-01 before the first).
ALTER TABLE market_fund_parties ADD COLUMN summed_from DATE NOT NULL DEFAULT DATE '0001-01-01';
-- [jooq ignore start]
UPDATE market_fund_parties SET summed_from = s.window_from FROM market_state s
WHERE s.id = 1 AND s.window_from IS NOT NULL;
-- [jooq ignore stop]
ALTER TABLE market_fund_parties ALTER COLUMN summed_from DROP DEFAULT;

-- Per fund and settlement day, the sellers and buyers whose last settlement day in the fund it is: the publication
-- counts the distinct sellers and buyers leaving the window from the leaving days' rows it reads anyway, instead of
-- looking up each leaving party's last day. Kept exact for days from market_state.window_from on (a settlement moves a
-- party's count from its previous last day to its new one; an earlier day's count is no longer read).
ALTER TABLE market_fund_days ADD COLUMN last_sellers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE market_fund_days ADD COLUMN last_buyers INTEGER NOT NULL DEFAULT 0;
-- [jooq ignore start]
UPDATE market_fund_days d SET last_sellers = x.sellers, last_buyers = x.buyers
FROM (SELECT fund_code, last_day, count(*) FILTER (WHERE side = 'S') AS sellers,
             count(*) FILTER (WHERE side = 'B') AS buyers
      FROM market_fund_parties GROUP BY fund_code, last_day) x
WHERE d.fund_code = x.fund_code AND d.day = x.last_day;
-- [jooq ignore stop]
