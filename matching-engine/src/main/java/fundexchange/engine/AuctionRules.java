package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.engine.listing.Bid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.List;

/**
 * English (单向竞价, open ascending) and sealed-bid auctions: listing, bids, and the sealed bids' amendment and
 * cancellation; Dutch auctions' listing and acceptances are {@link DutchAuction}'s. The close is {@link AuctionClose}'s.
 */
final class AuctionRules {
    private final ExchangeState state;
    private final ListingLifecycle lifecycle;
    private final TransferChecks checks;
    private final DutchAuction dutch;
    private final TransferNotices notices;

    AuctionRules(ExchangeState state, ListingLifecycle lifecycle, TransferChecks checks, TransferNotices notices) {
        this.state = state;
        this.notices = notices;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.dutch = new DutchAuction(lifecycle, checks, new TradeTerms(state, checks));
    }

    List<Event> list(CommandContext ctx, ListAuction c) {
        List<Event> events = listing(ctx, c);
        if (lifecycle.stateOwned.stateOwned(ctx.actorId())) {
            Price lowest = c.mechanism() == ListingMechanism.DUTCH ? c.reservePrice() : c.startingPrice();
            lifecycle.stateOwned.checkListing(ctx, c.fundCode(), c.startingPrice(), lowest, c.endsAt());
        }
        return events;
    }

