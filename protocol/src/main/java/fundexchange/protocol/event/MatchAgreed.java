package fundexchange.protocol.event;

/**
 * Both parties accepted a brokered match: the identities are revealed to the two here (and in the TradeExecuted that
 * follows), never before.
 */
public record MatchAgreed(long matchId, long offerId, long intentId, String holder, String investor) implements IntentEvent {
}
