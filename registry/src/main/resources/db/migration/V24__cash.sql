-- Cash at the settlement bank (issue 22): accounts by owner and currency, every movement on them, the bank's receipts
-- (unidentified ones held in suspense until staff assign them), payout instructions to the bank and its daily
-- statements with their mismatch alarms. Amounts are money at scale 2 (NUMERIC(21,2) holds every long there).

-- One account per owner and currency: a participant's, or the exchange's suspense or revenue account (owner
-- 'SUSPENSE' or 'REVENUE', kind saying which; participant ids never take those names as they are kinds, not ids).
CREATE TABLE cash_accounts (
    owner         VARCHAR(64)    NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    kind          VARCHAR(16)    NOT NULL,
    available     NUMERIC(21, 2) NOT NULL,
    locked        NUMERIC(21, 2) NOT NULL,
    account_id    BIGINT         NOT NULL, -- sourceIndex * 4096 + n of what opened it: the cursor of its pages
    updated_index BIGINT         NOT NULL,
    CONSTRAINT cash_accounts_pk PRIMARY KEY (owner, currency),
    CONSTRAINT cash_accounts_id_uq UNIQUE (account_id),
    CONSTRAINT cash_accounts_kind_ck CHECK (kind IN ('PARTICIPANT', 'SUSPENSE', 'REVENUE')),
    CONSTRAINT cash_accounts_owner_ck CHECK (kind = 'PARTICIPANT' OR owner = kind),
    CONSTRAINT cash_accounts_balances_ck CHECK (available >= 0 AND locked >= 0),
    CONSTRAINT cash_accounts_currency_ck CHECK (currency ~ '^[A-Z]{3}$')
);

-- Every change of an account, in journal order: movement_id = sourceIndex * 4096 + its position in the document.
-- kind: CREDIT and DEBIT change the available balance, LOCK moves available to locked, RELEASE locked to available,
-- DEBIT_LOCKED takes from the locked balance; the balances after it are kept with it.
CREATE TABLE cash_movements (
    movement_id     BIGINT         NOT NULL,
    source_index    BIGINT         NOT NULL,
    owner           VARCHAR(64)    NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    amount          NUMERIC(21, 2) NOT NULL,
    available_after NUMERIC(21, 2) NOT NULL,
    locked_after    NUMERIC(21, 2) NOT NULL,
    cause           VARCHAR(48)    NOT NULL, -- the event that moved it
    bank_reference  VARCHAR(64)    NULL,
    instruction_id  BIGINT         NULL,
    reason          VARCHAR(500)   NULL,     -- a staff correction's reason
    moved_at        BIGINT         NOT NULL, -- journal time, epoch ms
    CONSTRAINT cash_movements_pk PRIMARY KEY (movement_id),
    CONSTRAINT cash_movements_account_fk FOREIGN KEY (owner, currency) REFERENCES cash_accounts (owner, currency),
    CONSTRAINT cash_movements_kind_ck CHECK (kind IN ('CREDIT', 'DEBIT', 'LOCK', 'RELEASE', 'DEBIT_LOCKED')),
    CONSTRAINT cash_movements_amount_ck CHECK (amount > 0)
);
CREATE INDEX cash_movements_account_ix ON cash_movements (owner, currency, movement_id);

-- The bank's confirmations of money received: for a participant's account (CREDITED), or unidentified (SUSPENSE)
-- until staff assign it by maker-checker (ASSIGNED, to assigned_to). receipt_id is the receipt's journal index.
CREATE TABLE bank_receipts (
    receipt_id     BIGINT         NOT NULL,
    bank           VARCHAR(64)    NOT NULL,
    bank_reference VARCHAR(64)    NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    amount         NUMERIC(21, 2) NOT NULL,
    participant    VARCHAR(64)    NULL,     -- the account credited; null while unidentified
    status         VARCHAR(16)    NOT NULL,
    received_at    BIGINT         NOT NULL, -- journal time, epoch ms
    assigned_to    VARCHAR(64)    NULL,
    assigned_index BIGINT         NULL,
    assigned_at    BIGINT         NULL,
    CONSTRAINT bank_receipts_pk PRIMARY KEY (receipt_id),
    CONSTRAINT bank_receipts_reference_uq UNIQUE (bank, bank_reference),
    CONSTRAINT bank_receipts_status_ck CHECK (status IN ('CREDITED', 'SUSPENSE', 'ASSIGNED')),
    CONSTRAINT bank_receipts_amount_ck CHECK (amount > 0),
    CONSTRAINT bank_receipts_assigned_ck CHECK ((status = 'ASSIGNED') = (assigned_to IS NOT NULL))
);
CREATE INDEX bank_receipts_bank_ix ON bank_receipts (bank, receipt_id);
CREATE INDEX bank_receipts_status_ix ON bank_receipts (status, receipt_id);

-- Instructions to the bank to pay a participant out: PENDING until the bank confirms it EXECUTED or RETURNED.
-- instruction_id is the journal index that made it (a withdrawal, or a settlement's proceeds).
CREATE TABLE payout_instructions (
    instruction_id   BIGINT         NOT NULL,
    participant      VARCHAR(64)    NOT NULL,
    bank             VARCHAR(64)    NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    amount           NUMERIC(21, 2) NOT NULL,
    purpose          VARCHAR(32)    NOT NULL, -- WITHDRAWAL, or what else made it
    status           VARCHAR(16)    NOT NULL,
    instructed_at    BIGINT         NOT NULL, -- journal time, epoch ms
    bank_reference   VARCHAR(64)    NULL,
    decided_index    BIGINT         NULL,
    decided_at       BIGINT         NULL,
    reason           VARCHAR(500)   NULL,     -- a returned payout's reason
    CONSTRAINT payout_instructions_pk PRIMARY KEY (instruction_id),
    CONSTRAINT payout_instructions_status_ck CHECK (status IN ('PENDING', 'EXECUTED', 'RETURNED')),
    CONSTRAINT payout_instructions_amount_ck CHECK (amount > 0),
    CONSTRAINT payout_instructions_decided_ck CHECK ((status = 'PENDING') = (decided_index IS NULL))
);
CREATE INDEX payout_instructions_bank_ix ON payout_instructions (bank, status, instruction_id);
CREATE INDEX payout_instructions_participant_ix ON payout_instructions (participant, instruction_id);

-- The bank's daily statements: its escrow total per currency against the engine's at that index. A mismatch raises
-- an alarm (status MISMATCH) until staff acknowledge it by maker-checker (ACKNOWLEDGED). One row per currency:
-- statement_id is sourceIndex * 4096 + the currency's position in the statement.
CREATE TABLE bank_statements (
    statement_id      BIGINT         NOT NULL,
    source_index      BIGINT         NOT NULL,
    bank              VARCHAR(64)    NOT NULL,
    statement_date    DATE           NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    bank_total        NUMERIC(21, 2) NOT NULL,
    engine_total      NUMERIC(21, 2) NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    submitted_at      BIGINT         NOT NULL, -- journal time, epoch ms
    acknowledged_index BIGINT        NULL,
    acknowledged_at   BIGINT         NULL,
    acknowledged_reason VARCHAR(500) NULL,
    CONSTRAINT bank_statements_pk PRIMARY KEY (statement_id),
    CONSTRAINT bank_statements_status_ck CHECK (status IN ('MATCHED', 'MISMATCH', 'ACKNOWLEDGED')),
    CONSTRAINT bank_statements_match_ck CHECK ((status = 'MATCHED') = (bank_total = engine_total))
);
CREATE INDEX bank_statements_status_ix ON bank_statements (status, statement_id);
