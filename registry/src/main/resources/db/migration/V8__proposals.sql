-- Maker-checker proposals (CONTRACTS.md 4): every sensitive staff action proposed, and its approval. The action is
-- kept as the journal's JSON; only staff and regulators may read this table through the API.

CREATE TABLE proposals (
    proposal_id    BIGINT       NOT NULL, -- the index of the Propose
    proposer       VARCHAR(64)  NOT NULL,
    action_type    VARCHAR(64)  NOT NULL, -- the action's journal type, e.g. FreezeUnits
    action         TEXT         NOT NULL, -- the action as journaled (JSON)
    proposed_at    BIGINT       NOT NULL, -- journal time, epoch ms
    status         VARCHAR(16)  NOT NULL,
    approver       VARCHAR(64)  NULL,
    approved_index BIGINT       NULL,
    approved_at    BIGINT       NULL,     -- journal time, epoch ms
    CONSTRAINT proposals_pk PRIMARY KEY (proposal_id),
    CONSTRAINT proposals_proposer_fk FOREIGN KEY (proposer) REFERENCES participants (id),
    CONSTRAINT proposals_approver_fk FOREIGN KEY (approver) REFERENCES participants (id),
    CONSTRAINT proposals_status_ck CHECK (
        (status = 'PENDING' AND approver IS NULL AND approved_index IS NULL AND approved_at IS NULL)
        OR (status = 'APPROVED' AND approver IS NOT NULL AND approved_index > proposal_id AND approved_at >= proposed_at)),
    CONSTRAINT proposals_two_people_ck CHECK (approver IS NULL OR approver <> proposer)
);

CREATE INDEX proposals_pending_ix ON proposals (proposal_id) WHERE status = 'PENDING';
