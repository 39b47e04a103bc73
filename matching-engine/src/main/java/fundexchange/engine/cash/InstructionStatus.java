package fundexchange.engine.cash;

/** A payout instruction waits for the bank, then was paid or returned. */
public enum InstructionStatus {
    PENDING, EXECUTED, RETURNED
}
