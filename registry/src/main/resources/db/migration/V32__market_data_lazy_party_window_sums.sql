-- Public market data (issue 23; docs/architecture.md, Public market data): the daily publication no longer writes a
-- row of market_fund_parties for each party-day leaving the window (about 5,500 a day, 49,000 after nine days without
-- documents, the cost of a publication after a gap). A party's window_consideration is now the consideration it settled
-- on days from its own summed_from on: exact while summed_from equals market_state.window_from, an upper bound of its
-- window sum once days left the window since. The publication only reads the leaving parties' rows (their last day, for
-- the distinct sellers and buyers; their sums, for whether a fund's largest one is still exact); a settlement sums a
-- party's row again from the window's first day when it has no day left in the window, and keeps it an upper bound
-- otherwise (the fund's largest sum then an upper bound too); the publication finds the exact sums of a fund's parties,
-- from the per-day rows, only where its upper bound fails the dominance test. Rules and figures unchanged
-- (docs/rules.md, Public market data).

-- V29's rows hold the window's sums: summed from the last snapshot's window start (0001-01-01 before the first).
ALTER TABLE market_fund_parties ADD COLUMN summed_from DATE NOT NULL DEFAULT DATE '0001-01-01';
UPDATE market_fund_parties SET summed_from = s.window_from FROM market_state s
WHERE s.id = 1 AND s.window_from IS NOT NULL;
ALTER TABLE market_fund_parties ALTER COLUMN summed_from DROP DEFAULT;
