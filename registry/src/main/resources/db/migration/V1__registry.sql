-- The registry: a PostgreSQL projection of the event journal (CONTRACTS.md 6).
-- Amounts use the engine's fixed-point scales: units and money at scale 2, prices and multiples at scale 4.
-- NUMERIC(21,2) and NUMERIC(23,4) hold every long at those scales.

CREATE TABLE participants (
    id              VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    roles           VARCHAR(100) NOT NULL, -- comma-separated Role names, in the event's order
    status          VARCHAR(16)  NOT NULL,
    qualification   VARCHAR(16)  NOT NULL,
    qualified_until DATE         NULL,
    CONSTRAINT participants_pk PRIMARY KEY (id),
    CONSTRAINT participants_type_ck CHECK (type IN ('INSTITUTION', 'INDIVIDUAL')),
    CONSTRAINT participants_roles_ck CHECK (char_length(roles) > 0),
    CONSTRAINT participants_status_ck CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    CONSTRAINT participants_qualification_ck CHECK (qualification IN ('NOT_QUALIFIED', 'QUALIFIED'))
);

CREATE TABLE participant_keys (
    key_id              VARCHAR(64) NOT NULL,
    participant_id      VARCHAR(64) NOT NULL,
    algorithm           VARCHAR(16) NOT NULL,
    public_key          TEXT        NOT NULL, -- X.509 SubjectPublicKeyInfo, Base64
    status              VARCHAR(16) NOT NULL,
    registered_at_index BIGINT      NOT NULL,
    revoked_at_index    BIGINT      NULL,
    CONSTRAINT participant_keys_pk PRIMARY KEY (key_id),
    CONSTRAINT participant_keys_participant_fk FOREIGN KEY (participant_id) REFERENCES participants (id),
    CONSTRAINT participant_keys_status_ck CHECK (status IN ('ACTIVE', 'REVOKED')),
    CONSTRAINT participant_keys_revocation_ck CHECK ((status = 'ACTIVE' AND revoked_at_index IS NULL)
        OR (status = 'REVOKED' AND revoked_at_index IS NOT NULL AND revoked_at_index >= registered_at_index))
);

CREATE INDEX participant_keys_participant_ix ON participant_keys (participant_id);

CREATE TABLE funds (
    code               VARCHAR(64)    NOT NULL,
    short_name         VARCHAR(200)   NOT NULL,
    manager            VARCHAR(200)   NOT NULL,
    strategy           VARCHAR(200)   NOT NULL,
    vintage            INTEGER        NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    legal_form         VARCHAR(16)    NOT NULL,
    custody_mode       VARCHAR(16)    NOT NULL,
    holder_cap         INTEGER        NOT NULL,
    holder_count       INTEGER        NOT NULL,
    nav                NUMERIC(23, 4) NOT NULL,
    nav_date           DATE           NOT NULL,
    min_transfer_units NUMERIC(21, 2) NOT NULL,
    rofr               BOOLEAN        NOT NULL,
    CONSTRAINT funds_pk PRIMARY KEY (code),
    CONSTRAINT funds_legal_form_ck CHECK (legal_form IN ('PARTNERSHIP', 'LLC', 'CONTRACTUAL')),
    CONSTRAINT funds_custody_mode_ck CHECK (custody_mode IN ('FULL', 'PARTIAL')),
    CONSTRAINT funds_holder_cap_ck CHECK (holder_cap > 0),
    CONSTRAINT funds_holder_count_ck CHECK (holder_count >= 0 AND holder_count <= holder_cap),
    CONSTRAINT funds_nav_ck CHECK (nav > 0),
    CONSTRAINT funds_min_transfer_units_ck CHECK (min_transfer_units >= 0)
);

-- A row exists while the holder has units, locked units or cost basis; an all-zero position is deleted,
-- as the engine does.
CREATE TABLE holdings (
    fund_code VARCHAR(64)    NOT NULL,
    holder    VARCHAR(64)    NOT NULL,
    units     NUMERIC(21, 2) NOT NULL,
    locked    NUMERIC(21, 2) NOT NULL,
    cost      NUMERIC(21, 2) NOT NULL,
    CONSTRAINT holdings_pk PRIMARY KEY (fund_code, holder),
    CONSTRAINT holdings_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT holdings_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT holdings_units_ck CHECK (units >= 0),
    CONSTRAINT holdings_locked_ck CHECK (locked >= 0 AND locked <= units),
    CONSTRAINT holdings_cost_ck CHECK (cost >= 0)
);

CREATE INDEX holdings_holder_ix ON holdings (holder);

