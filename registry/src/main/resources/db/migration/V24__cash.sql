-- Cash in escrow at the settlement bank (issue 22, rules version 7): accounts by owner and currency, every movement on
-- them, the bank's receipts (unidentified ones held in suspense until staff assign or return them), payout
-- instructions to the bank and its daily statements with their mismatch alarms. Amounts are money at scale 2
-- (NUMERIC(21,2) holds every long there). Times are journal time, epoch ms.

-- One account per kind, owner and currency: a participant's (owner its id), or the platform's suspense or revenue
-- account (owner 'SUSPENSE' or 'REVENUE', the kind; the kind is in the key, so a participant of that id is another
-- account). account_id is the id of the movement that opened it: its pages' cursor.
CREATE TABLE cash_accounts (
    account_id    BIGINT         NOT NULL,
    owner         VARCHAR(64)    NOT NULL,
    currency      VARCHAR(3)     NOT NULL,
    kind          VARCHAR(16)    NOT NULL,
    available     NUMERIC(21, 2) NOT NULL,
    locked        NUMERIC(21, 2) NOT NULL,
    updated_index BIGINT         NOT NULL,
    CONSTRAINT cash_accounts_pk PRIMARY KEY (kind, owner, currency),
    CONSTRAINT cash_accounts_id_uq UNIQUE (account_id),
    CONSTRAINT cash_accounts_kind_ck CHECK (kind IN ('PARTICIPANT', 'SUSPENSE', 'REVENUE')),
    CONSTRAINT cash_accounts_owner_ck CHECK (kind = 'PARTICIPANT' OR owner = kind),
    CONSTRAINT cash_accounts_balances_ck CHECK (available >= 0 AND locked >= 0)
);
CREATE INDEX cash_accounts_kind_ix ON cash_accounts (kind, account_id);

-- Every change of an account in journal order; movement_id = sourceIndex * 4096 + its ordinal in the document.
-- kind: CREDIT and DEBIT change the available balance, LOCK moves available to locked, RELEASE locked to available,
-- DEBIT_LOCKED pays out of locked. cause is the event; bank_reference the bank's (a receipt's, a confirmation's, or
-- for a suspense assignment the receipt's); reason a correction's, an assignment's or a returned payout's.
CREATE TABLE cash_movements (
    movement_id     BIGINT         NOT NULL,
    source_index    BIGINT         NOT NULL,
    account_kind    VARCHAR(16)    NOT NULL,
    owner           VARCHAR(64)    NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    amount          NUMERIC(21, 2) NOT NULL,
    available_after NUMERIC(21, 2) NOT NULL,
    locked_after    NUMERIC(21, 2) NOT NULL,
    cause           VARCHAR(48)    NOT NULL,
    bank_reference  VARCHAR(64)    NULL,
    instruction_id  BIGINT         NULL,
    proposal_id     BIGINT         NULL,
    reason          VARCHAR(500)   NULL,
    moved_at        BIGINT         NOT NULL,
    CONSTRAINT cash_movements_pk PRIMARY KEY (movement_id),
    CONSTRAINT cash_movements_account_fk FOREIGN KEY (account_kind, owner, currency)
        REFERENCES cash_accounts (kind, owner, currency),
    CONSTRAINT cash_movements_kind_ck CHECK (kind IN ('CREDIT', 'DEBIT', 'LOCK', 'RELEASE', 'DEBIT_LOCKED')),
    CONSTRAINT cash_movements_amount_ck CHECK (amount > 0),
    CONSTRAINT cash_movements_balances_ck CHECK (available_after >= 0 AND locked_after >= 0)
);
CREATE INDEX cash_movements_account_ix ON cash_movements (account_kind, owner, currency, movement_id);
CREATE INDEX cash_movements_owner_ix ON cash_movements (account_kind, owner, movement_id);

