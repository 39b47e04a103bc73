package fundexchange.protocol.event;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The public disclosure (正式披露) of a state-owned holder's listing, in the document that opens it, shown to every
 * participant: the fund, mechanism, units, the listing's price (a negotiated price or an auction's starting price),
 * the appraised price per unit, when it opened and the first instant a deal may be made ({@code dealsFrom}: the start
 * of the day after the 20th working day after the opening day); {@code endsAt} is an auction's end, null otherwise.
 * {@code appraisalId} is the appraisal it was checked against. It names no participant.
 */
public record DisclosureOpened(long listingId, String fundCode, long appraisalId, ListingMechanism mechanism, Units units, Price price,
                               Price appraisedPrice, long openedAt, long dealsFrom, Long endsAt) implements StateOwnedEvent {
}
