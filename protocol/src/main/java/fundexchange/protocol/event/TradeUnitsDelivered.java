package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * A trade settled delivery versus payment is fully funded and its units move (rules version 9, {@code
 * RulesVersion.UNITS_AT_FUNDING}): {@code units} leave the seller (with {@code sellerCostReleased} of its cost and, in
 * proportion, {@code subscribedMoved} and {@code paidInMoved} of its registered commitment, absent when none) and are
 * the buyer's, at cost {@code consideration}, but locked with it pending the fund's registration change, which
 * {@code manager} (null: staff) confirms or refuses; {@code holderCount} is the fund's holder count after the move.
 * The registration change makes the transfer final ({@code TradeSettled} with {@code unitsDelivered}); a refusal or a
 * missed registration deadline returns the units ({@link TradeUnitsReturned}).
 */
public record TradeUnitsDelivered(long tradeId, String fundCode, String seller, String buyer, String manager,
                                  Units units, Money consideration, Money sellerCostReleased, int holderCount,
                                  Money subscribedMoved, Money paidInMoved) implements CashEvent {
}
