package fundexchange.protocol.event;

import fundexchange.protocol.command.SensitiveAction;

/**
 * A sensitive action awaits a second staff member until {@code expiresAt} (journal time, epoch ms; absent in journals
 * written before proposals expired, and then it never expires).
 */
public record ProposalCreated(long proposalId, String proposer, SensitiveAction action,
                              Long expiresAt) implements PlatformEvent {
}
