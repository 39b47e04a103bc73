package fundexchange.protocol.listing;

/** A listing's life: approved by staff, then executed, cancelled or expired. */
public enum ListingStatus {
    PENDING_APPROVAL, OPEN, EXECUTED, CANCELLED, EXPIRED
}
