package fundexchange.protocol.command;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import java.util.List;

/**
 * A qualified investor's intent to buy (投资意向): a list of funds, or criteria (not both); the amount it would spend,
 * in the fund's currency; the highest price it takes, in basis points of NAV; an expiry (epoch ms, 0 for none).
 */
public record PostIntent(List<String> fundCodes, IntentCriteria criteria, Money minAmount, Money maxAmount,
                         long maxPercentOfNavBasisPoints, long expiresAt) implements Command {
}
