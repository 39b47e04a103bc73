package fundexchange.engine.intent;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import java.util.List;

/**
 * A resting investment intent (投资意向); its id is the index of the PostIntent. It targets a sorted fund list, or
 * criteria when the list is empty. {@code rankedSince} is the index that last set its terms (its time priority).
 * Visible only to its investor, staff and regulators.
 */
public record Intent(long intentId, String investor, List<String> fundCodes, IntentCriteria criteria, Money minAmount,
                     Money maxAmount, long maxPercentOfNavBasisPoints, long expiresAt, long rankedSince) {
    public Want want() {
        return new Want(intentId, investor, fundCodes, criteria, minAmount, maxAmount, maxPercentOfNavBasisPoints, rankedSince);
    }
}
