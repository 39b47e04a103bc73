-- Funds' NAV history (issue 5): the NAV a fund was registered with and every NavUpdated after it, in journal order.
-- funds.nav and funds.nav_date keep the latest; how stale it is depends on the reading date (RegistryReads.navStatus).
-- A registry migrated from V6 holds the history from this migration on; a rebuild from an empty database holds it all.
CREATE TABLE fund_nav_history (
    fund_code    VARCHAR(64)    NOT NULL,
    source_index BIGINT         NOT NULL, -- the RegisterFund or UpdateNav that set it
    nav          NUMERIC(23, 4) NOT NULL, -- per unit, at the price scale (4)
    nav_date     DATE           NOT NULL, -- the date the NAV is as of
    recorded_at  BIGINT         NOT NULL, -- the event document's journal time, epoch ms
    CONSTRAINT fund_nav_history_pk PRIMARY KEY (fund_code, source_index),
    CONSTRAINT fund_nav_history_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT fund_nav_history_index_ck CHECK (source_index > 0),
    CONSTRAINT fund_nav_history_nav_ck CHECK (nav > 0),
    CONSTRAINT fund_nav_history_recorded_at_ck CHECK (recorded_at >= 0)
);

-- Transfers: when a settlement took effect, as journal time (epoch ms) beside its index. NULL until settled, and for
-- transfers settled before this migration.
ALTER TABLE transfers ADD COLUMN settled_at BIGINT NULL;
ALTER TABLE transfers ADD CONSTRAINT transfers_settled_at_ck CHECK (settled_at IS NULL
    OR (status = 'SETTLED' AND settled_at >= 0));
