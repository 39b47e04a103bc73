package fundexchange.protocol.dataroom;

/**
 * What a data-room document is. An {@code NDA} is the listing's non-disclosure agreement: registering one publishes a
 * new version of it, which investors accept before they may open the other documents.
 */
public enum DocumentKind {
    NDA, PARTNERSHIP_AGREEMENT, QUARTERLY_REPORT, CAPITAL_ACCOUNT_STATEMENT, CONSENT_LETTER, APPRAISAL_REPORT, OTHER;

    /**
     * Whether a fund's manager registers documents of this kind for the whole fund: the partnership agreement,
     * quarterly reports, appraisal reports and other fund papers. An NDA, a capital account statement (one limited
     * partner's own account) and a consent letter (one transfer's) are the holder's, per listing.
     */
    public boolean fundLevel() {
        return this == PARTNERSHIP_AGREEMENT || this == QUARTERLY_REPORT || this == APPRAISAL_REPORT || this == OTHER;
    }
}
