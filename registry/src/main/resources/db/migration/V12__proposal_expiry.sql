-- A maker-checker proposal lapses unapproved at its expiry (ProposalExpired, fired by journal time): status EXPIRED,
-- with the index and journal time it expired at in expired_index / expired_at.
ALTER TABLE proposals ADD COLUMN expired_index BIGINT NULL;
ALTER TABLE proposals ADD COLUMN expired_at BIGINT NULL;
ALTER TABLE proposals DROP CONSTRAINT proposals_status_ck;
ALTER TABLE proposals ADD CONSTRAINT proposals_status_ck CHECK (
    (status = 'PENDING' AND approver IS NULL AND approved_index IS NULL AND approved_at IS NULL
        AND expired_index IS NULL AND expired_at IS NULL)
    OR (status = 'APPROVED' AND approver IS NOT NULL AND approved_index > proposal_id AND approved_at >= proposed_at
        AND expired_index IS NULL AND expired_at IS NULL)
    OR (status = 'EXPIRED' AND approver IS NULL AND approved_index IS NULL AND approved_at IS NULL
        AND expired_index > proposal_id AND expired_at >= proposed_at));
