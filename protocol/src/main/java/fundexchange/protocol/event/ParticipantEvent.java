package fundexchange.protocol.event;

/** A participant joins, is approved, suspended or reinstated, or has its qualification set. */
public sealed interface ParticipantEvent extends Event permits ParticipantRegistered, ParticipantApproved,
        ParticipantSuspended, ParticipantReinstated, QualificationSet {
}
