package fundexchange.protocol.dataroom;

/**
 * What a data-room document is. An {@code NDA} is the listing's non-disclosure agreement: registering one publishes a
 * new version of it, which investors accept before they may open the other documents.
 */
public enum DocumentKind {
    NDA, PARTNERSHIP_AGREEMENT, QUARTERLY_REPORT, CAPITAL_ACCOUNT_STATEMENT, CONSENT_LETTER, APPRAISAL_REPORT, OTHER
}
