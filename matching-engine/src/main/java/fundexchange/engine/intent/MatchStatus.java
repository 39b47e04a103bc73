package fundexchange.engine.intent;

/** A live match proposal: seen by staff only, then put by staff to both parties. */
public enum MatchStatus {
    PROPOSED, BROKERED
}
