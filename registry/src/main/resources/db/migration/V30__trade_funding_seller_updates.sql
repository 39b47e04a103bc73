-- What the seller and the fund's manager of a trade settled delivery versus payment may see of its row's changes
-- (issue 22). The buyer's funding (TradeFundingLocked, a bid deposit held for the trade) reaches the buyer only, so a
-- partial funding must not move the index and time the seller reads. seller_updated_index and seller_updated_at are
-- those of the last change the seller is told of: the trade (TradeExecuted), its funding complete (TradeFunded), a
-- staff override (SettlementOverridden), its cash settled (TradeCashSettled) or its end (TradeFailed or the override's
-- settlement, in the document of TradeFundingReleased).
-- The manager (the registrar named by TradeFunded) is told only of TradeFunded and of its own decision
-- (RegistrationConfirmed, RegistrationRefused, whose documents settle or fail the trade): manager_updated_index and
-- manager_updated_at are those of the last of these, NULL before the trade is funded. A row that leaves
-- AWAITING_REGISTRATION by a change the manager is not told of (staff's override, the registration deadline) is no
-- longer the manager's to read: its manager_updated_index then stays below updated_index, and the manager's read
-- lists a row only while it awaits registration or its last change is one the manager was told of.
-- updated_index and updated_at stay the last change of any kind (the buyer's, staff's and regulators' view).
--
-- Rows projected before this version: a trade still awaiting funding was last changed, as its seller knows, by its
-- execution (transfers.executed_at, recorded since V15 and so for every trade of V26: a trade without it fails the
-- migration at SET NOT NULL); any other row's last change was one its seller was told of. The manager was told of the
-- last change of a row awaiting registration (TradeFunded), of a settled one without an override (its confirmation)
-- and of a failed one whose registration it refused (transfers.failure_code 8029, REGISTRATION_REFUSED); any other
-- funded row ended by a change the manager was not told of, and the index of its funding is not kept: NULL (the
-- manager's read does not list it either way).

ALTER TABLE trade_funding ADD COLUMN seller_updated_index BIGINT NULL;
ALTER TABLE trade_funding ADD COLUMN seller_updated_at BIGINT NULL;
ALTER TABLE trade_funding ADD COLUMN manager_updated_index BIGINT NULL;
ALTER TABLE trade_funding ADD COLUMN manager_updated_at BIGINT NULL;
-- [jooq ignore start]
UPDATE trade_funding f SET seller_updated_index = f.created_index,
    seller_updated_at = (SELECT t.executed_at FROM transfers t WHERE t.trade_id = f.trade_id)
    WHERE f.status = 'AWAITING_FUNDING';
UPDATE trade_funding SET seller_updated_index = updated_index, seller_updated_at = updated_at
    WHERE status <> 'AWAITING_FUNDING';
UPDATE trade_funding f SET manager_updated_index = f.updated_index, manager_updated_at = f.updated_at
    WHERE f.status = 'AWAITING_REGISTRATION'
        OR (f.status = 'SETTLED' AND f.registration_due IS NOT NULL AND f.override_reason IS NULL)
        OR (f.status = 'FAILED' AND f.registration_due IS NOT NULL
            AND EXISTS (SELECT 1 FROM transfers t WHERE t.trade_id = f.trade_id AND t.failure_code = 8029));
-- [jooq ignore stop]
ALTER TABLE trade_funding ALTER COLUMN seller_updated_index SET NOT NULL;
ALTER TABLE trade_funding ALTER COLUMN seller_updated_at SET NOT NULL;
ALTER TABLE trade_funding ADD CONSTRAINT trade_funding_seller_updated_ck
    CHECK (seller_updated_index >= created_index AND seller_updated_index <= updated_index);
ALTER TABLE trade_funding ADD CONSTRAINT trade_funding_manager_updated_ck
    CHECK ((manager_updated_index IS NULL) = (manager_updated_at IS NULL)
        AND (manager_updated_index IS NULL OR (manager_updated_index >= created_index
            AND manager_updated_index <= updated_index)));
