package fundexchange.protocol.listing;

/** Right of first refusal on a listing: not applicable, awaiting staff record, waived (may open), or exercised. */
public enum RofrStatus {
    NOT_APPLICABLE, PENDING, CLEARED, EXERCISED
}
