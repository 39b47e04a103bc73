package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.PlatformParameters;
import java.util.List;

/**
 * English auctions (单向竞价, open ascending): binding open bids, each at least the highest plus the increment; a bid
 * near the end extends it (anti-sniping).
 */
final class EnglishAuction extends AscendingAuction {
    static final EnglishAuction RULES = new EnglishAuction();

    private EnglishAuction() {
    }

    @Override
    void check(ListAuction c) {
        AuctionRules.positive(c.minIncrement(), "minIncrement");
        Rejection.check(!c.secondPrice(), RejectCode.INVALID_FIELD, "secondPrice applies to SEALED auctions only");
    }

    @Override
    AuctionTerms terms(ListAuction c, Price reserve, PlatformParameters parameters) {
        long window = orDefault(c.extensionWindowMs(), parameters.auctionExtensionWindowMs(), "extensionWindowMs");
        long extension = orDefault(c.extensionMs(), parameters.auctionExtensionMs(), "extensionMs");
        return new AuctionTerms(c.startingPrice(), reserve, c.minIncrement(), c.startsAt(), c.endsAt(), window, extension,
                c.secondPrice(), null);
    }

    @Override
    public boolean paysSecondPrice(AuctionTerms terms) {
        return false;
    }

    @Override
    public boolean bidsWithdrawable() {
        return false;
    }

    /** Released without a rules version of its own: in every version the engine decides. */
    @Override
    public boolean inRules(int rulesVersion) {
        return true;
    }

    /** A bid on an English listing; any other listing is refused as the wrong mechanism. */
    @Override
    public List<Event> bid(AuctionRules rules, CommandContext ctx, PlaceBid c) {
        Rejection.check(c.units() == null, RejectCode.INVALID_FIELD, "units apply to DUTCH auctions only");
        Listing listing = rules.biddable(ctx, c.listingId(), ListingMechanism.ENGLISH, c.price());
        AuctionTerms terms = listing.auction();
        Bid highest = highest(rules, listing.listingId());
        if (highest != null) {
            Price needed = TradeTerms.overflowChecked(() -> highest.price().plus(terms.minIncrement()));
            Rejection.check(c.price().compareTo(needed) >= 0, RejectCode.BID_TOO_LOW,
                    "a bid must be at least " + needed + " (highest " + highest.price() + " plus the increment)");
        }
        long endsAt = terms.endsAt();
        if (endsAt - ctx.time() <= terms.extensionWindowMs()) {
            endsAt = Math.max(endsAt, TradeTerms.overflowChecked(() -> Math.addExact(ctx.time(), terms.extensionMs())));
        }
        List<Event> events = new java.util.ArrayList<>(rules.deposits.forBid(listing, ctx.actorId()));
        events.add(new BidPlaced(listing.listingId(), ctx.index(), ctx.actorId(),
                rules.pseudonym(listing.listingId(), ctx.actorId()), c.price(), endsAt, endsAt != terms.endsAt()));
        return events;
    }

    private static Bid highest(AuctionRules rules, long listingId) {
        Bid highest = null;
        for (Bid bid : rules.lifecycle.activeBids(listingId)) {
            if (highest == null || bid.price().compareTo(highest.price()) > 0) {
                highest = bid;
            }
        }
        return highest;
    }

    private static long orDefault(Long value, long platformDefault, String field) {
        long chosen = value == null ? platformDefault : value;
        Rejection.check(chosen >= 0, RejectCode.INVALID_FIELD, field + " must not be negative");
        return chosen;
    }
}
