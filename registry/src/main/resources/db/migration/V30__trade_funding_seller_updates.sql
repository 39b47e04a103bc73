-- What the seller of a trade settled delivery versus payment may see of its row's changes (issue 22): the buyer's
-- funding (TradeFundingLocked, a bid deposit held for the trade) reaches the buyer only, so a partial funding must not
-- move the index and time the seller reads. seller_updated_index and seller_updated_at are those of the last change the
-- seller is told of: the trade (TradeExecuted), its funding complete (TradeFunded), a staff override
-- (SettlementOverridden), its cash settled (TradeCashSettled) or its end (TradeFailed or the override's settlement, in
-- the document of TradeFundingReleased). updated_index and updated_at stay the last change of any kind (the buyer's,
-- staff's and regulators' view). Rows projected before this version: a trade still awaiting funding was last changed,
-- as its seller knows, by its execution (transfers.executed_at, recorded since V15 and so for every trade of V26); any
-- other row's last change was one its seller was told of.

ALTER TABLE trade_funding ADD COLUMN seller_updated_index BIGINT NULL;
ALTER TABLE trade_funding ADD COLUMN seller_updated_at BIGINT NULL;
-- [jooq ignore start]
UPDATE trade_funding f SET seller_updated_index = f.created_index,
    seller_updated_at = COALESCE((SELECT t.executed_at FROM transfers t WHERE t.trade_id = f.trade_id), f.updated_at)
    WHERE f.status = 'AWAITING_FUNDING';
UPDATE trade_funding SET seller_updated_index = updated_index, seller_updated_at = updated_at
    WHERE status <> 'AWAITING_FUNDING';
-- [jooq ignore stop]
ALTER TABLE trade_funding ALTER COLUMN seller_updated_index SET NOT NULL;
ALTER TABLE trade_funding ALTER COLUMN seller_updated_at SET NOT NULL;
ALTER TABLE trade_funding ADD CONSTRAINT trade_funding_seller_updated_ck
    CHECK (seller_updated_index >= created_index AND seller_updated_index <= updated_index);
