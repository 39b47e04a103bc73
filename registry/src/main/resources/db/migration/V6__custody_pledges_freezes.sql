-- Custody registrations, qualification records, pledges and judicial freezes (issue 5).
-- Amounts keep the engine's scales: units and money NUMERIC(21, 2). Digests are lower-case hex SHA-256.

-- Participants: the registered legal name and registration number (unified social credit code or ID number).
ALTER TABLE participants ADD COLUMN legal_name VARCHAR(200) NULL;
ALTER TABLE participants ADD COLUMN registration_number VARCHAR(64) NULL;

-- Every QualificationSet, in journal order; participants.qualification and qualified_until hold the latest.
CREATE TABLE qualification_records (
    participant_id   VARCHAR(64)    NOT NULL,
    source_index     BIGINT         NOT NULL, -- the approval that set it
    status           VARCHAR(16)    NOT NULL,
    valid_until      DATE           NULL,
    basis            VARCHAR(32)    NULL,     -- NULL: set without a record (status and validity only)
    deemed_category  VARCHAR(32)    NULL,
    net_assets       NUMERIC(21, 2) NULL,
    financial_assets NUMERIC(21, 2) NULL,
    average_income   NUMERIC(21, 2) NULL,
    evidence_digest  VARCHAR(64)    NULL,
    verified_by      VARCHAR(200)   NULL,
    CONSTRAINT qualification_records_pk PRIMARY KEY (participant_id, source_index),
    CONSTRAINT qualification_records_participant_fk FOREIGN KEY (participant_id) REFERENCES participants (id),
    CONSTRAINT qualification_records_status_ck CHECK (status IN ('NOT_QUALIFIED', 'QUALIFIED')),
    CONSTRAINT qualification_records_basis_ck CHECK (basis IS NULL OR basis IN ('INSTITUTION_NET_ASSETS',
        'INDIVIDUAL_FINANCIAL_ASSETS', 'INDIVIDUAL_INCOME', 'DEEMED')),
    CONSTRAINT qualification_records_deemed_ck CHECK ((basis = 'DEEMED' AND deemed_category IN ('SOCIAL_SECURITY_FUND',
        'PENSION_FUND', 'FILED_PRODUCT', 'MANAGER_OR_STAFF')) OR ((basis IS NULL OR basis <> 'DEEMED') AND deemed_category IS NULL)),
    CONSTRAINT qualification_records_amounts_ck CHECK ((net_assets IS NULL OR net_assets >= 0)
        AND (financial_assets IS NULL OR financial_assets >= 0) AND (average_income IS NULL OR average_income >= 0)),
    CONSTRAINT qualification_records_evidence_ck CHECK ((basis IS NULL AND evidence_digest IS NULL AND verified_by IS NULL)
        OR (basis IS NOT NULL AND evidence_digest IS NOT NULL AND char_length(evidence_digest) = 64
            AND verified_by IS NOT NULL))
);

-- Platform parameters changed by maker-checker; a parameter absent here has its documented default.
CREATE TABLE platform_parameters (
    name         VARCHAR(64)  NOT NULL,
    value        VARCHAR(200) NOT NULL,
    set_at_index BIGINT       NOT NULL,
    CONSTRAINT platform_parameters_pk PRIMARY KEY (name),
    CONSTRAINT platform_parameters_index_ck CHECK (set_at_index > 0)
);

-- Holdings: encumbrances (never sellable) and the registered commitment behind the units.
ALTER TABLE holdings ADD COLUMN pledged NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings ADD COLUMN frozen NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings ADD COLUMN unconfirmed NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings ADD COLUMN subscribed NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings ADD COLUMN paid_in NUMERIC(21, 2) NOT NULL DEFAULT 0;
ALTER TABLE holdings ADD CONSTRAINT holdings_encumbrances_ck CHECK (pledged >= 0 AND frozen >= 0 AND unconfirmed >= 0
    AND locked + pledged + frozen + unconfirmed <= units);
ALTER TABLE holdings ADD CONSTRAINT holdings_commitment_ck CHECK (subscribed >= 0 AND paid_in >= 0);

CREATE TABLE custody_registrations (
    custody_id      BIGINT       NOT NULL, -- the index of the SubmitCustody
    fund_code       VARCHAR(64)  NOT NULL,
    mode            VARCHAR(16)  NOT NULL,
    submitted_by    VARCHAR(64)  NOT NULL,
    document_digest VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    decided_by      VARCHAR(64)  NULL,
    decided_index   BIGINT       NULL,
    reason          VARCHAR(200) NULL,     -- why it was rejected
    CONSTRAINT custody_registrations_pk PRIMARY KEY (custody_id),
    CONSTRAINT custody_registrations_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT custody_registrations_submitted_by_fk FOREIGN KEY (submitted_by) REFERENCES participants (id),
    CONSTRAINT custody_registrations_decided_by_fk FOREIGN KEY (decided_by) REFERENCES participants (id),
    CONSTRAINT custody_registrations_mode_ck CHECK (mode IN ('FULL', 'PARTIAL')),
    CONSTRAINT custody_registrations_digest_ck CHECK (char_length(document_digest) = 64),
    CONSTRAINT custody_registrations_status_ck CHECK (
        (status = 'PENDING_APPROVAL' AND decided_index IS NULL AND decided_by IS NULL AND reason IS NULL)
        OR (status = 'APPROVED' AND decided_index IS NOT NULL AND decided_index > custody_id AND decided_by IS NOT NULL
            AND reason IS NULL)
        OR (status = 'REJECTED' AND decided_index IS NOT NULL AND decided_index > custody_id AND decided_by IS NOT NULL
            AND reason IS NOT NULL))
);

