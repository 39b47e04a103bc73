package fundexchange.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.listing.ListingMechanism;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /auctions}: a lot of units auctioned under a mechanism named as the API names it (a
 * {@code ListingMechanism}'s name: ENGLISH, SEALED, DUTCH, and any the exchange adds, which needs no change here):
 * {@link #of} with the terms every auction has, and the withers for the terms a mechanism adds: the released
 * mechanisms' flat ones, and a later mechanism's own typed {@code terms} ({@link #withTerms}). {@link #english},
 * {@link #sealed} and {@link #dutch} are shorthands. Amounts are decimal strings (units scale 2, prices scale 4); times
 * are epoch ms. Absent optional terms take the platform's defaults (docs/api.md).
 */
public record AuctionListing(String fundCode, String mechanism, String units, String startingPrice,
                             Optional<String> reservePrice, Optional<String> minIncrement, long startsAt, long endsAt,
                             Optional<Long> extensionWindowMs, Optional<Long> extensionMs, boolean secondPrice,
                             Optional<Long> stepMs, Optional<ListingMechanism.ListingTerms> terms) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public AuctionListing {
        Objects.requireNonNull(fundCode, "fundCode");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(startingPrice, "startingPrice");
        Objects.requireNonNull(reservePrice, "reservePrice");
        Objects.requireNonNull(minIncrement, "minIncrement");
        Objects.requireNonNull(extensionWindowMs, "extensionWindowMs");
        Objects.requireNonNull(extensionMs, "extensionMs");
        Objects.requireNonNull(stepMs, "stepMs");
        Objects.requireNonNull(terms, "terms");
    }

    /** The flat terms of the released mechanisms, as before a mechanism could bring terms of its own. */
    public AuctionListing(String fundCode, String mechanism, String units, String startingPrice,
                          Optional<String> reservePrice, Optional<String> minIncrement, long startsAt, long endsAt,
                          Optional<Long> extensionWindowMs, Optional<Long> extensionMs, boolean secondPrice,
                          Optional<Long> stepMs) {
        this(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt, endsAt, extensionWindowMs,
                extensionMs, secondPrice, stepMs, Optional.empty());
    }

    /** The terms of an English or sealed auction (no step), as before Dutch auctions existed. */
    public AuctionListing(String fundCode, String mechanism, String units, String startingPrice,
                          Optional<String> reservePrice, Optional<String> minIncrement, long startsAt, long endsAt,
                          Optional<Long> extensionWindowMs, Optional<Long> extensionMs, boolean secondPrice) {
        this(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt, endsAt, extensionWindowMs,
                extensionMs, secondPrice, Optional.empty());
    }

    /** An auction of {@code mechanism} with the terms every auction has; a mechanism's own terms follow by the withers. */
    public static AuctionListing of(String mechanism, String fundCode, String units, String startingPrice, long startsAt,
                                    long endsAt) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, Optional.empty(), Optional.empty(),
                startsAt, endsAt, Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    /** An English auction with the platform's extension window and extension. */
    public static AuctionListing english(String fundCode, String units, String startingPrice, String minIncrement,
                                         long startsAt, long endsAt) {
        return of("ENGLISH", fundCode, units, startingPrice, startsAt, endsAt).withMinIncrement(minIncrement);
    }

    /** A sealed-bid auction at the first price. */
    public static AuctionListing sealed(String fundCode, String units, String startingPrice, long startsAt, long endsAt) {
        return of("SEALED", fundCode, units, startingPrice, startsAt, endsAt);
    }

    /** A Dutch auction: the clock starts at {@code startingPrice} and falls by {@code decrement} every {@code stepMs} to {@code floor}. */
    public static AuctionListing dutch(String fundCode, String units, String startingPrice, String floor, String decrement,
                                       long stepMs, long startsAt, long endsAt) {
        return of("DUTCH", fundCode, units, startingPrice, startsAt, endsAt).withReserve(floor).withMinIncrement(decrement)
                .withStep(stepMs);
    }

    /** Bids below the reserve lose at the close (default: the starting price). */
    public AuctionListing withReserve(String price) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, Optional.of(price), minIncrement, startsAt,
                endsAt, extensionWindowMs, extensionMs, secondPrice, stepMs, terms);
    }

    /** The price step of the auction: an English bid's minimum increment, a Dutch clock's decrement. */
    public AuctionListing withMinIncrement(String price) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, reservePrice, Optional.of(price), startsAt,
                endsAt, extensionWindowMs, extensionMs, secondPrice, stepMs, terms);
    }

    /** A clock's step length (a Dutch auction's price falls every {@code stepMs}). */
    public AuctionListing withStep(long stepMs) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt,
                endsAt, extensionWindowMs, extensionMs, secondPrice, Optional.of(stepMs), terms);
    }

    /** An English bid within {@code windowMs} of the end moves the end to its time plus {@code extendByMs}. */
    public AuctionListing withExtensions(long windowMs, long extendByMs) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt,
                endsAt, Optional.of(windowMs), Optional.of(extendByMs), secondPrice, stepMs, terms);
    }

    /** A sealed auction whose winner pays the next eligible bid, or the reserve. */
    public AuctionListing atSecondPrice() {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt,
                endsAt, extensionWindowMs, extensionMs, true, stepMs, terms);
    }

    /**
     * The mechanism's own terms, a record of the protocol's ({@code ClockTerms.ClockListing}, say), sent as the body's
     * {@code terms} with its {@code type}; the exchange refuses terms the mechanism does not claim (409, code 2001).
     */
    public AuctionListing withTerms(ListingMechanism.ListingTerms terms) {
        return new AuctionListing(fundCode, mechanism, units, startingPrice, reservePrice, minIncrement, startsAt,
                endsAt, extensionWindowMs, extensionMs, secondPrice, stepMs, Optional.of(terms));
    }

    /** The JSON body, absent terms left out. */
    public String json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("fundCode", fundCode);
        body.put("mechanism", mechanism);
        body.put("units", units);
        body.put("startingPrice", startingPrice);
        reservePrice.ifPresent(price -> body.put("reservePrice", price));
        minIncrement.ifPresent(price -> body.put("minIncrement", price));
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        extensionWindowMs.ifPresent(ms -> body.put("extensionWindowMs", ms));
        extensionMs.ifPresent(ms -> body.put("extensionMs", ms));
        if (secondPrice) {
            body.put("secondPrice", true);
        }
        stepMs.ifPresent(ms -> body.put("stepMs", ms));
        terms.ifPresent(own -> body.set("terms", TypedJson.of(ListAuction.class, "terms", own)));
        return body.toString();
    }
}
