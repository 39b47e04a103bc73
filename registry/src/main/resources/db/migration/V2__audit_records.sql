-- The audit index: one row per journal index, written by the audit tailer in the same transaction as its audit link
-- and watermark (CONTRACTS.md 6 and 14). It carries no amounts and no command bodies (CONTRACTS.md 12): only who,
-- what, which fund, the outcome, and the digests and link that tie the row to the journals.
--   participant       the signer; NULL for unsigned commands (Genesis, Tick, Checkpoint)
--   client_request_id the signer's id, cut to 128 characters when longer (the journal holds it whole)
--   fund_code         the command's fundCode, else that of its first event carrying one; NULL when there is none or
--                     when the value could not be a fund code (a rejected command may carry anything)
--   outcome           ACCEPTED, REJECTED or DUPLICATE; reject_code is 0 when accepted
-- Queries page by source_index; journal time never decreases in journal order (CONTRACTS.md 1).

CREATE TABLE audit_records (
    source_index      BIGINT       NOT NULL,
    time_ms           BIGINT       NOT NULL,
    participant       VARCHAR(64)  NULL,
    client_request_id VARCHAR(128) NULL,
    command_type      VARCHAR(64)  NOT NULL,
    fund_code         VARCHAR(64)  NULL,
    outcome           VARCHAR(16)  NOT NULL,
    reject_code       INTEGER      NOT NULL,
    command_digest    CHAR(64)     NOT NULL,
    event_digest      CHAR(64)     NOT NULL,
    link              CHAR(64)     NOT NULL,
    CONSTRAINT audit_records_pk PRIMARY KEY (source_index),
    CONSTRAINT audit_records_index_ck CHECK (source_index > 0),
    CONSTRAINT audit_records_time_ck CHECK (time_ms >= 0),
    CONSTRAINT audit_records_outcome_ck CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')),
    CONSTRAINT audit_records_reject_code_ck CHECK (reject_code >= 0)
);

-- Each index holds source_index so counts and index bounds are index-only scans.
CREATE INDEX audit_records_time_ix ON audit_records (time_ms, source_index);
CREATE INDEX audit_records_participant_ix ON audit_records (participant, time_ms, source_index);
CREATE INDEX audit_records_fund_ix ON audit_records (fund_code, time_ms, source_index);

-- Backfill: a database linked before this table existed relinks the chain from index 1, writing every record
-- (the chain is a projection and is rebuilt from the journals).
-- [jooq ignore start]
DELETE FROM audit_links;
DELETE FROM audit_watermark;
-- [jooq ignore stop]
