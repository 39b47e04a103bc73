-- Public market data's running sums (issue 23; docs/architecture.md, Public market data): the daily publication reads
-- one row per fund (market_fund_sums) instead of grouping the 90-day window and every fund's sellers, buyers and their
-- shares; the projector keeps the sums at each settlement, and the publication subtracts only the days that leave the
-- window. Rules unchanged (docs/rules.md, Public market data). The per-day rows stay: the days leaving the window are
-- read from them. market_fund_sellers and market_fund_buyers are folded into market_fund_parties (last_day per side).

-- The first day the window sums hold (every settlement day from it on): the window's first day of the last snapshot
-- published; NULL before the first, when they hold every day.
ALTER TABLE market_state ADD COLUMN window_from DATE NULL;

-- Per fund, side (S seller, B buyer) and participant: the last settlement day (distinct parties in the window are those
-- with a last day in it), the consideration settled on days from window_from on, and the consideration settled since the
-- fund's figures last moved, summed while the fund's moved_as_of was since_as_of (0001-01-01 never moved; any other
-- value means nothing since: the sum restarts at the party's next trade).
CREATE TABLE market_fund_parties (
    fund_code            VARCHAR(64)    NOT NULL,
    side                 CHAR(1)        NOT NULL,
    party                VARCHAR(64)    NOT NULL,
    last_day             DATE           NOT NULL,
    window_consideration NUMERIC(30, 2) NOT NULL,
    since_as_of          DATE           NULL,
    since_consideration  NUMERIC(30, 2) NOT NULL,
    CONSTRAINT market_fund_parties_pk PRIMARY KEY (fund_code, side, party),
    CONSTRAINT market_fund_parties_side_ck CHECK (side IN ('S', 'B'))
);

-- Per fund: the window's sums (days from window_from on) with its distinct sellers and buyers and the largest one
-- party's consideration (dominant: exactly that while dominant_exact, else an upper bound of it, kept when days left the
-- window and the party that had it lost some; found again only when the bound fails the dominance test); and the same since the fund's figures last moved (since_*, valid while since_as_of
-- equals the fund's moved_as_of, 0001-01-01 when it never moved; otherwise nothing settled since).
CREATE TABLE market_fund_sums (
    fund_code           VARCHAR(64)    NOT NULL,
    trades              BIGINT         NOT NULL,
    units               NUMERIC(30, 2) NOT NULL,
    consideration       NUMERIC(30, 2) NOT NULL,
    weighted_pct        NUMERIC(40, 2) NOT NULL,
    sellers             INTEGER        NOT NULL,
    buyers              INTEGER        NOT NULL,
    dominant            NUMERIC(30, 2) NOT NULL,
    dominant_exact      BOOLEAN        NOT NULL DEFAULT true,
    since_as_of         DATE           NULL,
    since_trades        BIGINT         NOT NULL,
    since_consideration NUMERIC(30, 2) NOT NULL,
    since_sellers       INTEGER        NOT NULL,
    since_buyers        INTEGER        NOT NULL,
    since_dominant      NUMERIC(30, 2) NOT NULL,
    CONSTRAINT market_fund_sums_pk PRIMARY KEY (fund_code)
);

-- The days leaving the window are read by day.
CREATE INDEX market_fund_days_day_ix ON market_fund_days (day);
CREATE INDEX market_fund_party_days_day_ix ON market_fund_party_days (day);

-- A registry that already holds market data: the sums as the projector would have kept them since its first trade.
UPDATE market_state SET window_from = as_of - 89 WHERE as_of IS NOT NULL;

INSERT INTO market_fund_parties (fund_code, side, party, last_day, window_consideration, since_as_of,
                                 since_consideration)
SELECT q.fund_code, q.side, q.party, max(q.day),
       coalesce(sum(q.consideration) FILTER (WHERE q.day >= coalesce(s.window_from, DATE '0001-01-01')), 0),
       CASE WHEN max(q.day) > coalesce(p.moved_as_of, DATE '0001-01-01') THEN coalesce(p.moved_as_of, DATE '0001-01-01') END,
       coalesce(sum(q.consideration) FILTER (WHERE q.day > coalesce(p.moved_as_of, DATE '0001-01-01')), 0)
FROM market_fund_party_days q
LEFT JOIN market_published_funds p ON p.fund_code = q.fund_code
LEFT JOIN market_state s ON s.id = 1
GROUP BY q.fund_code, q.side, q.party, p.moved_as_of, s.window_from;

INSERT INTO market_fund_sums (fund_code, trades, units, consideration, weighted_pct, sellers, buyers, dominant,
                              since_as_of, since_trades, since_consideration, since_sellers, since_buyers, since_dominant)
SELECT d.fund_code,
       coalesce(sum(d.trades) FILTER (WHERE d.day >= coalesce(s.window_from, DATE '0001-01-01')), 0),
       coalesce(sum(d.units) FILTER (WHERE d.day >= coalesce(s.window_from, DATE '0001-01-01')), 0),
       coalesce(sum(d.consideration) FILTER (WHERE d.day >= coalesce(s.window_from, DATE '0001-01-01')), 0),
       coalesce(sum(d.weighted_pct) FILTER (WHERE d.day >= coalesce(s.window_from, DATE '0001-01-01')), 0),
       (SELECT count(*) FROM market_fund_parties m WHERE m.fund_code = d.fund_code AND m.side = 'S'
            AND m.last_day >= coalesce(s.window_from, DATE '0001-01-01')),
       (SELECT count(*) FROM market_fund_parties m WHERE m.fund_code = d.fund_code AND m.side = 'B'
            AND m.last_day >= coalesce(s.window_from, DATE '0001-01-01')),
       (SELECT coalesce(max(m.window_consideration), 0) FROM market_fund_parties m WHERE m.fund_code = d.fund_code),
       CASE WHEN max(d.day) > coalesce(p.moved_as_of, DATE '0001-01-01') THEN coalesce(p.moved_as_of, DATE '0001-01-01') END,
       coalesce(sum(d.trades) FILTER (WHERE d.day > coalesce(p.moved_as_of, DATE '0001-01-01')), 0),
       coalesce(sum(d.consideration) FILTER (WHERE d.day > coalesce(p.moved_as_of, DATE '0001-01-01')), 0),
       (SELECT count(*) FROM market_fund_parties m WHERE m.fund_code = d.fund_code AND m.side = 'S'
            AND m.since_as_of = coalesce(p.moved_as_of, DATE '0001-01-01')),
       (SELECT count(*) FROM market_fund_parties m WHERE m.fund_code = d.fund_code AND m.side = 'B'
            AND m.since_as_of = coalesce(p.moved_as_of, DATE '0001-01-01')),
       (SELECT coalesce(max(m.since_consideration), 0) FROM market_fund_parties m WHERE m.fund_code = d.fund_code
            AND m.since_as_of = coalesce(p.moved_as_of, DATE '0001-01-01'))
FROM market_fund_days d
LEFT JOIN market_published_funds p ON p.fund_code = d.fund_code
LEFT JOIN market_state s ON s.id = 1
GROUP BY d.fund_code, p.moved_as_of, s.window_from;

DROP TABLE market_fund_sellers;
DROP TABLE market_fund_buyers;
