package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.TRADE_FUNDING;

import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.money.Money;
import fundexchange.registry.schema.tables.records.TradeFundingRecord;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Trades settled delivery versus payment (issue 22, rules version 8, V26): a row from the trade (one carrying fees) to
 * its cash settled or released, with what is due, what is funded and who confirms the registration change. Every
 * statement is queued in the document's {@link StatementBatch}, none read back: the row takes its currency from its
 * fund's row in the database ({@code INSERT ... SELECT}, after the fund's insert). Like the other projections it never
 * decides: a row not in the state an event expects, or a trade of an unknown fund, halts the projector.
 *
 * <p>{@code updated_index}/{@code updated_at} follow every change; {@code seller_updated_index}/{@code _at} (V30) only
 * the changes the seller is told of, so the buyer's partial fundings, which reach the buyer alone, never show in the
 * seller's read; {@code manager_updated_index}/{@code _at} only those the fund's manager is told of: the trade funded
 * (TradeFunded), the registration decision (RegistrationConfirmed, RegistrationRefused) and, from rules version 9, a
 * delivered trade's unwind (TradeUnitsReturned, whatever ended it); never staff's override, nor the registration
 * deadline or staff's FailSettlement of a trade not delivered (CONTRACTS.md 12; {@code CashDisclosure}).
 */
final class TradeFundings {
    private final DSLContext tx;
    private final StatementBatch batch;

