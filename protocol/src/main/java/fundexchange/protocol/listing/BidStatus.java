package fundexchange.protocol.listing;

/** A bid's life: active until the close, or cancelled/replaced; at the close it wins, loses or is passed over. */
public enum BidStatus {
    ACTIVE, CANCELLED, WON, LOST, PASSED_OVER
}
