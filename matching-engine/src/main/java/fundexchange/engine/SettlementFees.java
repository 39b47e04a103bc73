package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.FeeSchedule;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;

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
     * from the state alone each time (no cache), so a deadline or a snapshot-restored engine decides as a replay does.
     */
    boolean applies() {
        if (state.rulesVersion < RulesVersion.DELIVERY_VERSUS_PAYMENT) {
            return false;
        }
        for (Participant participant : state.participants.values()) {
            if (participant.has(Role.BANK) && participant.active()) {
                return true;
            }
        }
        return false;
    }

    /** The trade with the fees of its mechanism when it settles delivery versus payment; else unchanged. */
    TradeExecuted withFees(TradeExecuted trade) {
        if (!applies()) {
            return trade;
        }
        FeeSchedule.Rate rate = state.parameters.fee(mechanism(trade.listingId(), trade.bookTrade()));
        return TradeTerms.overflowChecked(() -> trade.withFees(rate.buyerFee(trade.consideration()),
                rate.sellerFee(trade.consideration())));
    }

    /** The fee mechanism of a trade: the listing's, {@code book}, or {@code offer} (quotes and brokered matches). */
    String mechanism(long listingId, boolean book) {
        if (book) {
            return "book";
        }
        Listing listing = listingId == 0 ? null : state.listings.get(listingId);
        return listing == null ? "offer" : listing.mechanism().name().toLowerCase(java.util.Locale.ROOT);
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
        Rejection.check(!rate.charges() || rate.minimum().compareTo(consideration) <= 0,
                RejectCode.FEE_ABOVE_CONSIDERATION, "the consideration " + consideration + " is below the minimum fee "
                        + rate.minimum() + " of " + mechanism + " trades / 成交金额低于最低费用");
    }

}
