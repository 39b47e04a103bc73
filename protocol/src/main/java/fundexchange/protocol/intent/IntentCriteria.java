package fundexchange.protocol.intent;

import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import java.util.List;

/**
 * What funds an intent targets when it names no fund list. Every criterion is optional: an empty or absent
 * {@code strategies} accepts any strategy, an absent bound leaves the vintage range open, an absent currency, manager
 * or legal form accepts any. The engine stores the strategies sorted and distinct.
 */
public record IntentCriteria(List<String> strategies, Integer vintageFrom, Integer vintageTo, String currency,
                             String manager, LegalForm legalForm) {
    /** True if the fund meets every criterion given. */
    public boolean accepts(Fund fund) {
        return (strategies == null || strategies.isEmpty() || strategies.contains(fund.strategy()))
                && (vintageFrom == null || fund.vintage() >= vintageFrom)
                && (vintageTo == null || fund.vintage() <= vintageTo)
                && (currency == null || currency.equals(fund.currency()))
                && (manager == null || manager.equals(fund.manager()))
                && (legalForm == null || legalForm == fund.legalForm());
    }

    /** The strategies named, or an empty list for any. */
    public List<String> strategyList() {
        return strategies == null ? List.of() : strategies;
    }
}
