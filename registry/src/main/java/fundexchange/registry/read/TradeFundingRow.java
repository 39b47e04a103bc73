package fundexchange.registry.read;

import java.util.Objects;

/**
 * A row of {@code trade_funding}: the {@code whole} view (the buyer's, staff's and regulators') and the index and time
 * of the last change its seller, and its fund's manager, was told of (V30). The buyer's fundings, partial or whole,
 * reach the buyer alone (TradeFundingLocked, a deposit held for the trade): they move the whole view's
 * {@code updatedIndex} and {@code updatedAt}, never the seller's nor the manager's. The manager is told only of the
 * trade funded (TradeFunded), of its own decision (RegistrationConfirmed, RegistrationRefused) and, from rules
 * version 9, of a delivered trade's unwind (TradeUnitsReturned): {@code null} before the trade is funded.
 */
public record TradeFundingRow(TradeFundingView whole, long sellerUpdatedIndex, long sellerUpdatedAt,
                              Long managerUpdatedIndex, Long managerUpdatedAt) {
    public long tradeId() {
        return whole.tradeId();
    }

    /**
     * As the seller sees it: not the buyer's funding progress, neither its amount ({@code funded} absent) nor when it
     * last changed (its feed never shows the buyer's locks).
     */
    public TradeFundingView forSeller() {
        TradeFundingView w = whole;
        return new TradeFundingView(w.tradeId(), w.fundCode(), w.seller(), w.buyer(), w.manager(), w.currency(),
                w.consideration(), w.buyerFee(), w.sellerFee(), w.due(), null, w.status(), w.settleBy(),
                w.registrationDue(), w.overrideReason(), w.createdIndex(), sellerUpdatedIndex, sellerUpdatedAt);
    }

    /**
     * As the fund's manager sees it: the registration change to decide, without the parties' cash, nor staff's
     * override (its reason absent: the manager is not told of SettlementOverridden), with the index and time of the
     * last change the manager was told of. {@link CashReads#tradeFundings} lists a row to its manager only while it
     * awaits registration or after the manager's own decision ended it (SETTLED by its confirmation, FAILED by its
     * refusal), so the status shown is one the manager was told of.
     */
    public TradeFundingView forManager() {
        TradeFundingView w = whole;
        return new TradeFundingView(w.tradeId(), w.fundCode(), w.seller(), w.buyer(), w.manager(), w.currency(), null,
                null, null, null, null, w.status(), w.settleBy(), w.registrationDue(), null, w.createdIndex(),
                Objects.requireNonNull(managerUpdatedIndex, "a row its manager was told of"),
                Objects.requireNonNull(managerUpdatedAt, "a row its manager was told of"));
    }
}
