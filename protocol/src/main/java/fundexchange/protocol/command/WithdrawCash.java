package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;

/**
 * A participant withdraws {@code amount} of its available cash in {@code currency}: the amount is locked and a payout
 * instruction goes to the settlement bank, whose confirmation (executed or returned) closes it.
 */
public record WithdrawCash(String currency, Money amount) implements Command {
}
