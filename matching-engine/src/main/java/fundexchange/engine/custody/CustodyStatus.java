package fundexchange.engine.custody;

/** A custody registration waits for staff approval, then is APPROVED (its units deposited) or REJECTED. */
public enum CustodyStatus {
    PENDING_APPROVAL, APPROVED, REJECTED
}
