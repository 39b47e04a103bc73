package fundexchange.protocol.disclosure;

import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who looks (CONTRACTS.md 12): a participant with its roles, its standing and whether it is an investor qualified on
 * the journal's current business date. Oversight (everything but a still-sealed bid) needs STAFF or REGULATOR and an
 * ACTIVE standing: a suspended or pending staff member views as a plain participant.
 */
public record Viewer(String participantId, Set<Role> roles, ParticipantStatus status, boolean qualifiedInvestor) {
    /**
     * Whoever reads a journal export (an audit bundle, {@code exchange journal dump}): oversight, and nobody's bidder, so
     * a sealed bid stays sealed until its listing closes. The id is no participant's (participant ids have no spaces).
     */
    public static final Viewer EXPORT = new Viewer("journal export", Set.of(Role.REGULATOR), ParticipantStatus.ACTIVE, false);

    public Viewer {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(status, "status");
        roles = Set.copyOf(roles);
    }

    /** An ACTIVE participant with {@code roles}, not (or not known to be) a qualified investor. */
    public static Viewer active(String participantId, Set<Role> roles) {
        return new Viewer(participantId, roles, ParticipantStatus.ACTIVE, false);
    }

    /** Staff and regulators in good standing: they see everything but a still-sealed bid's price and nonce. */
    public boolean oversight() {
        return status == ParticipantStatus.ACTIVE && (roles.contains(Role.STAFF) || roles.contains(Role.REGULATOR));
    }

    /** Whether {@code participantId} is this viewer (false for null). */
    public boolean is(String participantId) {
        return this.participantId.equals(participantId);
    }
}
