package fundexchange.protocol.event;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import java.util.List;

/** An intent's terms are replaced; it ranks from this index and its live match proposals lapse. */
public record IntentAmended(long intentId, String investor, List<String> fundCodes, IntentCriteria criteria,
                            Money minAmount, Money maxAmount, long maxPercentOfNavBasisPoints, long expiresAt,
                            List<Long> lapsedMatches) implements IntentEvent {
}
