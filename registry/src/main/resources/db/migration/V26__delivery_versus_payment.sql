-- Delivery versus payment (issue 22, rules version 8): each trade made while a settlement bank is active, from its
-- execution until its cash settled or was released. status: AWAITING_FUNDING (the buyer has locked funded of due,
-- the consideration plus its fee; a deposit held for the trade counts), AWAITING_REGISTRATION (fully funded, the fund's
-- manager, or staff when manager is null, confirms or refuses the registration change by registration_due, epoch ms),
-- SETTLED (units moved: proceeds to the seller, fees to REVENUE; or staff's override of a trade not fully funded, its
-- funding released, override_reason set) or FAILED (units not moved, funding released, a deposit perhaps forfeited to
-- the seller). Amounts are money at scale 2; times journal time.
CREATE TABLE trade_funding (
    trade_id         BIGINT         NOT NULL,
    fund_code        VARCHAR(64)    NOT NULL,
    seller           VARCHAR(64)    NOT NULL,
    buyer            VARCHAR(64)    NOT NULL,
    manager          VARCHAR(64)    NULL,
    currency         VARCHAR(3)     NOT NULL,
    consideration    NUMERIC(21, 2) NOT NULL,
    buyer_fee        NUMERIC(21, 2) NOT NULL,
    seller_fee       NUMERIC(21, 2) NOT NULL,
    due              NUMERIC(21, 2) NOT NULL,
    funded           NUMERIC(21, 2) NOT NULL,
    status           VARCHAR(24)    NOT NULL,
    settle_by        BIGINT         NOT NULL,
    registration_due BIGINT         NULL,
    override_reason  VARCHAR(500)   NULL,
    created_index    BIGINT         NOT NULL,
    updated_index    BIGINT         NOT NULL,
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT trade_funding_pk PRIMARY KEY (trade_id),
    CONSTRAINT trade_funding_status_ck CHECK (status IN ('AWAITING_FUNDING', 'AWAITING_REGISTRATION', 'SETTLED',
        'FAILED')),
    CONSTRAINT trade_funding_amounts_ck CHECK (buyer_fee >= 0 AND seller_fee >= 0 AND funded >= 0
        AND due = consideration + buyer_fee)
);
CREATE INDEX trade_funding_buyer_ix ON trade_funding (buyer, trade_id);
CREATE INDEX trade_funding_seller_ix ON trade_funding (seller, trade_id);
CREATE INDEX trade_funding_manager_ix ON trade_funding (manager, status, trade_id);
CREATE INDEX trade_funding_status_ix ON trade_funding (status, trade_id);
