package fundexchange.protocol.event;

import fundexchange.protocol.intent.IntentClosure;
import java.util.List;

/**
 * An intent stops resting: cancelled, expired, or filled by a brokered trade; its live match proposals lapse. When
 * the exchange cancelled it (its investor was suspended), {@code rejectCode} and {@code reason} say why; else absent.
 */
public record IntentClosed(long intentId, String investor, IntentClosure status, List<Long> lapsedMatches,
                           Integer rejectCode, String reason) implements IntentEvent {
    public IntentClosed(long intentId, String investor, IntentClosure status, List<Long> lapsedMatches) {
        this(intentId, investor, status, lapsedMatches, null, null);
    }
}
