package fundexchange.engine;

import fundexchange.engine.reference.Participant;
import fundexchange.engine.reference.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The command being decided: its journal index and time, and the participant who signed it (absent if unsigned). */
record CommandContext(long index, long time, Participant actor, String zone) {
    String actorId() {
        return actor.participantId();
    }

    void requireRole(Role role) {
        Rejection.check(actor != null && actor.has(role), RejectCode.WRONG_ROLE,
                "this command needs the " + role + " role");
    }

    /** The business date of this command in the platform's zone. */
    LocalDate date() {
        return Instant.ofEpochMilli(time).atZone(ZoneId.of(zone)).toLocalDate();
    }
}
