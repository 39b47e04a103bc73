package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * A state-owned holder registers the approved or filed appraisal (核准或备案的评估结果) of its interest in a fund:
 * {@code value} for {@code units} units, in the fund's currency; {@code filingReference} names the filing or approval;
 * {@code validUntil} (ISO date in the platform zone) is its last valid day. It replaces the holder's earlier appraisal
 * of the fund, and with it any reserve approval (SASAC/MOF Order No. 32; docs/rules.md, "State-owned holders").
 */
public record RegisterAppraisal(String fundCode, Money value, Units units, String filingReference, String validUntil)
        implements Command {
}
