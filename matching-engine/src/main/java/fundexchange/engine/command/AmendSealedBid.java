package fundexchange.engine.command;

import fundexchange.engine.money.Price;

/** Replaces the bidder's sealed bid with a new price; the new bid takes its place in journal order. */
public record AmendSealedBid(long bidId, Price price) implements Command {
}
