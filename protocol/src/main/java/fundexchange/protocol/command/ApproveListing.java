package fundexchange.protocol.command;

/** Staff approves a listing: PENDING_APPROVAL to OPEN. */
public record ApproveListing(long listingId) implements Command {
}
