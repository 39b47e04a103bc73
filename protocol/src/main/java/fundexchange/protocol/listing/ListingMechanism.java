package fundexchange.protocol.listing;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a listing finds its buyer. The released mechanisms' own fields are the frozen flat fields of {@code ListAuction},
 * {@code PlaceBid}, {@link AuctionTerms} and their events; a mechanism added later carries its fields in the one
 * typed {@code terms} value instead, a record of its own that {@link ListingTerms} or {@link BidTerms} permits
 * (docs/design/mechanism-terms.md §2.1).
 */
public enum ListingMechanism {
    /** 协议转让: offered to a named buyer at a fixed price. */
    NEGOTIATED(false, null, null),
    /** 单向竞价: open ascending auction with a minimum increment and anti-sniping extensions. */
    ENGLISH(false, null, null),
    /** Sealed bids, opened at the close; highest price wins, optionally at the second price. */
    SEALED(false, null, null),
    /** 降价拍卖: a clock price falls step by step to a floor; each acceptance buys part of the lot at the clock price. */
    DUTCH(true, null, null),
    /**
     * 日式拍卖 (ascending clock, rules version 12): the price rises round by round; a bidder stays in by bidding each
     * round at its price, and the highest bid wins the lot at the close ({@link ClockTerms}).
     */
    CLOCK(false, ClockTerms.ClockListing.class, ClockTerms.ClockBid.class);

    /**
     * A mechanism's own listing terms ({@code ListAuction.terms}, {@code ListingSubmitted.terms}): one record per
     * mechanism that has any, named {@code <Name>Listing} (the JSON {@code type} is the simple name, unique across every
     * typed family), its binary type id in 4001-4499. The engine refuses terms no mechanism claims.
     */
    public sealed interface ListingTerms permits ClockTerms.ClockListing {
    }

    /**
     * A mechanism's own bid terms ({@code PlaceBid.terms}, {@code BidPlaced.terms}): one record per mechanism that has
     * any, named {@code <Name>Bid}, its binary type id in 4501-4999.
     */
    public sealed interface BidTerms permits ClockTerms.ClockBid {
    }

    private final boolean tradesAtOnce;
    private final Class<? extends ListingTerms> listingTerms;
    private final Class<? extends BidTerms> bidTerms;

    ListingMechanism(boolean tradesAtOnce, Class<? extends ListingTerms> listingTerms, Class<? extends BidTerms> bidTerms) {
        this.tradesAtOnce = tradesAtOnce;
        this.listingTerms = listingTerms;
        this.bidTerms = bidTerms;
    }

    /**
     * Whether its acceptances trade at once while the listing stays open, the one place this is said: the engine
     * lists such an auction only under fixed-price transfer terms (no priority holder can match after a close) and
     * locks a deposit per acceptance by its share ({@code BidDeposits.forTrade}), and a read of it while OPEN hides its
     * latest trade price, another buyer's ({@code DisclosurePolicy.listing}).
     */
    public boolean tradesAtOnce() {
        return tradesAtOnce;
    }

    /** The record of this mechanism's listing terms; null when it has none (every released mechanism). */
    public Class<? extends ListingTerms> listingTerms() {
        return listingTerms;
    }

    /** The record of this mechanism's bid terms; null when it has none (every released mechanism). */
    public Class<? extends BidTerms> bidTerms() {
        return bidTerms;
    }

    /** The mechanism of this name, or empty for a name this build does not know (a read degrades instead of failing). */
    public static Optional<ListingMechanism> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
