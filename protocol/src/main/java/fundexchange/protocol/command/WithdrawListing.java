package fundexchange.protocol.command;

/** The seller withdraws a listing that has not executed; its units are unlocked. */
public record WithdrawListing(long listingId) implements Command {
}
