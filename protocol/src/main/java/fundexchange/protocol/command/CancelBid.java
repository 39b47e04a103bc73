package fundexchange.protocol.command;

/** The bidder withdraws a sealed bid before the close (open English bids are binding). */
public record CancelBid(long bidId) implements Command {
}
