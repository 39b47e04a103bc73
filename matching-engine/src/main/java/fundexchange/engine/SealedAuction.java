package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.reference.Role;
import java.util.List;

/**
 * Sealed-bid auctions: one sealed bid per bidder (its price committed under a fresh nonce), amended or cancelled while
 * the auction runs; the winner pays its own price or, when the seller chose it, the second price.
 */
final class SealedAuction extends AscendingAuction {
    static final SealedAuction RULES = new SealedAuction();

    private SealedAuction() {
    }

    @Override
    void check(ListAuction c) {
        Rejection.check(c.minIncrement() == null && c.extensionWindowMs() == null && c.extensionMs() == null,
                RejectCode.INVALID_FIELD, "minIncrement and extensions apply to ENGLISH auctions only");
    }

    @Override
    AuctionTerms terms(ListAuction c, Price reserve, PlatformParameters parameters) {
        return new AuctionTerms(c.startingPrice(), reserve, null, c.startsAt(), c.endsAt(), 0, 0, c.secondPrice(), null);
    }

    @Override
    public boolean paysSecondPrice(AuctionTerms terms) {
        return terms.secondPrice();
    }

    @Override
    public boolean bidsWithdrawable() {
        return true;
    }

    /** Released without a rules version of its own: in every version the engine decides. */
    @Override
    public boolean inRules(int rulesVersion) {
        return true;
    }

    /** A {@code PlaceBid} (an open bid) on a sealed listing: refused as the wrong mechanism, as the English rules do. */
    @Override
    public List<Event> bid(AuctionRules rules, CommandContext ctx, PlaceBid c) {
        return EnglishAuction.RULES.bid(rules, ctx, c);
    }

    List<Event> place(AuctionRules rules, CommandContext ctx, PlaceSealedBid c) {
        wellFormedNonce(c.nonce());
        freshNonce(rules, ctx.actorId(), c.nonce());
        Listing listing = rules.biddable(ctx, c.listingId(), ListingMechanism.SEALED, c.price());
        for (Bid bid : rules.lifecycle.activeBids(listing.listingId())) {
            Rejection.check(!bid.bidder().equals(ctx.actorId()), RejectCode.SEALED_BID_EXISTS,
                    "you already have sealed bid " + bid.bidId() + " on this listing; amend or cancel it");
        }
        List<Event> events = new java.util.ArrayList<>(rules.deposits.forBid(listing, ctx.actorId()));
        events.add(new SealedBidPlaced(listing.listingId(), ctx.index(), ctx.actorId(),
                rules.pseudonym(listing.listingId(), ctx.actorId()), c.price(), c.nonce(),
                SealedCommitment.of(c.nonce(), c.price())));
        return events;
    }

    List<Event> amend(AuctionRules rules, CommandContext ctx, AmendSealedBid c) {
        wellFormedNonce(c.nonce());
        freshNonce(rules, ctx.actorId(), c.nonce());
        Bid bid = ownActiveSealedBid(rules, ctx, c.bidId());
        rules.biddable(ctx, bid.listingId(), ListingMechanism.SEALED, c.price());
        return List.of(new BidCancelled(bid.listingId(), bid.bidId(), bid.bidder(), bid.pseudonym()),
                new SealedBidPlaced(bid.listingId(), ctx.index(), bid.bidder(), bid.pseudonym(), c.price(), c.nonce(),
                        SealedCommitment.of(c.nonce(), c.price())));
    }

    List<Event> cancel(AuctionRules rules, CommandContext ctx, CancelBid c) {
        ctx.requireRole(Role.INVESTOR);
        Bid bid = ownActiveSealedBid(rules, ctx, c.bidId());
        return List.of(new BidCancelled(bid.listingId(), bid.bidId(), bid.bidder(), bid.pseudonym()));
    }

    /** A sealed bid's nonce is 64 lower-case hex digits (CONTRACTS.md 12). */
    private static void wellFormedNonce(String nonce) {
        Rejection.check(SealedCommitment.validNonce(nonce), RejectCode.SEALED_BID_NONCE_INVALID,
                "nonce must be 64 lower-case hex digits (256 random bits from the bidder's client)");
    }

    /** A bidder never uses a nonce twice: a repeated nonce would link two commitments. */
    private static void freshNonce(AuctionRules rules, String bidder, String nonce) {
        Rejection.check(!rules.state.nonceUsed(bidder, nonce), RejectCode.SEALED_BID_NONCE_REUSED,
                "this nonce was used in an earlier sealed bid of yours; send a fresh random nonce");
    }

    private static Bid ownActiveSealedBid(AuctionRules rules, CommandContext ctx, long bidId) {
        Bid bid = rules.state.bids.get(bidId);
        Listing listing = bid == null ? null : rules.state.listings.get(bid.listingId());
        // A bid pruned with its listing, or on a finished listing at or below the pruned horizon, is unknown alike.
        Rejection.check(bid != null && !PrunedIds.bidHidden(rules.state, listing, bid.listingId()), RejectCode.UNKNOWN_BID,
                "no bid " + bidId);
        Rejection.check(bid.bidder().equals(ctx.actorId()), RejectCode.NOT_BIDDER, "only the bidder may change a bid");
        Rejection.check(listing.mechanism() == ListingMechanism.SEALED, RejectCode.BID_BINDING,
                "open English bids are binding");
        Rejection.check(bid.status() == BidStatus.ACTIVE, RejectCode.BID_NOT_ACTIVE, "bid is " + bid.status());
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        return bid;
    }
}
