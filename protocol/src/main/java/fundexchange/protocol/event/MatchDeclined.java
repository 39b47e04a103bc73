package fundexchange.protocol.event;

import fundexchange.protocol.intent.Side;

/** One party declines a brokered match, which ends; names no party. */
public record MatchDeclined(long matchId, long offerId, long intentId, Side by, int investorPseudonym) implements IntentEvent {
}
