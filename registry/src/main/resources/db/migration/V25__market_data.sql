-- Public market data (issue 23): a projection of settled trades, never engine state, served unsigned (CONTRACTS.md 15).
-- Amounts at the engine's scales (units and money 2, prices 4); sums are NUMERIC wide enough for any number of trades.
-- Nothing here is read by a public read but the market_published_* tables and market_state; the rest are the
-- aggregates they are computed from (docs/architecture.md, Public market data; docs/rules.md for the k rule).

-- One row, written by the projection when it first runs (from the platform parameters then; no seed here): the
-- platform-zone date of the last event document projected (a later date is the day's rollover, which publishes a
-- snapshot as of the previous day's close) and the live k and zone; then the published snapshot's date and the k and
-- zone it was computed with (what the summary shows, not the live parameters).
CREATE TABLE market_state (
    id               SMALLINT    NOT NULL,
    day              DATE        NULL,
    as_of            DATE        NULL,
    k                INTEGER     NOT NULL,
    zone             VARCHAR(64) NOT NULL,
    published_k      INTEGER     NULL,
    published_zone   VARCHAR(64) NULL,
    funds_published  INTEGER     NOT NULL,
    CONSTRAINT market_state_pk PRIMARY KEY (id),
    CONSTRAINT market_state_one_ck CHECK (id = 1),
    CONSTRAINT market_state_k_ck CHECK (k >= 3 AND k <= 100)
);

-- The manager's consent (SetMarketDataConsent): absent or false, the fund's own figures are withheld.
CREATE TABLE market_consent (
    fund_code    VARCHAR(64) NOT NULL,
    publish      BOOLEAN     NOT NULL,
    set_at_index BIGINT      NOT NULL,
    CONSTRAINT market_consent_pk PRIMARY KEY (fund_code)
);

-- Settled trades summed per fund and settlement day (platform zone): a recompute reads at most funds x days rows.
-- weighted_pct is the sum of consideration x percent of NAV (basis points), exact, for the discount to NAV.
CREATE TABLE market_fund_days (
    fund_code     VARCHAR(64)    NOT NULL,
    day           DATE           NOT NULL,
    trades        BIGINT         NOT NULL,
    units         NUMERIC(30, 2) NOT NULL,
    consideration NUMERIC(30, 2) NOT NULL,
    weighted_pct  NUMERIC(40, 2) NOT NULL,
    CONSTRAINT market_fund_days_pk PRIMARY KEY (fund_code, day),
    CONSTRAINT market_fund_days_trades_ck CHECK (trades > 0)
);

-- Each seller's last settlement day per fund: distinct sellers since a date are the rows with a later last_day.
CREATE TABLE market_fund_sellers (
    fund_code VARCHAR(64) NOT NULL,
    seller    VARCHAR(64) NOT NULL,
    last_day  DATE        NOT NULL,
    CONSTRAINT market_fund_sellers_pk PRIMARY KEY (fund_code, seller)
);
CREATE INDEX market_fund_sellers_day_ix ON market_fund_sellers (fund_code, last_day);

-- Each buyer's last settlement day per fund: a figure needs k distinct buyers as well as k sellers.
CREATE TABLE market_fund_buyers (
    fund_code VARCHAR(64) NOT NULL,
    buyer     VARCHAR(64) NOT NULL,
    last_day  DATE        NOT NULL,
    CONSTRAINT market_fund_buyers_pk PRIMARY KEY (fund_code, buyer)
);
CREATE INDEX market_fund_buyers_day_ix ON market_fund_buyers (fund_code, last_day);

-- Consideration per fund, side (S seller, B buyer), participant and settlement day: the dominance rule (no single
-- seller or buyer above half of a fund's window consideration, nor of the consideration settled since its figures last
-- moved) reads the window's rows and those after moved_as_of of the candidate funds.
CREATE TABLE market_fund_party_days (
    fund_code     VARCHAR(64)    NOT NULL,
    side          CHAR(1)        NOT NULL,
    party         VARCHAR(64)    NOT NULL,
    day           DATE           NOT NULL,
    consideration NUMERIC(30, 2) NOT NULL,
    CONSTRAINT market_fund_party_days_pk PRIMARY KEY (fund_code, day, side, party),
    CONSTRAINT market_fund_party_days_side_ck CHECK (side IN ('S', 'B'))
);

-- The latest settled trade of each fund (by trade id, which follows journal order).
CREATE TABLE market_fund_last (
    fund_code         VARCHAR(64)    NOT NULL,
    trade_id          BIGINT         NOT NULL,
    price             NUMERIC(23, 4) NOT NULL,
    percent_of_nav_bp BIGINT         NOT NULL,
    trade_date        DATE           NOT NULL,
    CONSTRAINT market_fund_last_pk PRIMARY KEY (fund_code)
);

-- Each fund's figures as last moved (moved_as_of): shown only while shown is true. A withheld fund keeps its row, so
-- that its figures move again only after k new trades by k distinct sellers and k distinct buyers, no one of them with
-- more than half of the new trades' consideration (docs/rules.md, Public market data).
CREATE TABLE market_published_funds (
    fund_code         VARCHAR(64)    NOT NULL,
    shown             BOOLEAN        NOT NULL,
    moved_as_of       DATE           NOT NULL,
    trades            BIGINT         NOT NULL,
    units             NUMERIC(30, 2) NOT NULL,
    consideration     NUMERIC(30, 2) NOT NULL,
    weighted_pct      NUMERIC(40, 2) NOT NULL,
    last_price        NUMERIC(23, 4) NOT NULL,
    last_pct_bp       BIGINT         NOT NULL,
    last_trade_date   DATE           NOT NULL,
    best_bid          NUMERIC(23, 4) NULL,
    best_offer        NUMERIC(23, 4) NULL,
    CONSTRAINT market_published_funds_pk PRIMARY KEY (fund_code)
);

-- Strategy and vintage figures of the snapshot, per currency, summed over shown funds only.
CREATE TABLE market_published_groups (
    kind          VARCHAR(8)     NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    funds         INTEGER        NOT NULL,
    trades        BIGINT         NOT NULL,
    units         NUMERIC(30, 2) NOT NULL,
    consideration NUMERIC(30, 2) NOT NULL,
    weighted_pct  NUMERIC(40, 2) NOT NULL,
    CONSTRAINT market_published_groups_pk PRIMARY KEY (kind, name, currency),
    CONSTRAINT market_published_groups_kind_ck CHECK (kind IN ('STRATEGY', 'VINTAGE'))
);

-- The discount-to-NAV index: one point per strategy, currency and snapshot date, in basis points of NAV.
CREATE TABLE market_index_points (
    strategy     VARCHAR(200) NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    day          DATE         NOT NULL,
    discount_bp  BIGINT       NOT NULL,
    CONSTRAINT market_index_points_pk PRIMARY KEY (strategy, currency, day)
);
