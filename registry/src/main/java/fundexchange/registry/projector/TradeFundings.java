package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.TRADE_FUNDING;

import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Trades settled delivery versus payment (issue 22, rules version 8, V26): a row from the trade (one carrying fees) to
 * its cash settled or released, with what is due, what is funded and who confirms the registration change. Like the
 * other projections it never decides: a row not in the state an event expects halts the projector.
 */
final class TradeFundings {
    private final DSLContext tx;
    private final StatementBatch batch;

    TradeFundings(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    /** A trade with fees: it awaits funding. */
    void executed(TradeExecuted e, long index, long time) {
        batch.flush(); // the fund's registration may still be queued in a catch-up batch
        String currency = tx.select(FUNDS.CURRENCY).from(FUNDS).where(FUNDS.CODE.eq(e.fundCode())).fetchOne(FUNDS.CURRENCY);
        batch.insert(tx.insertInto(TRADE_FUNDING)
                .set(TRADE_FUNDING.TRADE_ID, e.tradeId())
                .set(TRADE_FUNDING.FUND_CODE, e.fundCode())
                .set(TRADE_FUNDING.SELLER, e.seller())
                .set(TRADE_FUNDING.BUYER, e.buyer())
                .set(TRADE_FUNDING.CURRENCY, currency)
                .set(TRADE_FUNDING.CONSIDERATION, e.consideration().decimal())
                .set(TRADE_FUNDING.BUYER_FEE, e.buyerFee().decimal())
                .set(TRADE_FUNDING.SELLER_FEE, e.sellerFee().decimal())
                .set(TRADE_FUNDING.DUE, e.consideration().decimal().add(e.buyerFee().decimal())) // never throws here
                .set(TRADE_FUNDING.FUNDED, java.math.BigDecimal.ZERO.setScale(2))
                .set(TRADE_FUNDING.STATUS, "AWAITING_FUNDING")
                .set(TRADE_FUNDING.SETTLE_BY, e.settleBy())
                .set(TRADE_FUNDING.CREATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time), List.of(key(e.tradeId())));
    }

    /** A deposit held for the trade counts as funded (a trade without delivery versus payment has no row). */
    void depositHeld(long tradeId, fundexchange.protocol.money.Money amount, long index, long time) {
        batch.flush(); // the trade's row may still be queued
        tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.FUNDED, TRADE_FUNDING.FUNDED.plus(amount.decimal()))
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING"))
                .execute();
    }

    void funded(TradeFundingLocked e, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.FUNDED, e.funded().decimal())
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING")),
                "trade " + e.tradeId() + " awaiting funding", key(e.tradeId()));
    }

    void awaitingRegistration(TradeFunded e, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.STATUS, "AWAITING_REGISTRATION")
                .set(TRADE_FUNDING.MANAGER, e.manager())
                .set(TRADE_FUNDING.REGISTRATION_DUE, e.registrationDue())
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING")),
                "trade " + e.tradeId() + " awaiting funding", key(e.tradeId()));
    }

    void overridden(SettlementOverridden e, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.OVERRIDE_REASON, e.reason())
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + e.tradeId() + " pending", key(e.tradeId()));
    }

    /** The trade's cash settled (SETTLED). */
    void ended(long tradeId, String status, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.STATUS, status)
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + tradeId + " pending", key(tradeId));
    }

    /**
     * The trade's funding was released: FAILED, or SETTLED when staff's override settled it unfunded (its units moved;
     * the override's reason, set by SettlementOverridden just before, tells).
     */
    void released(long tradeId, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.STATUS, org.jooq.impl.DSL.when(TRADE_FUNDING.OVERRIDE_REASON.isNotNull(), "SETTLED")
                        .otherwise("FAILED"))
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + tradeId + " pending", key(tradeId));
    }

    private static String key(long tradeId) {
        return "TradeFunding:" + tradeId;
    }
}
