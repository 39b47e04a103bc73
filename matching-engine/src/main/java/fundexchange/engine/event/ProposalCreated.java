package fundexchange.engine.event;

import fundexchange.engine.command.SensitiveAction;

/** A sensitive action awaits a second staff member. */
public record ProposalCreated(long proposalId, String proposer, SensitiveAction action) implements Event {
}
