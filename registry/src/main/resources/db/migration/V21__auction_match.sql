-- The match after an auction's close (issue 20, rules version 6): an auction's notice row carries its conditional
-- award (winner, clearing price, match deadline) and the match's resolution; the holders asked to match are recipients
-- with their units at the close and their allotments. An auction that gave no notice before it opened gets its row at
-- the award, its consent stage resolved NOT_REQUIRED there (docs/rules.md, "Consent and first refusal").

ALTER TABLE transfer_notices ADD COLUMN match_after_close BOOLEAN NULL;        -- true on an auction's notice
ALTER TABLE transfer_notices ADD COLUMN winner VARCHAR(64) NULL;
ALTER TABLE transfer_notices ADD COLUMN winning_bid_id BIGINT NULL;
ALTER TABLE transfer_notices ADD COLUMN clearing_price NUMERIC(23, 4) NULL;
ALTER TABLE transfer_notices ADD COLUMN match_by BIGINT NULL;                 -- epoch ms of journal time
ALTER TABLE transfer_notices ADD COLUMN awarded_index BIGINT NULL;
ALTER TABLE transfer_notices ADD COLUMN awarded_at BIGINT NULL;               -- journal time, epoch ms
ALTER TABLE transfer_notices ADD COLUMN winner_units NUMERIC(21, 2) NULL;     -- set at the match's resolution
ALTER TABLE transfer_notices ADD COLUMN match_silent TEXT NULL;               -- comma-separated, as silent
ALTER TABLE transfer_notices ADD COLUMN match_resolved_index BIGINT NULL;
ALTER TABLE transfer_notices ADD COLUMN match_resolved_at BIGINT NULL;        -- journal time, epoch ms

ALTER TABLE transfer_notice_recipients ADD COLUMN units_at_close NUMERIC(21, 2) NULL; -- a holder asked to match
ALTER TABLE transfer_notice_recipients ADD COLUMN match_requested NUMERIC(21, 2) NULL;
ALTER TABLE transfer_notice_recipients ADD COLUMN match_allocated NUMERIC(21, 2) NULL;
ALTER TABLE transfer_notice_recipients ADD COLUMN match_refused_code INTEGER NULL;
