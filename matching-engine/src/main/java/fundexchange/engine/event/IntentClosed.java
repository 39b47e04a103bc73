package fundexchange.engine.event;

import fundexchange.engine.intent.IntentClosure;
import java.util.List;

/** An intent stops resting: cancelled, expired, or filled by a brokered trade; its live match proposals lapse. */
public record IntentClosed(long intentId, String investor, IntentClosure status, List<Long> lapsedMatches) implements Event {
}
