package fundexchange.protocol.event;

/**
 * A proposal lapsed unapproved: its expiry time (the platform parameter {@code proposal-expiry-ms} after it was made)
 * passed, fired as a deadline. It can no longer be approved.
 */
public record ProposalExpired(long proposalId, String proposer) implements PlatformEvent {
}
