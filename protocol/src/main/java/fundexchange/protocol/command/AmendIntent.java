package fundexchange.protocol.command;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import java.util.List;

/** The investor replaces an intent's terms (the fields of PostIntent); it is matched again and ranks from here. */
public record AmendIntent(long intentId, List<String> fundCodes, IntentCriteria criteria, Money minAmount,
                          Money maxAmount, long maxPercentOfNavBasisPoints, long expiresAt) implements Command {
}
