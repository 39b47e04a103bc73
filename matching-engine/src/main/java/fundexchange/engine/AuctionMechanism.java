package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.FeeSchedule;
import fundexchange.protocol.reference.Fund;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The rules of one auction mechanism, one class each: {@link EnglishAuction}, {@link SealedAuction},
 * {@link DutchAuction}, {@link ClockAuction}. {@link #of} is the one switch from {@link ListingMechanism} to its rules, exhaustive and
 * without a default, so a new mechanism makes the compiler point at it, and a new permitted class (or a new subclass
 * of {@link AscendingAuction}, which gives the ascending auctions' price rules) at every rule it must give, whether
 * its winner pays the second price, whether its bids may be withdrawn and from which rules version it applies included.
 */
sealed interface AuctionMechanism permits AscendingAuction, DutchAuction, ClockAuction {

    /** The rules of {@code mechanism}; empty for a negotiated listing (or none named), which is no auction. */
    static Optional<AuctionMechanism> of(ListingMechanism mechanism) {
        if (mechanism == null) {
            return Optional.empty();
        }
        return switch (mechanism) {
            case ENGLISH -> Optional.of(EnglishAuction.RULES);
            case SEALED -> Optional.of(SealedAuction.RULES);
            case DUTCH -> Optional.of(DutchAuction.RULES);
            case CLOCK -> Optional.of(ClockAuction.RULES);
            case NEGOTIATED -> Optional.empty();
        };
    }

    /** The rules of an auctioned listing's {@code mechanism}; a caller that asks of a negotiated one is a bug. */
    static AuctionMechanism ofAuction(ListingMechanism mechanism) {
        return of(mechanism).orElseThrow(() -> new IllegalStateException("not an auction: " + mechanism));
    }

    /** The listing's events: the mechanism's own terms checked, the holder and the fund already found able to list. */
    List<Event> list(AuctionRules rules, CommandContext ctx, ListAuction c, Fund fund);

    /** A {@code PlaceBid} on a listing of this mechanism (or refused as the wrong mechanism). */
    List<Event> bid(AuctionRules rules, CommandContext ctx, PlaceBid c);

    /** Refuses a bid at {@code price} that the mechanism's price rule refuses before any other check of the bid. */
    void checkBidPrice(Listing listing, Price price);

    /** The lowest price the auction may trade at (a state-owned seller's appraisal bounds it). */
    Price lowestPrice(Price startingPrice, Price reservePrice);

    /**
     * The price every investor who may see the auction {@code listing} sees at {@code time} (an intent's match
     * notice), never a price investors may not learn; from its {@link Listing#auction} terms and, for a mechanism
     * with terms of its own, its {@link Listing#terms}.
     */
    Price offeredPrice(Listing listing, long time, int rulesVersion);

    /** Whether the winner pays the next eligible price at the close. */
    boolean paysSecondPrice(AuctionTerms terms);

    /** Whether a bidder may withdraw its active bid while the auction runs (so a suspension cancels it). */
    boolean bidsWithdrawable();

    /**
     * Whether the mechanism is in the rules of {@code rulesVersion}: a mechanism added under a new rules version says
     * false before it, so there a {@code ListAuction} of it is refused as a negotiated one is ({@code
     * AuctionRules.listing}; no listing of it, so no bid on one) and its {@code fee-<name>-*} parameters stay unknown
     * ({@link #requireFeeParameterOfVersion}). The released mechanisms are in every version the engine decides.
     */
    boolean inRules(int rulesVersion);

    /**
     * Refuses ({@link IllegalArgumentException}, as an unknown parameter) a {@code fee-<name>-*} parameter of an auction
     * mechanism that is not in the rules of {@code rulesVersion}, so a journal of an older version sees only the fee
     * parameters it always had; any other parameter passes.
     */
    static void requireFeeParameterOfVersion(int rulesVersion, String name) {
        requireFeeParameterOfVersion(rulesVersion, name, AuctionMechanism::inRulesOf);
    }

    /**
     * As {@link #requireFeeParameterOfVersion(int, String)}, asking {@code inRules} whether a listing mechanism is in a
     * version's rules (a test can say no, which no released mechanism does).
     */
    static void requireFeeParameterOfVersion(int rulesVersion, String name,
            BiPredicate<ListingMechanism, Integer> inRules) {
        if (!feeParameterInRules(rulesVersion, name, inRules)) {
            throw new IllegalArgumentException("unknown platform parameter " + name);
        }
    }

    /**
     * Whether {@code rulesVersion} knows the parameter {@code name} as far as the mechanisms say: false only for a
     * {@code fee-<name>-*} parameter of a mechanism not in that version's rules (by {@code inRules}).
     */
    static boolean feeParameterInRules(int rulesVersion, String name, BiPredicate<ListingMechanism, Integer> inRules) {
        Optional<ListingMechanism> mechanism = FeeSchedule.mechanismOf(name);
        return mechanism.isEmpty() || inRules.test(mechanism.get(), rulesVersion);
    }

    /** Whether {@code mechanism} is in the rules of {@code rulesVersion}; a negotiated listing, being no auction, is. */
    static boolean inRulesOf(ListingMechanism mechanism, int rulesVersion) {
        return of(mechanism).map(auction -> auction.inRules(rulesVersion)).orElse(true);
    }
}
