package fundexchange.protocol.command;

/** A different staff member approves a proposal; the action takes effect now. */
public record ApproveProposal(long proposalId) implements Command {
}
