-- Consent and first refusal (issue 20): the journal time of a notice, of its resolution and of every answer, so the
-- reads show who answered when without a second source. Rows projected before V20 keep NULL until a rebuild.

ALTER TABLE transfer_notices ADD COLUMN issued_at BIGINT NULL;   -- journal time, epoch ms
ALTER TABLE transfer_notices ADD COLUMN resolved_at BIGINT NULL; -- journal time, epoch ms
ALTER TABLE transfer_notice_answers ADD COLUMN answered_at BIGINT NULL; -- journal time, epoch ms
