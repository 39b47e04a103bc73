package fundexchange.engine.command;

import fundexchange.engine.reference.QualificationStatus;

/** Records an investor's qualification and its validity (ISO date, inclusive). */
public record SetQualification(String participantId, QualificationStatus status, String validUntil) implements SensitiveAction {
}
