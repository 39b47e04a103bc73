package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.Allocation;
import java.util.List;

/**
 * An auction's match stage ended, at its last answer or at its deadline: {@code allocations} are the matches (the
 * manager's first claim first, then in answer order, then those refused by the buyer checks), each allotment a trade at
 * the clearing price; {@code silent} are the holders who never answered (silence is a waiver); the winner buys
 * {@code winnerUnits}, the rest (zero: nothing). The trades follow in the same order, the winner's last.
 */
public record AuctionMatchResolved(long listingId, List<Allocation> allocations, List<String> silent, String winner,
                                   Units winnerUnits) implements ListingEvent {
}
