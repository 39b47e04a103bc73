package fundexchange.audit.report;

import java.util.List;

/**
 * What a regulator looks at first: the day's trades reviewed against NAV, cost and recent trades, refusals by
 * participant and code, and restrictions put on or lifted.
 *
 * @param outlierRule          the rule the trades were reviewed with
 * @param trades               each trade of the day, in journal order
 * @param outliers             how many of them the rule marks
 * @param refusalsByParticipant rejected commands by participant, then code
 * @param restrictions         pledges, freezes, suspensions and key revocations (and their releases), in journal order
 */
public record Highlights(OutlierRule outlierRule, List<TradeReview> trades, long outliers,
                         List<RefusalCount> refusalsByParticipant, List<RestrictionRow> restrictions) {
    public Highlights {
        trades = List.copyOf(trades);
        refusalsByParticipant = List.copyOf(refusalsByParticipant);
        restrictions = List.copyOf(restrictions);
    }
}
