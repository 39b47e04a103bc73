package fundexchange.protocol.event;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import java.util.List;

/** An intent rests (only its investor, staff and regulators see it); strategies and funds are sorted and distinct. */
public record IntentPosted(long intentId, String investor, List<String> fundCodes, IntentCriteria criteria,
                           Money minAmount, Money maxAmount, long maxPercentOfNavBasisPoints, long expiresAt) implements IntentEvent {
}
