-- Consent and first refusal (issue 20): each fund's transfer terms, the transfer notices listings give, who they went
-- to, every answer with its journal index, and how each notice was resolved (docs/rules.md, "Consent and first refusal").

CREATE TABLE transfer_terms (
    fund_code          VARCHAR(64) NOT NULL,
    manager            VARCHAR(64) NULL,
    consent_required   BOOLEAN     NOT NULL,
    consent_on_silence VARCHAR(16) NOT NULL,
    priority           VARCHAR(32) NOT NULL,
    notice_days        INTEGER     NOT NULL,
    match_days         INTEGER     NOT NULL,
    affiliates         TEXT        NOT NULL, -- holder>affiliate pairs, comma-separated, sorted; empty for none
    document_digest    VARCHAR(64) NOT NULL,
    source_index       BIGINT      NOT NULL, -- the approval that set them
    CONSTRAINT transfer_terms_pk PRIMARY KEY (fund_code),
    CONSTRAINT transfer_terms_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT transfer_terms_manager_fk FOREIGN KEY (manager) REFERENCES participants (id),
    CONSTRAINT transfer_terms_silence_ck CHECK (consent_on_silence IN ('CONSENT', 'REFUSAL')),
    CONSTRAINT transfer_terms_priority_ck CHECK (priority IN ('MANAGER_FIRST_THEN_PRO_RATA', 'PRO_RATA', 'NONE')),
    CONSTRAINT transfer_terms_days_ck CHECK (notice_days BETWEEN 1 AND 365 AND match_days BETWEEN 1 AND 365)
);

CREATE TABLE transfer_notices (
    listing_id           BIGINT         NOT NULL,
    fund_code            VARCHAR(64)    NOT NULL,
    transferor           VARCHAR(64)    NOT NULL,
    buyer                VARCHAR(64)    NULL,
    manager              VARCHAR(64)    NULL,
    units                NUMERIC(21, 2) NOT NULL,
    price                NUMERIC(23, 4) NOT NULL,
    consent_required     BOOLEAN        NOT NULL,
    priority             VARCHAR(32)    NOT NULL,
    attestation_required BOOLEAN        NOT NULL,
    answer_by            BIGINT         NOT NULL, -- epoch ms of journal time
    issued_index         BIGINT         NOT NULL,
    consent_outcome      VARCHAR(24)    NULL,     -- set at the resolution
    units_left           NUMERIC(21, 2) NULL,
    silent               TEXT           NULL,     -- comma-separated participant ids whose answer never came
    resolved_index       BIGINT         NULL,
    CONSTRAINT transfer_notices_pk PRIMARY KEY (listing_id),
    CONSTRAINT transfer_notices_listing_fk FOREIGN KEY (listing_id) REFERENCES listings (listing_id),
    CONSTRAINT transfer_notices_resolved_ck CHECK ((consent_outcome IS NULL) = (resolved_index IS NULL)),
    CONSTRAINT transfer_notices_outcome_ck CHECK (consent_outcome IN ('NOT_REQUIRED', 'GIVEN', 'GIVEN_BY_SILENCE',
        'OVERRIDDEN', 'REFUSED', 'REFUSED_BY_SILENCE', 'NOT_ATTESTED'))
);

-- Who a notice went to: the manager (units_at_notice NULL unless it also holds) and each holder on the register.
CREATE TABLE transfer_notice_recipients (
    listing_id      BIGINT         NOT NULL,
    participant_id  VARCHAR(64)    NOT NULL,
    units_at_notice NUMERIC(21, 2) NULL,
    requested       NUMERIC(21, 2) NULL, -- set at the resolution for those who exercised
    allocated       NUMERIC(21, 2) NULL,
    refused_code    INTEGER        NULL,
    CONSTRAINT transfer_notice_recipients_pk PRIMARY KEY (listing_id, participant_id),
    CONSTRAINT transfer_notice_recipients_notice_fk FOREIGN KEY (listing_id) REFERENCES transfer_notices (listing_id),
    CONSTRAINT transfer_notice_recipients_participant_fk FOREIGN KEY (participant_id) REFERENCES participants (id)
);

-- Every answer, with the journal index (and so the time) it was given at.
CREATE TABLE transfer_notice_answers (
    listing_id      BIGINT         NOT NULL,
    answered_index  BIGINT         NOT NULL,
    participant_id  VARCHAR(64)    NOT NULL,
    answer          VARCHAR(16)    NOT NULL,
    units           NUMERIC(21, 2) NULL,
    evidence_digest VARCHAR(64)    NULL,
    CONSTRAINT transfer_notice_answers_pk PRIMARY KEY (listing_id, answered_index),
    CONSTRAINT transfer_notice_answers_notice_fk FOREIGN KEY (listing_id) REFERENCES transfer_notices (listing_id),
    CONSTRAINT transfer_notice_answers_participant_fk FOREIGN KEY (participant_id) REFERENCES participants (id),
    CONSTRAINT transfer_notice_answers_answer_ck CHECK (answer IN ('CONSENT', 'REFUSE', 'WAIVE', 'EXERCISE', 'ATTEST_WAIVERS')),
    CONSTRAINT transfer_notice_answers_units_ck CHECK ((answer = 'EXERCISE') = (units IS NOT NULL))
);

-- A staff override's reason (OverrideRofr); NULL for a ClearRofr.
ALTER TABLE rofr_decisions ADD COLUMN reason TEXT NULL;