CREATE TABLE listings (
    listing_id BIGINT         NOT NULL, -- the index of the command that made it
    fund_code  VARCHAR(64)    NOT NULL,
    seller     VARCHAR(64)    NOT NULL,
    buyer      VARCHAR(64)    NOT NULL,
    units      NUMERIC(21, 2) NOT NULL,
    price      NUMERIC(23, 4) NOT NULL,
    expires_at BIGINT         NOT NULL, -- epoch ms, 0 for none
    status     VARCHAR(20)    NOT NULL,
    CONSTRAINT listings_pk PRIMARY KEY (listing_id),
    CONSTRAINT listings_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT listings_seller_fk FOREIGN KEY (seller) REFERENCES participants (id),
    CONSTRAINT listings_buyer_fk FOREIGN KEY (buyer) REFERENCES participants (id),
    CONSTRAINT listings_units_ck CHECK (units > 0),
    CONSTRAINT listings_price_ck CHECK (price > 0),
    CONSTRAINT listings_expires_at_ck CHECK (expires_at >= 0),
    CONSTRAINT listings_status_ck CHECK (status IN ('PENDING_APPROVAL', 'OPEN', 'EXECUTED', 'CANCELLED', 'EXPIRED'))
);

CREATE TABLE transfers (
    trade_id          BIGINT         NOT NULL, -- sourceIndex * 4096 + n
    listing_id        BIGINT         NOT NULL,
    fund_code         VARCHAR(64)    NOT NULL,
    seller            VARCHAR(64)    NOT NULL,
    buyer             VARCHAR(64)    NOT NULL,
    units             NUMERIC(21, 2) NOT NULL,
    price             NUMERIC(23, 4) NOT NULL,
    consideration     NUMERIC(21, 2) NOT NULL,
    percent_of_nav_bp BIGINT         NOT NULL,
    multiple_of_cost  NUMERIC(23, 4) NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    executed_index    BIGINT         NOT NULL,
    settled_index     BIGINT         NULL,
    CONSTRAINT transfers_pk PRIMARY KEY (trade_id),
    CONSTRAINT transfers_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT transfers_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT transfers_seller_fk FOREIGN KEY (seller) REFERENCES participants (id),
    CONSTRAINT transfers_buyer_fk FOREIGN KEY (buyer) REFERENCES participants (id),
    CONSTRAINT transfers_units_ck CHECK (units > 0),
    CONSTRAINT transfers_price_ck CHECK (price > 0),
    CONSTRAINT transfers_consideration_ck CHECK (consideration >= 0),
    CONSTRAINT transfers_multiple_ck CHECK (multiple_of_cost >= 0),
    CONSTRAINT transfers_status_ck CHECK ((status = 'PENDING_SETTLEMENT' AND settled_index IS NULL)
        OR (status = 'SETTLED' AND settled_index IS NOT NULL AND settled_index > executed_index))
);

CREATE INDEX transfers_seller_ix ON transfers (seller);
CREATE INDEX transfers_buyer_ix ON transfers (buyer);

-- Each projection's position in the event journal and the chain hash through it, written in the same
-- transaction as the projection's rows.
CREATE TABLE projection_watermark (
    projector    VARCHAR(64) NOT NULL,
    source_index BIGINT      NOT NULL,
    chain_hash   VARCHAR(64) NOT NULL, -- lower-case hex SHA-256
    CONSTRAINT projection_watermark_pk PRIMARY KEY (projector),
    CONSTRAINT projection_watermark_index_ck CHECK (source_index >= 0),
    CONSTRAINT projection_watermark_hash_ck CHECK (char_length(chain_hash) = 64)
);

-- The audit chain: one link per journal index over the digests of the command and event documents as written.
CREATE TABLE audit_links (
    source_index   BIGINT      NOT NULL,
    command_digest VARCHAR(64) NOT NULL,
    event_digest   VARCHAR(64) NOT NULL,
    link           VARCHAR(64) NOT NULL,
    CONSTRAINT audit_links_pk PRIMARY KEY (source_index),
    CONSTRAINT audit_links_index_ck CHECK (source_index > 0),
    CONSTRAINT audit_links_command_digest_ck CHECK (char_length(command_digest) = 64),
    CONSTRAINT audit_links_event_digest_ck CHECK (char_length(event_digest) = 64),
    CONSTRAINT audit_links_link_ck CHECK (char_length(link) = 64)
);

CREATE TABLE audit_watermark (
    id           SMALLINT    NOT NULL,
    source_index BIGINT      NOT NULL,
    link         VARCHAR(64) NOT NULL,
    CONSTRAINT audit_watermark_pk PRIMARY KEY (id),
    CONSTRAINT audit_watermark_single_row_ck CHECK (id = 1),
    CONSTRAINT audit_watermark_index_ck CHECK (source_index >= 0),
    CONSTRAINT audit_watermark_link_ck CHECK (char_length(link) = 64)
);
