package fundexchange.engine.event;

import fundexchange.engine.reference.QualificationStatus;

/** An investor's qualification changed. */
public record QualificationSet(String participantId, QualificationStatus status, String validUntil) implements Event {
}
