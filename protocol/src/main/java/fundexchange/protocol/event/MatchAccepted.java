package fundexchange.protocol.event;

import fundexchange.protocol.intent.Side;

/** One party accepts a brokered match; names no party. */
public record MatchAccepted(long matchId, long offerId, long intentId, Side by, int investorPseudonym) implements IntentEvent {
}
