-- Participant lifecycle (issue 14): why and at which journal index the status last changed by suspension or
-- reinstatement (maker-checker). Both stay NULL until the first such change.

ALTER TABLE participants
    ADD COLUMN status_reason VARCHAR(200) NULL,
    ADD COLUMN status_index  BIGINT       NULL,
    ADD CONSTRAINT participants_status_change_ck CHECK ((status_reason IS NULL) = (status_index IS NULL));
