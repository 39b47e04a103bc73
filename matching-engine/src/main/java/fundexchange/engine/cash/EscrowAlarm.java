package fundexchange.engine.cash;

import fundexchange.protocol.money.Money;

/** A statement that differed from the escrow total, open until staff acknowledge it. */
public record EscrowAlarm(long alarmId, String currency, String statementDate, Money bankBalance, Money escrowBalance,
                          boolean open) {
    public EscrowAlarm acknowledged() {
        return new EscrowAlarm(alarmId, currency, statementDate, bankBalance, escrowBalance, false);
    }
}
