package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.FeeSchedule;

/**
 * Settlement fees (issue 22, rules version 8; docs/rules.md "Fees"): a trade made while a settlement bank is active
 * settles delivery versus payment and carries the fees of its mechanism ({@link FeeSchedule}); an order, bid or
 * acceptance below the mechanism's minimum fee is refused at entry.
 */
final class SettlementFees {
    private final ExchangeState state;

    SettlementFees(ExchangeState state) {
        this.state = state;
    }

    /**
     * Whether a trade made now settles delivery versus payment: rules version 8 and an active settlement bank. Decided
     * from the state each time: {@link ExchangeState#activeBanks}, derived from the participants and rebuilt on
     * restore, so a deadline or a snapshot-restored engine decides as a replay does.
     */
    boolean applies() {
        return state.rulesVersion >= RulesVersion.DELIVERY_VERSUS_PAYMENT && !state.activeBanks.isEmpty();
    }

    /** The trade with the fees of its mechanism when it settles delivery versus payment; else unchanged. */
    TradeExecuted withFees(TradeExecuted trade) {
        if (!applies()) {
            return trade;
        }
        FeeSchedule.Rate rate = state.parameters.fee(mechanism(trade.listingId(), trade.bookTrade()));
        TradeExecuted charged = TradeTerms.overflowChecked(() -> trade.withFees(rate.buyerFee(trade.consideration()),
                rate.sellerFee(trade.consideration())));
        if (state.rulesVersion >= RulesVersion.UNITS_AT_FUNDING) {
            // What the buyer funds must fit: refused here, never an overflow when it funds (rules version 9).
            TradeTerms.overflowChecked(() -> Math.addExact(charged.consideration().raw(), charged.buyerFee().raw()));
        }
        return charged;
    }

    /** The fee mechanism of a trade: the listing's, {@code book}, or {@code offer} (quotes and brokered matches). */
    String mechanism(long listingId, boolean book) {
        if (book) {
            return "book";
        }
        Listing listing = listingId == 0 ? null : state.listings.get(listingId);
        return listing == null ? "offer" : FeeSchedule.feeName(listing.mechanism());
    }

    /**
     * Refuses an order, bid or acceptance (FEE_ABOVE_CONSIDERATION) whose consideration is below its mechanism's
     * minimum fee, when trades settle delivery versus payment and the mechanism charges a fee.
     */
    void requireFeeCovered(String mechanism, Money consideration) {
        if (!applies()) {
            return;
        }
        FeeSchedule.Rate rate = state.parameters.fee(mechanism);
        if (rate.charges() && rate.minimum().compareTo(consideration) > 0) {
            throw new Rejection(RejectCode.FEE_ABOVE_CONSIDERATION, "the consideration " + consideration
                    + " is below the minimum fee " + rate.minimum() + " of " + mechanism + " trades / 成交金额低于最低费用");
        }
    }

}
