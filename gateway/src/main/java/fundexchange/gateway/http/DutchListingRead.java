package fundexchange.gateway.http;

import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.DutchClock;
import fundexchange.protocol.money.Price;
import fundexchange.registry.read.ListingView;
import java.util.Map;

/**
 * What a Dutch auction's read adds: its step and the units left, and while it runs its clock as of the read
 * ({@code clockPrice}, {@code nextStepAt}, {@code clockAt}): indicative, as an acceptance pays the clock of its own time.
 */
final class DutchListingRead {
    private DutchListingRead() {
    }

    /** Adds the step, the units left and, while it runs, the clock to {@code shown}. */
    static void show(Map<String, Object> shown, ListingView listing, long now) {
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
