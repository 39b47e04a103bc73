package fundexchange.engine.cash;

/**
 * An unidentified receipt is OPEN in suspense until staff assign it (ASSIGNED) or return it: RETURNING while the
 * bank's payout is pending, RETURNED once paid (a payout the bank returns makes it OPEN again).
 */
public enum SuspenseStatus {
    OPEN, ASSIGNED, RETURNING, RETURNED
}
