package fundexchange.gateway.http;

import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.DutchClock;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.registry.read.ListingView;
import java.util.Map;

/**
 * What the released mechanisms' frozen flat terms add to a listing's read (docs/design/mechanism-terms.md §2.6, risk
 * R1): the one gateway class that names a mechanism, and only for terms no later mechanism may add to. A Dutch auction
 * adds its step and the units left, and while it runs its clock as of the read ({@code clockPrice}, {@code nextStepAt},
 * {@code clockAt}): indicative, as an acceptance pays the clock of its own time. English and sealed auctions add
 * nothing; a later mechanism's read is its terms' own ({@link ListingTermsRead}).
 */
final class LegacyListingRead {
    private LegacyListingRead() {
    }

    /** Adds a Dutch auction's step, units left and, while it runs, clock to {@code shown}; nothing for the others. */
    static void show(Map<String, Object> shown, ListingView listing, long now) {
        if (!ListingMechanism.DUTCH.name().equals(listing.mechanism())) {
            return;
        }
        shown.put("stepMs", listing.stepMs());
        shown.put("unitsLeft", listing.unitsLeft());
        if ("OPEN".equals(listing.status()) && now < listing.endsAt()) {
            AuctionTerms clock = new AuctionTerms(Price.of(listing.price()), Price.of(listing.reservePrice()),
                    Price.of(listing.minIncrement()), listing.startsAt(), listing.endsAt(), 0, 0, false, listing.stepMs());
            shown.put("clockPrice", DutchClock.price(clock, now).decimal());
            shown.put("nextStepAt", DutchClock.nextStepAt(clock, now));
            shown.put("clockAt", now);
        }
    }
}
