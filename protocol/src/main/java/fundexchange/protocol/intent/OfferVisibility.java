package fundexchange.protocol.intent;

/** Who may see a non-listed offer (展示): its teaser to everyone, or only to qualified investors. Reads only. */
public enum OfferVisibility {
    /** Fund, units and indicative ask are shown to every participant; anyone who quotes must still be qualified. */
    PUBLIC_TEASER,
    /** Shown only to investors qualified on the day of the read. */
    QUALIFIED_ONLY
}
