-- Bid deposits (保证金; issue 22, rules version 8). A listing's deposit, fixed when it is listed from its public terms
-- (NULL: none), and each deposit a participant locked on a listing: LOCKED while the listing runs, HELD for the trade
-- it secures (trade_id), then APPLIED to its price or FORFEITED to the seller by delivery versus payment, or RELEASED
-- back to available cash (from LOCKED, or from HELD when its trade settles or fails without delivery versus payment).
-- Amounts are money at scale 2; times journal time, epoch ms.
ALTER TABLE listings ADD COLUMN deposit NUMERIC(21, 2) NULL;
ALTER TABLE listings ADD CONSTRAINT listings_deposit_ck CHECK (deposit IS NULL OR deposit > 0);

-- deposit_id is the index of the document that locked it (a document locks at most one deposit). amount is what is
-- still locked or held (a deposit above its trade's consideration is released down to it; 0 once RELEASED, APPLIED
-- or FORFEITED). trade_id, once held, stays.
CREATE TABLE bid_deposits (
    deposit_id     BIGINT         NOT NULL,
    listing_id     BIGINT         NOT NULL,
    participant    VARCHAR(64)    NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    locked_amount  NUMERIC(21, 2) NOT NULL,
    amount         NUMERIC(21, 2) NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    trade_id       BIGINT         NULL,
    locked_at      BIGINT         NOT NULL,
    updated_index  BIGINT         NOT NULL,
    updated_at     BIGINT         NOT NULL,
    CONSTRAINT bid_deposits_pk PRIMARY KEY (deposit_id),
    CONSTRAINT bid_deposits_status_ck CHECK (status IN ('LOCKED', 'HELD', 'RELEASED', 'APPLIED', 'FORFEITED')),
    CONSTRAINT bid_deposits_amount_ck CHECK (locked_amount > 0 AND amount >= 0 AND amount <= locked_amount),
    CONSTRAINT bid_deposits_released_ck CHECK ((status IN ('LOCKED', 'HELD')) = (amount > 0)),
    CONSTRAINT bid_deposits_held_ck CHECK ((status = 'LOCKED' AND trade_id IS NULL)
        OR (status IN ('HELD', 'APPLIED', 'FORFEITED') AND trade_id IS NOT NULL) OR status = 'RELEASED'),
    CONSTRAINT bid_deposits_participant_fk FOREIGN KEY (participant) REFERENCES participants (id)
);
CREATE INDEX bid_deposits_participant_ix ON bid_deposits (participant, deposit_id);
CREATE INDEX bid_deposits_listing_ix ON bid_deposits (listing_id, participant, status);
