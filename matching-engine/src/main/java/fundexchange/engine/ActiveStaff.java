package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;

/**
 * Maker-checker needs two people (CONTRACTS.md 4 and 18): nothing may leave fewer than {@link #MINIMUM} active staff,
 * a staff member being active when it holds STAFF, is ACTIVE and has at least one active key.
 */
final class ActiveStaff {
    static final int MINIMUM = 2;
    private final ExchangeState state;

    ActiveStaff(ExchangeState state) {
        this.state = state;
    }

    boolean counts(Participant participant) {
        return participant.has(Role.STAFF) && participant.active() && state.hasActiveKey(participant.participantId());
    }

    long count() {
        return state.participants.values().stream().filter(this::counts).count();
    }

    /** Refuses {@code what} if it takes {@code participantId} out of the active staff and leaves fewer than two. */
    void keepsTwoWithout(String participantId, String what) {
        Participant participant = state.participants.get(participantId);
        if (participant != null && counts(participant)) {
            long left = count() - 1;
            Rejection.check(left >= MINIMUM, RejectCode.TOO_FEW_ACTIVE_STAFF, what + " would leave " + left
                    + " active staff; maker-checker needs at least " + MINIMUM + " / 该操作将使在职工作人员仅剩 " + left
                    + " 名；复核制度至少需要 " + MINIMUM + " 名");
        }
    }
}
