package fundexchange.protocol.event;

/** A holder was flagged state-owned ({@code stateOwned}) or cleared by the approval of proposal {@code proposalId}. */
public record StateOwnedSet(String participantId, boolean stateOwned, long proposalId, String reason)
        implements StateOwnedEvent {
}
