package fundexchange.protocol.intent;

/** Why an offer stopped resting. */
public enum OfferClosure {
    /** Trades took every unit. */
    FILLED,
    /** The holder withdrew it. */
    WITHDRAWN,
    /** Its expiry passed. */
    EXPIRED
}
