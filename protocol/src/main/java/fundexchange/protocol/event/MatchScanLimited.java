package fundexchange.protocol.event;

/**
 * The matcher stopped after examining {@code examined} resting items (the platform's {@code match-scan-limit}) for
 * the item {@code triggerId}: the proposals of this document are the best of those examined.
 */
public record MatchScanLimited(long triggerId, int examined) implements IntentEvent {
}
