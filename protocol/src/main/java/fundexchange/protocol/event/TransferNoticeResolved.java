package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.ConsentOutcome;
import java.util.List;

/**
 * A transfer notice ended: by its last answer, a refusal or its deadline. {@code allocations} are the exercises, the manager's
 * first claim first, then in the order they were answered, then those refused by the buyer checks (each allotment
 * becomes a trade at the listing's price, in this order); {@code silent} are those whose answer was
 * due and never came; {@code unitsLeft} stay on the listing for the others when {@code consent} allows it.
 */
public record TransferNoticeResolved(long listingId, ConsentOutcome consent, List<Allocation> allocations,
                                     List<String> silent, Units unitsLeft) implements ListingEvent {
}
