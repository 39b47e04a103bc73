package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * An alarm: the bank's statement of {@code currency} for {@code statementDate} differs from the engine's escrow total.
 * {@code alarmId} is the statement's index; it stays open until staff acknowledge it ({@link EscrowMismatchAcknowledged}).
 */
public record EscrowMismatchRaised(long alarmId, String currency, String statementDate, Money bankBalance,
                                   Money escrowBalance) implements CashEvent {
}
