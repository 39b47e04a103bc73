package fundexchange.protocol.transfer;

/**
 * An answer to a transfer notice: the manager consents or refuses; a holder of the priority right waives it or
 * exercises it for some units; the manager of a PARTIAL custody fund attests that the partners who are not
 * participants were notified and waived.
 */
public enum NoticeAnswer {
    CONSENT, REFUSE, WAIVE, EXERCISE, ATTEST_WAIVERS
}
