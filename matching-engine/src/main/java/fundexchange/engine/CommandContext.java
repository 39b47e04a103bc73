package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.time.LocalDate;

/**
 * The command being decided: its journal index and time, the participant who signed it (absent if unsigned), the
 * platform zone, the first free fill number of its index (CONTRACTS.md 11), and its engine's date conversions.
 */
record CommandContext(long index, long time, Participant actor, String zone, int firstFill, LocalDates dates) {
    String actorId() {
        return actor.participantId();
    }

    void requireRole(Role role) {
        if (actor == null || !actor.has(role)) {
            throw new Rejection(RejectCode.WRONG_ROLE, "this command needs the " + role + " role");
        }
    }

    /** The business date of this command in the platform's zone. */
    LocalDate date() {
        return dates.of(time, zone);
    }
}
