package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.FeeSchedule;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.List;
import java.util.Optional;

/**
 * Auctions: what every mechanism shares (who may list and bid, when, the bidders' pseudonyms), each mechanism's own
 * rules behind {@link AuctionMechanism}, one permitted class each. The close is {@link AuctionClose}'s.
 */
final class AuctionRules {
    final ExchangeState state;
    final ListingLifecycle lifecycle;
    final TransferChecks checks;
    final TransferNotices notices;
    final TradeTerms tradeTerms;
    final BidDeposits deposits;

    AuctionRules(ExchangeState state, ListingLifecycle lifecycle, TransferChecks checks, TransferNotices notices) {
        this.state = state;
        this.notices = notices;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.tradeTerms = new TradeTerms(state, checks);
        this.deposits = new BidDeposits(state);
    }

    List<Event> list(CommandContext ctx, ListAuction c) {
        List<Event> events = listing(ctx, c);
        if (lifecycle.stateOwned.stateOwned(ctx.actorId())) {
            Price lowest = AuctionMechanism.ofAuction(c.mechanism()).lowestPrice(c.startingPrice(), c.reservePrice());
            lifecycle.stateOwned.checkListing(ctx, c.fundCode(), c.startingPrice(), lowest, c.endsAt());
        }
        return events;
    }

    private List<Event> listing(CommandContext ctx, ListAuction c) {
        ctx.requireRole(Role.HOLDER);
        Fund fund = lifecycle.fund(c.fundCode());
        // A mechanism outside this journal's rules version (AuctionMechanism.inRules) is listed as no auction at all:
        // refused below exactly as a negotiated listing is.
        Optional<AuctionMechanism> mechanism = AuctionMechanism.of(c.mechanism())
                .filter(m -> m.inRules(state.rulesVersion));
        // Rules version 6: an auction is listed under transfer terms (its holders match after the close) unless its
        // acceptances trade at once (ListingMechanism.tradesAtOnce), which stay refused.
        if (state.rulesVersion < RulesVersion.AUCTION_MATCH_AFTER_CLOSE
                || mechanism.isPresent() && c.mechanism().tradesAtOnce()) {
            TransferNotices.requireFixedPrice(state, fund, "an auction");
        }
        TransferNotices.requireNoUnattestedMatch(state, fund);
        Validation.present(c.mechanism(), "mechanism");
        // No auction's rules: a negotiated listing (none named is refused above), or a mechanism not yet in the rules.
        // The message predates the later mechanisms and stays byte-identical, so journals replay to the same documents.
        Rejection.check(mechanism.isPresent(), RejectCode.INVALID_FIELD,
                "mechanism must be ENGLISH or SEALED (negotiated listings use ListNegotiated)");
        // Rules version 11: a mechanism's own terms, refused unless the mechanism claims them; one that does refuses
        // the frozen flat fields beside them.
        MechanismTerms.requireListing(state, c);
        List<Event> events = mechanism.orElseThrow().list(this, ctx, c, fund);
        // Rules version 8: the deposit, from the public starting price only (never the sealed bids or the reserve).
        // The listing carries its command's terms (null for every released mechanism) whatever its mechanism built.
        fundexchange.protocol.money.Money deposit = deposits.atListing(c.units(), c.startingPrice(), c.depositAmount(),
                c.depositBasisPoints());
        return events.stream().map(e -> e instanceof ListingSubmitted s
                ? (Event) s.withDeposit(deposit).withTerms(c.terms()) : e).toList();
    }

    /** A {@code PlaceBid} as the listing's mechanism takes it; the English rules refuse a negotiated listing's. */
    List<Event> bid(CommandContext ctx, PlaceBid c) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = lifecycle.listing(c.listingId());
        // Rules version 11: a mechanism's own bid terms, refused unless the listing's mechanism claims them; one that
        // does refuses the frozen units beside them.
        MechanismTerms.requireBid(state, listing.mechanismOrDefault(), c);
        // A listing that is no auction (negotiated) goes the English way, which refuses it as the wrong mechanism.
        List<Event> events = AuctionMechanism.of(listing.mechanism()).orElse(EnglishAuction.RULES).bid(this, ctx, c);
        if (c.terms() == null) {
            return events;
        }
        // The bid carries its command's terms whatever its mechanism built.
        return events.stream().map(e -> e instanceof BidPlaced b ? (Event) b.withTerms(c.terms()) : e).toList();
    }

    List<Event> sealedBid(CommandContext ctx, PlaceSealedBid c) {
        return SealedAuction.RULES.place(this, ctx, c);
    }

    List<Event> amend(CommandContext ctx, AmendSealedBid c) {
        return SealedAuction.RULES.amend(this, ctx, c);
    }

    List<Event> cancel(CommandContext ctx, CancelBid c) {
        return SealedAuction.RULES.cancel(this, ctx, c);
    }

    /** The listing takes a bid from this investor at this price now, or the command is rejected. */
    Listing biddable(CommandContext ctx, long listingId, ListingMechanism mechanism, Price price) {
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
        AuctionMechanism.ofAuction(mechanism).checkBidPrice(listing, price);
        tradeTerms.requireFeeCovered(FeeSchedule.feeName(mechanism), listing.units(), price);
        return listing;
    }

    /** The bidder's ordinal among the listing's bidders, in journal order (CONTRACTS.md 12). */
    int pseudonym(long listingId, String bidder) {
        int bidders = 0;
        for (Bid bid : state.bidsOn(listingId)) {
            if (bid.bidder().equals(bidder)) {
                return bid.pseudonym();
            }
            bidders = Math.max(bidders, bid.pseudonym());
        }
        return bidders + 1;
    }

    static void positive(Price price, String field) {
        Validation.present(price, field);
        Rejection.check(price.positive(), RejectCode.NOT_POSITIVE, field + " must be positive");
    }
}
