package fundexchange.protocol.reference;

/** FULL: the whole register is in custody (listed transfer); PARTIAL: only the lots to be sold (non-listed transfer). */
public enum CustodyMode {
    FULL, PARTIAL
}
