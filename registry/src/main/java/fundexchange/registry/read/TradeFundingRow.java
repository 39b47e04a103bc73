package fundexchange.registry.read;

/**
 * A row of {@code trade_funding}: the {@code whole} view (the buyer's, staff's and regulators') and the index and time
 * of the last change its seller was told of (V30). The buyer's fundings, partial or whole, reach the buyer alone
 * (TradeFundingLocked, a deposit held for the trade): they move the whole view's {@code updatedIndex} and
 * {@code updatedAt}, never the seller's.
 */
public record TradeFundingRow(TradeFundingView whole, long sellerUpdatedIndex, long sellerUpdatedAt) {
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
     * As the fund's manager sees it: the registration change to decide, without the parties' cash. Its row names the
     * manager only from the trade's full funding (TradeFunded) on, and every later change is one the seller is told of
     * too, so its index and time are the seller's.
     */
    public TradeFundingView forManager() {
        TradeFundingView w = whole;
        return new TradeFundingView(w.tradeId(), w.fundCode(), w.seller(), w.buyer(), w.manager(), w.currency(), null,
                null, null, null, null, w.status(), w.settleBy(), w.registrationDue(), w.overrideReason(),
                w.createdIndex(), sellerUpdatedIndex, sellerUpdatedAt);
    }
}
