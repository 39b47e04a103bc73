package fundexchange.gateway.http;

import fundexchange.protocol.reference.ParticipantStatus;

/**
 * Which callers a read answers, by the caller's status (the role checks are {@link ReadAccess}) (docs/api.md, "Participant standing"): everything for ACTIVE
 * participants; a SUSPENDED participant's own standing and obligations; a PENDING participant's own standing. A caller
 * that is not ACTIVE reads without its STAFF, REGULATOR or BANK role, so it sees only what concerns it.
 */
enum ReadStanding {
    /** Only ACTIVE callers. */
    ACTIVE,
    /** ACTIVE and SUSPENDED callers: holdings, transfers, pledges, freezes, custody lines, its own cash, its feed and requests. */
    OBLIGATIONS,
    /** Every registered caller, PENDING included: its own participant record and qualification. */
    STANDING;

    /** Refuses a caller of {@code status} this read does not answer. */
    void check(ParticipantStatus status) {
        if (status == ParticipantStatus.SUSPENDED && this == ACTIVE) {
            throw new ApiException(403, ApiError.PARTICIPANT_SUSPENDED, "you are suspended: you may read only your own"
                    + " standing and obligations (participant, holdings, transfers, pledges, freezes, custody, own cash, feed)"
                    + " / 您已被暂停：只能查询自身状况与义务");
        }
        if (status == ParticipantStatus.PENDING && this != STANDING) {
            throw new ApiException(403, ApiError.PARTICIPANT_PENDING, "you are not yet approved: you may read only your"
                    + " own participant record and qualification / 您尚未获批准：只能查询自身参与者记录与资格");
        }
    }
}
