package fundexchange.protocol.reference;

import java.util.List;

/** A registered participant and its standing. Qualification is valid through {@code qualifiedUntil} (ISO date, inclusive). */
public record Participant(String participantId, String name, ParticipantType participantType, List<Role> roles,
                          ParticipantStatus status, QualificationStatus qualification, String qualifiedUntil) {
    public Participant {
        roles = List.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean active() {
        return status == ParticipantStatus.ACTIVE;
    }

    public Participant withStatus(ParticipantStatus newStatus) {
        return new Participant(participantId, name, participantType, roles, newStatus, qualification, qualifiedUntil);
    }

    public Participant withQualification(QualificationStatus newQualification, String until) {
        return new Participant(participantId, name, participantType, roles, status, newQualification, until);
    }
}