-- One FULL registration per fund unless rejected (the whole register is taken once). A partial index, which
-- jOOQ's DDL parser need not see.
-- [jooq ignore start]
CREATE UNIQUE INDEX custody_registrations_one_full_ux ON custody_registrations (fund_code)
    WHERE mode = 'FULL' AND status <> 'REJECTED';
-- [jooq ignore stop]

CREATE TABLE custody_entries (
    custody_id      BIGINT         NOT NULL,
    holder          VARCHAR(64)    NOT NULL,
    units           NUMERIC(21, 2) NOT NULL,
    subscribed      NUMERIC(21, 2) NOT NULL,
    paid_in         NUMERIC(21, 2) NOT NULL,
    cost            NUMERIC(21, 2) NOT NULL,
    confirmed_index BIGINT         NULL, -- FULL: when the holder confirmed its line; PARTIAL: the approval
    CONSTRAINT custody_entries_pk PRIMARY KEY (custody_id, holder),
    CONSTRAINT custody_entries_registration_fk FOREIGN KEY (custody_id) REFERENCES custody_registrations (custody_id),
    CONSTRAINT custody_entries_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT custody_entries_units_ck CHECK (units > 0),
    CONSTRAINT custody_entries_amounts_ck CHECK (subscribed >= 0 AND paid_in >= 0 AND paid_in <= subscribed AND cost >= 0),
    CONSTRAINT custody_entries_confirmed_ck CHECK (confirmed_index IS NULL OR confirmed_index > custody_id)
);

CREATE INDEX custody_entries_holder_ix ON custody_entries (holder);

CREATE TABLE pledges (
    pledge_id        BIGINT         NOT NULL, -- the index of the RegisterPledge
    fund_code        VARCHAR(64)    NOT NULL,
    holder           VARCHAR(64)    NOT NULL,
    units            NUMERIC(21, 2) NOT NULL,
    pledgee          VARCHAR(200)   NOT NULL,
    secured_amount   NUMERIC(21, 2) NULL,
    document_digest  VARCHAR(64)    NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    released_index   BIGINT         NULL,
    released_by      VARCHAR(64)    NULL,
    CONSTRAINT pledges_pk PRIMARY KEY (pledge_id),
    CONSTRAINT pledges_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT pledges_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT pledges_units_ck CHECK (units > 0),
    CONSTRAINT pledges_secured_amount_ck CHECK (secured_amount IS NULL OR secured_amount > 0),
    CONSTRAINT pledges_digest_ck CHECK (char_length(document_digest) = 64),
    CONSTRAINT pledges_status_ck CHECK ((status = 'ACTIVE' AND released_index IS NULL AND released_by IS NULL)
        OR (status = 'RELEASED' AND released_index IS NOT NULL AND released_index > pledge_id AND released_by IS NOT NULL))
);

CREATE INDEX pledges_holding_ix ON pledges (fund_code, holder);

CREATE TABLE freezes (
    freeze_id       BIGINT         NOT NULL, -- the id of the proposal that imposed it
    fund_code       VARCHAR(64)    NOT NULL,
    holder          VARCHAR(64)    NOT NULL,
    units           NUMERIC(21, 2) NOT NULL,
    authority       VARCHAR(200)   NOT NULL,
    case_number     VARCHAR(200)   NOT NULL,
    document_digest VARCHAR(64)    NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    frozen_index    BIGINT         NOT NULL, -- the approval that imposed it
    lifted_index    BIGINT         NULL,
    lift_reason     VARCHAR(200)   NULL,
    CONSTRAINT freezes_pk PRIMARY KEY (freeze_id),
    CONSTRAINT freezes_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code),
    CONSTRAINT freezes_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT freezes_units_ck CHECK (units > 0),
    CONSTRAINT freezes_digest_ck CHECK (char_length(document_digest) = 64),
    CONSTRAINT freezes_index_ck CHECK (frozen_index > freeze_id),
    CONSTRAINT freezes_status_ck CHECK ((status = 'ACTIVE' AND lifted_index IS NULL AND lift_reason IS NULL)
        OR (status = 'LIFTED' AND lifted_index IS NOT NULL AND lifted_index > frozen_index AND lift_reason IS NOT NULL))
);

CREATE INDEX freezes_holding_ix ON freezes (fund_code, holder);
