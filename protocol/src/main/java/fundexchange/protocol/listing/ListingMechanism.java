package fundexchange.protocol.listing;

import fundexchange.protocol.refusal.Refusal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * How a listing finds its buyer. The released mechanisms' own fields are the frozen flat fields of {@code ListAuction},
 * {@code PlaceBid}, {@link AuctionTerms} and their events; a mechanism added later carries its fields in the one
 * typed {@code terms} value instead, a record of its own that {@link ListingTerms} or {@link BidTerms} permits
 * (docs/design/mechanism-terms.md §2.1). A mechanism's own refusals are an enum of its own in its code block: a new
 * mechanism's block is 20 codes from a multiple of 20 from 4200 to 4980 (the constant names its first code, the enum
 * writes each code whole, {@code RefusalsTest} checks each inside the block), the Dutch auction's 4030-4031 a
 * grandfathered block of two; {@code Refusals.all()} lists them.
 */
public enum ListingMechanism {
    /** 协议转让: offered to a named buyer at a fixed price. */
    NEGOTIATED(false, null, null, null, 0),
    /** 单向竞价: open ascending auction with a minimum increment and anti-sniping extensions. */
    ENGLISH(false, null, null, null, 0),
    /** Sealed bids, opened at the close; highest price wins, optionally at the second price. */
    SEALED(false, null, null, null, 0),
    /** 降价拍卖: a clock price falls step by step to a floor; each acceptance buys part of the lot at the clock price. */
    DUTCH(true, null, null, DutchClock.Refusal.class, 4030),
    /**
     * 日式拍卖 (ascending clock, rules version 12): the price rises round by round; a bidder stays in by bidding each
     * round at its price, and the highest bid wins the lot at the close ({@link ClockTerms}).
     */
    CLOCK(false, ClockTerms.ClockListing.class, ClockTerms.ClockBid.class, ClockTerms.Refusal.class, 4200);

    /**
     * A mechanism's own listing terms ({@code ListAuction.terms}, {@code ListingSubmitted.terms}): one record per
     * mechanism that has any, named {@code <Name>Listing} (the JSON {@code type} is the simple name, unique across every
     * typed family), its binary type id in 4001-4499. The engine refuses terms no mechanism claims.
     */
    public sealed interface ListingTerms permits ClockTerms.ClockListing {
        /**
         * What a read of a listing with these terms adds at {@code now} (epoch ms, the reader's clock): named values in
         * name order, each a value the journal codec writes as JSON ({@code Price}, {@code Units}, {@code Money}, a
         * {@code Long}, {@code Integer}, {@code Boolean} or {@code String}); empty when there is nothing to add. A pure
         * function of the terms, {@code listing} and {@code now}, total over whatever a registry row holds (a read
         * that throws is shown without it and logged, never failing the read). It is derived from every term, so a
         * read shows it only to a viewer who sees them all ({@code DisclosurePolicy.termsRead}), and only while the
         * listing is OPEN.
         */
        SortedMap<String, Object> readAt(ListingFacts listing, long now);
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
    private final List<Refusal> refusals;
    private final int codeBlock;

    /**
     * {@code refusals} is the enum of the mechanism's own refusals (null when it has none, {@code codeBlock} then 0);
     * {@code codeBlock} the first code of its block.
     */
    ListingMechanism(boolean tradesAtOnce, Class<? extends ListingTerms> listingTerms, Class<? extends BidTerms> bidTerms,
            Class<? extends Refusal> refusals, int codeBlock) {
        this.tradesAtOnce = tradesAtOnce;
        this.listingTerms = listingTerms;
        this.bidTerms = bidTerms;
        this.refusals = refusals == null ? List.of()
                : Stream.<Refusal>of(refusals.getEnumConstants()).sorted(Comparator.comparingInt(Refusal::code)).toList();
        this.codeBlock = codeBlock;
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

    /** Its own refusals in code order, all inside its code block; empty when it has none (every released one but DUTCH). */
    public List<Refusal> refusals() {
        return refusals;
    }

    /**
     * The first code of its own refusals' block: 4200, 4220, ... for a mechanism added from now on (20 codes each),
     * 4030 for DUTCH (two codes, grandfathered); 0 when it has no refusals of its own.
     */
    public int codeBlock() {
        return codeBlock;
    }

    /** The mechanism of this name, or empty for a name this build does not know (a read degrades instead of failing). */
    public static Optional<ListingMechanism> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
