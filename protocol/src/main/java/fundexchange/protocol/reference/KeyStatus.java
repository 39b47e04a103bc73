package fundexchange.protocol.reference;

/** A key is ACTIVE until revoked; revocation is immediate and final. */
public enum KeyStatus {
    ACTIVE, REVOKED
}
