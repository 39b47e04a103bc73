package fundexchange.engine.intent;

/** What rests on the sell side of the matcher: a non-listed offer, or an open auction listing (notified only). */
public enum AskKind {
    OFFER, LISTING
}
