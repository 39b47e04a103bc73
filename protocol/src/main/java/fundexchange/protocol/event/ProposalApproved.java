package fundexchange.protocol.event;

/** A proposal took effect; its events follow in the same document. */
public record ProposalApproved(long proposalId, String approver) implements PlatformEvent {
}
