package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * A delivered trade unwinds (rules version 9): the registration change was refused or not confirmed by its deadline.
 * What {@link TradeUnitsDelivered} moved goes back: {@code units} leave the buyer's units locked pending registration,
 * with {@code buyerCostReleased} of its cost (the consideration it was given; at most the cost it still has, all of it
 * when it keeps no units), and return to the seller, locked again as the trade's until the {@code TradeFailed} that
 * follows unlocks them, with the {@code sellerCostReleased} it gave; {@code subscribedMoved} and {@code paidInMoved}
 * (absent: none) return the commitment that moved, at most what the buyer still has; {@code holderCount} is the fund's
 * holder count after the return.
 */
public record TradeUnitsReturned(long tradeId, String fundCode, String seller, String buyer, String manager,
                                 Units units, Money buyerCostReleased, Money sellerCostReleased, int holderCount,
                                 Money subscribedMoved, Money paidInMoved) implements CashEvent {
}
