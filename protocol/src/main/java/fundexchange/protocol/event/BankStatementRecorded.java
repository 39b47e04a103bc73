package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * The bank's statement of {@code currency} for {@code statementDate}: its {@code bankBalance} and the engine's
 * {@code escrowBalance} (the sum of every account of the currency) at the statement's index. They match when equal;
 * otherwise {@link EscrowMismatchRaised} follows in the same document.
 */
public record BankStatementRecorded(String currency, String statementDate, Money bankBalance, Money escrowBalance,
                                    String bankReference, String bank) implements CashEvent {
}