    private List<Event> listing(CommandContext ctx, ListAuction c) {
        ctx.requireRole(Role.HOLDER);
        Fund fund = lifecycle.fund(c.fundCode());
        // Rules version 6: an English or sealed auction is listed under transfer terms (its holders match after the
        // close); a Dutch auction stays refused (its acceptances trade at once).
        if (state.rulesVersion < fundexchange.protocol.RulesVersion.AUCTION_MATCH_AFTER_CLOSE
                || c.mechanism() == ListingMechanism.DUTCH) {
            TransferNotices.requireFixedPrice(state, fund, "an auction");
        }
        TransferNotices.requireNoUnattestedMatch(state, fund);
        Validation.present(c.mechanism(), "mechanism");
        // The message predates DUTCH and stays byte-identical, so journals replay to the same documents.
        Rejection.check(c.mechanism() != ListingMechanism.NEGOTIATED, RejectCode.INVALID_FIELD,
                "mechanism must be ENGLISH or SEALED (negotiated listings use ListNegotiated)");
        if (c.mechanism() == ListingMechanism.DUTCH) {
            return dutch.list(ctx, c, fund);
        }
        Rejection.check(c.stepMs() == null, RejectCode.INVALID_FIELD, "stepMs applies to DUTCH auctions only");
        lifecycle.checkLot(ctx, fund, c.units());
        positive(c.startingPrice(), "startingPrice");
        Price reserve = c.reservePrice() == null ? c.startingPrice() : c.reservePrice();
        positive(reserve, "reservePrice");
        Rejection.check(reserve.compareTo(c.startingPrice()) >= 0, RejectCode.INVALID_FIELD,
                "reservePrice must not be below startingPrice");
        boolean english = c.mechanism() == ListingMechanism.ENGLISH;
        if (english) {
            positive(c.minIncrement(), "minIncrement");
        } else {
            Rejection.check(c.minIncrement() == null && c.extensionWindowMs() == null && c.extensionMs() == null,
                    RejectCode.INVALID_FIELD, "minIncrement and extensions apply to ENGLISH auctions only");
        }
        Rejection.check(!english || !c.secondPrice(), RejectCode.INVALID_FIELD, "secondPrice applies to SEALED auctions only");
        Rejection.check(c.startsAt() >= 0 && c.endsAt() > c.startsAt(), RejectCode.INVALID_FIELD, "endsAt must follow startsAt");
        Rejection.check(c.endsAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "endsAt is in the past");
        long window = english ? orDefault(c.extensionWindowMs(), state.parameters.auctionExtensionWindowMs(), "extensionWindowMs") : 0;
        long extension = english ? orDefault(c.extensionMs(), state.parameters.auctionExtensionMs(), "extensionMs") : 0;
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), reserve));
        AuctionTerms terms = new AuctionTerms(c.startingPrice(), reserve, english ? c.minIncrement() : null, c.startsAt(),
                c.endsAt(), window, extension, c.secondPrice(), null);
        if (state.rulesVersion < fundexchange.protocol.RulesVersion.AUCTION_MATCH_AFTER_CLOSE) {
            return List.of(new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                    c.startingPrice(), 0, c.mechanism(), terms, ListingLifecycle.rofrOf(fund)));
        }
        TransferNotices.Opening opening = notices.open(ctx.index(), ctx.time(), fund, ctx.actorId(), null, c.units(),
                c.startingPrice(), c.endsAt(), true);
        ListingSubmitted submitted = new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                c.startingPrice(), 0, c.mechanism(), terms, opening.rofr());
        return opening.notice() == null ? List.of(submitted) : List.of(submitted, opening.notice());
    }

    List<Event> bid(CommandContext ctx, PlaceBid c) {
        ctx.requireRole(Role.INVESTOR);
        if (lifecycle.listing(c.listingId()).mechanism() == ListingMechanism.DUTCH) {
            Listing listing = biddable(ctx, c.listingId(), ListingMechanism.DUTCH, c.price());
            return dutch.accept(ctx, c, listing, lifecycle.fund(listing.fundCode()));
        }
        Rejection.check(c.units() == null, RejectCode.INVALID_FIELD, "units apply to DUTCH auctions only");
        Listing listing = biddable(ctx, c.listingId(), ListingMechanism.ENGLISH, c.price());
        AuctionTerms terms = listing.auction();
        Bid highest = highest(listing.listingId());
        if (highest != null) {
            Price needed = TradeTerms.overflowChecked(() -> highest.price().plus(terms.minIncrement()));
            Rejection.check(c.price().compareTo(needed) >= 0, RejectCode.BID_TOO_LOW,
                    "a bid must be at least " + needed + " (highest " + highest.price() + " plus the increment)");
        }
        long endsAt = terms.endsAt();
        if (endsAt - ctx.time() <= terms.extensionWindowMs()) {
            endsAt = Math.max(endsAt, TradeTerms.overflowChecked(() -> Math.addExact(ctx.time(), terms.extensionMs())));
        }
        return List.of(new BidPlaced(listing.listingId(), ctx.index(), ctx.actorId(), pseudonym(listing.listingId(), ctx.actorId()),
                c.price(), endsAt, endsAt != terms.endsAt()));
    }

    List<Event> sealedBid(CommandContext ctx, PlaceSealedBid c) {
        wellFormedNonce(c.nonce());
        freshNonce(ctx.actorId(), c.nonce());
        Listing listing = biddable(ctx, c.listingId(), ListingMechanism.SEALED, c.price());
        for (Bid bid : lifecycle.activeBids(listing.listingId())) {
            Rejection.check(!bid.bidder().equals(ctx.actorId()), RejectCode.SEALED_BID_EXISTS,
                    "you already have sealed bid " + bid.bidId() + " on this listing; amend or cancel it");
        }
        return List.of(new SealedBidPlaced(listing.listingId(), ctx.index(), ctx.actorId(),
                pseudonym(listing.listingId(), ctx.actorId()), c.price(), c.nonce(), SealedCommitment.of(c.nonce(), c.price())));
    }

    List<Event> amend(CommandContext ctx, AmendSealedBid c) {
        wellFormedNonce(c.nonce());
        freshNonce(ctx.actorId(), c.nonce());
        Bid bid = ownActiveSealedBid(ctx, c.bidId());
        biddable(ctx, bid.listingId(), ListingMechanism.SEALED, c.price());
        return List.of(new BidCancelled(bid.listingId(), bid.bidId(), bid.bidder(), bid.pseudonym()),
                new SealedBidPlaced(bid.listingId(), ctx.index(), bid.bidder(), bid.pseudonym(), c.price(), c.nonce(),
                        SealedCommitment.of(c.nonce(), c.price())));
    }

    /** A sealed bid's nonce is 64 lower-case hex digits (CONTRACTS.md 12). */
    private static void wellFormedNonce(String nonce) {
        Rejection.check(SealedCommitment.validNonce(nonce), RejectCode.SEALED_BID_NONCE_INVALID,
                "nonce must be 64 lower-case hex digits (256 random bits from the bidder's client)");
    }

    /** A bidder never uses a nonce twice: a repeated nonce would link two commitments. */
    private void freshNonce(String bidder, String nonce) {
        Rejection.check(!state.nonceUsed(bidder, nonce), RejectCode.SEALED_BID_NONCE_REUSED,
                "this nonce was used in an earlier sealed bid of yours; send a fresh random nonce");
    }

    List<Event> cancel(CommandContext ctx, CancelBid c) {
        ctx.requireRole(Role.INVESTOR);
        Bid bid = ownActiveSealedBid(ctx, c.bidId());
        return List.of(new BidCancelled(bid.listingId(), bid.bidId(), bid.bidder(), bid.pseudonym()));
    }

    private Bid ownActiveSealedBid(CommandContext ctx, long bidId) {
        Bid bid = state.bids.get(bidId);
        Rejection.check(bid != null, RejectCode.UNKNOWN_BID, "no bid " + bidId);
        Rejection.check(bid.bidder().equals(ctx.actorId()), RejectCode.NOT_BIDDER, "only the bidder may change a bid");
        Listing listing = state.listings.get(bid.listingId());
        Rejection.check(listing.mechanism() == ListingMechanism.SEALED, RejectCode.BID_BINDING,
                "open English bids are binding");
        Rejection.check(bid.status() == BidStatus.ACTIVE, RejectCode.BID_NOT_ACTIVE, "bid is " + bid.status());
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        return bid;
    }

    /** The listing takes a bid from this investor at this price now, or the command is rejected. */
    private Listing biddable(CommandContext ctx, long listingId, ListingMechanism mechanism, Price price) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = lifecycle.listing(listingId);
        Rejection.check(listing.mechanism() == mechanism, RejectCode.WRONG_MECHANISM,
                "listing " + listingId + " is " + listing.mechanismOrDefault());
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        Rejection.check(ctx.time() >= listing.auction().startsAt(), RejectCode.AUCTION_NOT_RUNNING,
                "bidding opens at " + MessageTime.of(state, listing.auction().startsAt()));
        Rejection.check(ctx.time() < listing.auction().endsAt(), RejectCode.AUCTION_NOT_RUNNING,
                "bidding closed at " + MessageTime.of(state, listing.auction().endsAt()));
        Rejection.check(!listing.seller().equals(ctx.actorId()), RejectCode.SELLER_IS_BUYER, "the seller cannot bid");
        Fund fund = lifecycle.fund(listing.fundCode());
        TransferNotices.requireNotConsentingManager(state, fund, ctx.actorId());
        TransferChecks.require(checks.buyer(ctx.actorId(), fund, ctx.date()));
        positive(price, "price");
        if (mechanism == ListingMechanism.DUTCH) {
            return listing;
        }
        Rejection.check(price.compareTo(listing.auction().startingPrice()) >= 0, RejectCode.BID_TOO_LOW,
                "a bid must be at least the starting price " + listing.auction().startingPrice());
        TradeTerms.overflowChecked(() -> Pricing.consideration(listing.units(), price));
        return listing;
    }

    private Bid highest(long listingId) {
        Bid highest = null;
        for (Bid bid : lifecycle.activeBids(listingId)) {
            if (highest == null || bid.price().compareTo(highest.price()) > 0) {
                highest = bid;
            }
        }
        return highest;
    }

    /** The bidder's ordinal among the listing's bidders, in journal order (CONTRACTS.md 12). */
    private int pseudonym(long listingId, String bidder) {
        int bidders = 0;
        for (Bid bid : state.bidsOn(listingId)) {
            if (bid.bidder().equals(bidder)) {
                return bid.pseudonym();
            }
            bidders = Math.max(bidders, bid.pseudonym());
        }
        return bidders + 1;
    }

    private static void positive(Price price, String field) {
        Validation.present(price, field);
        Rejection.check(price.positive(), RejectCode.NOT_POSITIVE, field + " must be positive");
    }

    private static long orDefault(Long value, long platformDefault, String field) {
        long chosen = value == null ? platformDefault : value;
        Rejection.check(chosen >= 0, RejectCode.INVALID_FIELD, field + " must not be negative");
        return chosen;
    }
}
