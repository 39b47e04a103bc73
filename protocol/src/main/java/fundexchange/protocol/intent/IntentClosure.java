package fundexchange.protocol.intent;

/** Why an intent stopped resting. */
public enum IntentClosure {
    /** The investor cancelled it. */
    CANCELLED,
    /** Its expiry passed. */
    EXPIRED,
    /** A brokered match made from it traded. */
    FILLED
}
