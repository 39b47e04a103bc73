package fundexchange.engine.listing;

/** Right of first refusal on a listing: not applicable, awaiting staff clearance, or cleared (waived). */
public enum RofrStatus {
    NOT_APPLICABLE, PENDING, CLEARED
}