    TradeFundings(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    /** A trade with fees: it awaits funding, in its fund's currency. */
    void executed(TradeExecuted e, long index, long time) {
        BigDecimal due = e.consideration().decimal().add(e.buyerFee().decimal()); // never throws here
        batch.insertRows(tx.insertInto(TRADE_FUNDING, TRADE_FUNDING.TRADE_ID, TRADE_FUNDING.FUND_CODE,
                                TRADE_FUNDING.SELLER, TRADE_FUNDING.BUYER, TRADE_FUNDING.CURRENCY, TRADE_FUNDING.CONSIDERATION,
                                TRADE_FUNDING.BUYER_FEE, TRADE_FUNDING.SELLER_FEE, TRADE_FUNDING.DUE, TRADE_FUNDING.FUNDED,
                                TRADE_FUNDING.STATUS, TRADE_FUNDING.SETTLE_BY, TRADE_FUNDING.CREATED_INDEX,
                                TRADE_FUNDING.UPDATED_INDEX, TRADE_FUNDING.UPDATED_AT, TRADE_FUNDING.SELLER_UPDATED_INDEX,
                                TRADE_FUNDING.SELLER_UPDATED_AT)
                        .select(DSL.select(DSL.val(e.tradeId()), DSL.val(e.fundCode()), DSL.val(e.seller()),
                                        DSL.val(e.buyer()), FUNDS.CURRENCY, DSL.val(e.consideration().decimal()),
                                        DSL.val(e.buyerFee().decimal()), DSL.val(e.sellerFee().decimal()), DSL.val(due),
                                        DSL.val(BigDecimal.ZERO.setScale(2)), DSL.val("AWAITING_FUNDING"),
                                        DSL.val(e.settleBy()), DSL.val(index), DSL.val(index), DSL.val(time),
                                        DSL.val(index), DSL.val(time))
                                .from(FUNDS).where(FUNDS.CODE.eq(e.fundCode()))),
                1, "fund " + e.fundCode() + " of trade " + e.tradeId(), List.of(key(e.tradeId())),
                EventProjection.fund(e.fundCode()));
    }

    /**
     * A deposit held for the trade counts as funded (a trade without delivery versus payment has no row, so any number
     * of rows). The buyer's alone: the seller's index does not move.
     */
    void depositHeld(long tradeId, Money amount, long index, long time) {
        batch.rows(tx.update(TRADE_FUNDING)
                        .set(TRADE_FUNDING.FUNDED, TRADE_FUNDING.FUNDED.plus(amount.decimal()))
                        .set(TRADE_FUNDING.UPDATED_INDEX, index)
                        .set(TRADE_FUNDING.UPDATED_AT, time)
                        .where(TRADE_FUNDING.TRADE_ID.eq(tradeId), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING")),
                StatementBatch.ANY, "trade " + tradeId + " awaiting funding", List.of(key(tradeId)));
    }

    /** The buyer's funding, whole or partial: the buyer's alone, the seller's index does not move. */
    void funded(TradeFundingLocked e, long index, long time) {
        batch.one(tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.FUNDED, e.funded().decimal())
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING")),
                "trade " + e.tradeId() + " awaiting funding", key(e.tradeId()));
    }

    /** Funded: it awaits its registration change. The seller and the manager are told (TradeFunded). */
    void awaitingRegistration(TradeFunded e, long index, long time) {
        batch.one(told(index, time)
                .set(TRADE_FUNDING.MANAGER_UPDATED_INDEX, index)
                .set(TRADE_FUNDING.MANAGER_UPDATED_AT, time)
                .set(TRADE_FUNDING.STATUS, "AWAITING_REGISTRATION")
                .set(TRADE_FUNDING.MANAGER, e.manager())
                .set(TRADE_FUNDING.REGISTRATION_DUE, e.registrationDue())
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()), TRADE_FUNDING.STATUS.eq("AWAITING_FUNDING")),
                "trade " + e.tradeId() + " awaiting funding", key(e.tradeId()));
    }

    /**
     * The registrar confirmed or refused the registration change (RegistrationConfirmed, RegistrationRefused): buyer,
     * seller and the manager are told, and the same document settles or fails the trade ({@link #ended},
     * {@link #released}), so the manager reads its end.
     */
    void registrationDecided(long tradeId, long index, long time) {
        managerTold(tradeId, index, time);
    }

    /**
     * Rules version 9: a delivered trade unwinds (TradeUnitsReturned: a refusal, the registration deadline, staff's
     * FailSettlement), which buyer, seller and the manager are told of; the same document fails it ({@link #released}),
     * so the manager reads its end. After a refusal's {@link #registrationDecided} it sets the same index again: the
     * same statement on the same row, so the batch runs both in order, each changing the one row.
     */
    void unwound(long tradeId, long index, long time) {
        managerTold(tradeId, index, time);
    }

    /** A change of a trade awaiting registration that the seller and the manager are told of. */
    private void managerTold(long tradeId, long index, long time) {
        batch.one(told(index, time)
                .set(TRADE_FUNDING.MANAGER_UPDATED_INDEX, index)
                .set(TRADE_FUNDING.MANAGER_UPDATED_AT, time)
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId), TRADE_FUNDING.STATUS.eq("AWAITING_REGISTRATION")),
                "trade " + tradeId + " awaiting registration", key(tradeId));
    }

    /** Staff's override: the parties are told, the manager not (its row leaves the manager's read, V30). */
    void overridden(SettlementOverridden e, long index, long time) {
        batch.one(told(index, time)
                .set(TRADE_FUNDING.OVERRIDE_REASON, e.reason())
                .where(TRADE_FUNDING.TRADE_ID.eq(e.tradeId()),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + e.tradeId() + " pending", key(e.tradeId()));
    }

    /**
     * The trade's cash settled (SETTLED), which the seller is told of; the manager only when the registration's
     * confirmation is in the same document ({@link #registrationDecided}).
     */
    void ended(long tradeId, String status, long index, long time) {
        batch.one(told(index, time)
                .set(TRADE_FUNDING.STATUS, status)
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + tradeId + " pending", key(tradeId));
    }

    /**
     * The trade's funding was released: FAILED, or SETTLED when staff's override settled it unfunded (its units moved;
     * the override's reason, set by SettlementOverridden just before, tells). The seller is told of it: its document
     * fails the trade (TradeFailed) or overrides its settlement.
     */
    void released(long tradeId, long index, long time) {
        batch.one(told(index, time)
                .set(TRADE_FUNDING.STATUS, DSL.when(TRADE_FUNDING.OVERRIDE_REASON.isNotNull(), "SETTLED")
                        .otherwise("FAILED"))
                .where(TRADE_FUNDING.TRADE_ID.eq(tradeId),
                        TRADE_FUNDING.STATUS.in("AWAITING_FUNDING", "AWAITING_REGISTRATION")),
                "trade " + tradeId + " pending", key(tradeId));
    }

    /**
     * An update of a change the seller is told of: both the row's and the seller's index and time move (the manager's
     * only by {@link #awaitingRegistration}, {@link #registrationDecided} and {@link #unwound}).
     */
    private UpdateSetMoreStep<TradeFundingRecord> told(long index, long time) {
        return tx.update(TRADE_FUNDING)
                .set(TRADE_FUNDING.UPDATED_INDEX, index)
                .set(TRADE_FUNDING.UPDATED_AT, time)
                .set(TRADE_FUNDING.SELLER_UPDATED_INDEX, index)
                .set(TRADE_FUNDING.SELLER_UPDATED_AT, time);
    }

    private static String key(long tradeId) {
        return "TradeFunding:" + tradeId;
    }
}