-- The bank's confirmations of money received, receipt_id its journal index: for a participant's account (CREDITED),
-- or unidentified (SUSPENSE) until staff assign it (ASSIGNED, to assigned_to) or return it to its payer (RETURNING
-- while the payout instruction is open, RETURNED once the bank paid it; a returned return is in SUSPENSE again).
CREATE TABLE bank_receipts (
    receipt_id     BIGINT         NOT NULL,
    bank           VARCHAR(64)    NOT NULL,
    bank_reference VARCHAR(64)    NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    amount         NUMERIC(21, 2) NOT NULL,
    value_date     DATE           NOT NULL,
    participant    VARCHAR(64)    NULL,     -- the account credited; null for an unidentified receipt
    remitter       VARCHAR(500)   NULL,     -- the payer's details on an unidentified receipt, as the bank gave them
    status         VARCHAR(16)    NOT NULL,
    received_at    BIGINT         NOT NULL,
    assigned_to    VARCHAR(64)    NULL,
    settled_index  BIGINT         NULL,     -- ASSIGNED: the assignment's index; RETURNING: the return's payout instruction's; RETURNED: the bank's payment's; SUSPENSE (a return the bank sent back): null
    settled_at     BIGINT         NULL,
    CONSTRAINT bank_receipts_pk PRIMARY KEY (receipt_id),
    CONSTRAINT bank_receipts_reference_uq UNIQUE (bank_reference),
    CONSTRAINT bank_receipts_status_ck CHECK (status IN ('CREDITED', 'SUSPENSE', 'ASSIGNED', 'RETURNING', 'RETURNED')),
    CONSTRAINT bank_receipts_amount_ck CHECK (amount > 0),
    CONSTRAINT bank_receipts_credited_ck CHECK ((status = 'CREDITED') = (participant IS NOT NULL)),
    CONSTRAINT bank_receipts_assigned_ck CHECK ((status = 'ASSIGNED') = (assigned_to IS NOT NULL))
);
CREATE INDEX bank_receipts_bank_ix ON bank_receipts (bank, receipt_id);
CREATE INDEX bank_receipts_status_ix ON bank_receipts (status, receipt_id);

-- Instructions to the settlement bank to pay out of an account (instruction_id = sourceIndex * 4096 + n): a
-- participant's withdrawal, or the return of an unidentified receipt out of suspense (receipt_reference names it).
-- PENDING until the bank confirms it EXECUTED or RETURNED; bank is the confirming bank.
CREATE TABLE payout_instructions (
    instruction_id         BIGINT         NOT NULL,
    owner                  VARCHAR(64)    NOT NULL,
    account_kind           VARCHAR(16)    NOT NULL,
    currency               VARCHAR(3)     NOT NULL,
    amount                 NUMERIC(21, 2) NOT NULL,
    receipt_reference      VARCHAR(64)    NULL,
    instruction_reason     VARCHAR(500)   NULL,
    status                 VARCHAR(16)    NOT NULL,
    instructed_index       BIGINT         NOT NULL,
    instructed_at          BIGINT         NOT NULL,
    bank                   VARCHAR(64)    NULL,
    confirmation_reference VARCHAR(64)    NULL,
    value_date             DATE           NULL,
    decided_index          BIGINT         NULL,
    decided_at             BIGINT         NULL,
    return_reason          VARCHAR(500)   NULL,
    CONSTRAINT payout_instructions_pk PRIMARY KEY (instruction_id),
    CONSTRAINT payout_instructions_account_fk FOREIGN KEY (account_kind, owner, currency)
        REFERENCES cash_accounts (kind, owner, currency),
    CONSTRAINT payout_instructions_status_ck CHECK (status IN ('PENDING', 'EXECUTED', 'RETURNED')),
    CONSTRAINT payout_instructions_amount_ck CHECK (amount > 0),
    CONSTRAINT payout_instructions_decided_ck CHECK ((status = 'PENDING') = (decided_index IS NULL)
        AND (status = 'PENDING') = (bank IS NULL))
);
CREATE INDEX payout_instructions_status_ix ON payout_instructions (status, instruction_id);
CREATE INDEX payout_instructions_owner_ix ON payout_instructions (account_kind, owner, instruction_id);

-- The bank's daily statements, statement_id their journal index: its closing balance of the escrow account in a
-- currency against the engine's escrow total there. MISMATCH is an alarm (alarm_index: EscrowMismatchRaised) until
-- staff acknowledge it by maker-checker (ACKNOWLEDGED).
CREATE TABLE bank_statements (
    statement_id       BIGINT         NOT NULL,
    bank               VARCHAR(64)    NOT NULL,
    bank_reference     VARCHAR(64)    NOT NULL,
    statement_date     DATE           NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    bank_balance       NUMERIC(21, 2) NOT NULL,
    escrow_balance     NUMERIC(21, 2) NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    submitted_at       BIGINT         NOT NULL,
    alarm_index        BIGINT         NULL,
    acknowledged_index BIGINT         NULL,
    acknowledged_at    BIGINT         NULL,
    proposal_id        BIGINT         NULL,
    acknowledged_reason VARCHAR(500)  NULL,
    CONSTRAINT bank_statements_pk PRIMARY KEY (statement_id),
    CONSTRAINT bank_statements_status_ck CHECK (status IN ('MATCHED', 'MISMATCH', 'ACKNOWLEDGED')),
    CONSTRAINT bank_statements_match_ck CHECK ((status = 'MATCHED') = (bank_balance = escrow_balance)),
    CONSTRAINT bank_statements_acknowledged_ck CHECK ((status = 'ACKNOWLEDGED') = (acknowledged_index IS NOT NULL))
);
CREATE INDEX bank_statements_bank_ix ON bank_statements (bank, statement_id);
CREATE INDEX bank_statements_status_ix ON bank_statements (status, statement_id);
