package fundexchange.engine.intent;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Fund;
import java.util.Collections;
import java.util.List;

/**
 * The buy side as the matcher sees it: an intent's investor, its target (a sorted fund list, or criteria), the amount
 * it would spend in [{@code minAmount}, {@code maxAmount}] of the fund's currency, the highest price it takes as basis
 * points of NAV, and its time priority {@code since} (the journal index that set its terms).
 */
public record Want(long id, String investor, List<String> fundCodes, IntentCriteria criteria, Money minAmount,
                   Money maxAmount, long maxPercentOfNavBasisPoints, long since) {
    /** True if the intent targets this fund: in its (sorted) fund list, or meeting its criteria. */
    public boolean accepts(Fund fund) {
        if (fundCodes != null && !fundCodes.isEmpty()) {
            return Collections.binarySearch(fundCodes, fund.fundCode()) >= 0;
        }
        return criteria != null && criteria.accepts(fund);
    }
}
