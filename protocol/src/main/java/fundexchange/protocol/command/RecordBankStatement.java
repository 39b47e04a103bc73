package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;

/**
 * The settlement bank's daily statement of the escrow account in {@code currency}: its {@code closingBalance} at the
 * end of {@code statementDate} (ISO yyyy-MM-dd). The engine compares it with its own escrow total; a difference raises
 * an alarm that stays open until staff acknowledge it by maker-checker.
 */
public record RecordBankStatement(String currency, String statementDate, Money closingBalance, String bankReference)
        implements Command {
}
