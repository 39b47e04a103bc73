package fundexchange.protocol.command;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.money.Money;

/**
 * Staff move {@code amount} of available cash in {@code currency} from one account to another, with the
 * {@code reason}; maker-checker. A correction never creates or destroys money: the escrow total is unchanged.
 */
public record CorrectCash(String currency, AccountRef from, AccountRef to, Money amount, String reason)
        implements SensitiveAction {
}
