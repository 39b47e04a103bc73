package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The matcher proposes an offer and an intent to staff, ranked {@code rank} (1 = best) among the top K for the item
 * that triggered it: {@code units} at the offer's ask {@code price} ({@code amount} in all), the price surplus in
 * basis points of NAV. Names no participant: staff look the parties up; no counterparty ever receives it.
 */
public record MatchProposed(long matchId, long offerId, long intentId, String fundCode, int rank, Units units,
                            Price price, Money amount, long percentOfNavBasisPoints, long surplusBasisPoints) implements IntentEvent {
}
