-- Auctions (English and sealed-bid), the right of first refusal, and settlement failure (issue 3).

ALTER TABLE listings ALTER COLUMN buyer DROP NOT NULL; -- auctions name no buyer
ALTER TABLE listings ADD COLUMN mechanism VARCHAR(16) NOT NULL DEFAULT 'NEGOTIATED';
ALTER TABLE listings ADD COLUMN reserve_price NUMERIC(23, 4) NULL;
ALTER TABLE listings ADD COLUMN min_increment NUMERIC(23, 4) NULL;
ALTER TABLE listings ADD COLUMN starts_at BIGINT NULL;        -- epoch ms
ALTER TABLE listings ADD COLUMN ends_at BIGINT NULL;          -- epoch ms, moved by anti-sniping extensions
ALTER TABLE listings ADD COLUMN second_price BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE listings ADD COLUMN rofr VARCHAR(16) NOT NULL DEFAULT 'NOT_APPLICABLE';
ALTER TABLE listings ADD COLUMN closed_reason VARCHAR(400) NULL;
ALTER TABLE listings ADD CONSTRAINT listings_mechanism_ck CHECK (mechanism IN ('NEGOTIATED', 'ENGLISH', 'SEALED'));
ALTER TABLE listings ADD CONSTRAINT listings_rofr_ck CHECK (rofr IN ('NOT_APPLICABLE', 'PENDING', 'CLEARED', 'EXERCISED'));
ALTER TABLE listings ADD CONSTRAINT listings_buyer_ck CHECK (mechanism <> 'NEGOTIATED' OR buyer IS NOT NULL);

-- A bid's price is NULL while it is sealed; the close reveals it (CONTRACTS.md 12).
CREATE TABLE bids (
    bid_id       BIGINT         NOT NULL, -- the index of the command that placed it
    listing_id   BIGINT         NOT NULL,
    bidder       VARCHAR(64)    NOT NULL,
    pseudonym    INTEGER        NOT NULL, -- the bidder's ordinal within the listing
    price        NUMERIC(23, 4) NULL,
    status       VARCHAR(16)    NOT NULL,
    reject_code  INTEGER        NULL,     -- why the close passed it over
    reason       VARCHAR(400)   NULL,
    CONSTRAINT bids_pk PRIMARY KEY (bid_id),
    CONSTRAINT bids_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT bids_bidder_fk FOREIGN KEY (bidder) REFERENCES participants (id),
    CONSTRAINT bids_pseudonym_ck CHECK (pseudonym > 0),
    CONSTRAINT bids_price_ck CHECK (price IS NULL OR price > 0),
    CONSTRAINT bids_status_ck CHECK (status IN ('ACTIVE', 'CANCELLED', 'WON', 'LOST', 'PASSED_OVER'))
);

CREATE INDEX bids_listing_ix ON bids (listing_id);

CREATE TABLE rofr_decisions (
    listing_id   BIGINT        NOT NULL,
    decision     VARCHAR(16)   NOT NULL,
    waived_by    TEXT          NOT NULL, -- comma-separated participant ids, as many as the fund's holders
    exercised_by VARCHAR(64)   NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    source_index BIGINT        NOT NULL,
    CONSTRAINT rofr_decisions_pk PRIMARY KEY (listing_id),
    CONSTRAINT rofr_decisions_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT rofr_decisions_decision_ck CHECK (decision IN ('WAIVED', 'EXERCISED'))
);

ALTER TABLE transfers ADD COLUMN settle_by BIGINT NULL;      -- epoch ms
ALTER TABLE transfers ADD COLUMN failed_index BIGINT NULL;
ALTER TABLE transfers ADD COLUMN failure_code INTEGER NULL;
ALTER TABLE transfers ADD COLUMN failure_reason VARCHAR(400) NULL;
ALTER TABLE transfers DROP CONSTRAINT transfers_status_ck;
ALTER TABLE transfers ADD CONSTRAINT transfers_status_ck CHECK (
    (status = 'PENDING_SETTLEMENT' AND settled_index IS NULL AND failed_index IS NULL)
    OR (status = 'SETTLED' AND settled_index IS NOT NULL AND settled_index > executed_index AND failed_index IS NULL)
    OR (status = 'FAILED' AND failed_index IS NOT NULL AND failed_index >= executed_index AND settled_index IS NULL));
