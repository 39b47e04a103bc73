package fundexchange.engine;

import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.engine.listing.Bid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Fund;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Closes an open auction at its deadline. Bids rank by price, then journal order. Every rule is re-checked for each
 * candidate in turn (CONTRACTS.md 13): the first eligible bid at or above the reserve wins, a failing one is passed
 * over with its reason. A sealed auction with the second-price rule clears at the next eligible bid, or the reserve.
 * No winner: EXPIRED, units unlocked. A seller who fails the rules at the close: CANCELLED with the reason. In a fund
 * whose terms give a priority right (rules version 6) the award is conditional: {@link AuctionMatches}.
 */
final class AuctionClose {
    private static final Comparator<Bid> RANKING = Comparator.comparing(Bid::price).reversed().thenComparingLong(Bid::bidId);
    private final ExchangeState state;
    private final ListingLifecycle lifecycle;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final AuctionMatches matches;

    AuctionClose(ExchangeState state, ListingLifecycle lifecycle, TransferChecks checks, TradeTerms terms) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.terms = terms;
        this.matches = new AuctionMatches(state, checks, terms, lifecycle.stateOwned);
    }

    List<Event> close(Listing listing, long index, long time, LocalDate date, int fill) {
        AuctionTerms auction = listing.auction();
        Fund fund = lifecycle.fund(listing.fundCode());
        List<Bid> ranked = new ArrayList<>(lifecycle.activeBids(listing.listingId()));
        ranked.sort(RANKING);
        PartyRefusal sellerRefusal = checks.seller(listing.seller(), fund, date);
        List<AuctionClosed.ClosedBid> closed = new ArrayList<>();
        Bid winner = null;
        Price secondPrice = null;
        boolean wantsSecondPrice = AuctionMechanism.ofAuction(listing.mechanism()).paysSecondPrice(auction);
        for (Bid bid : ranked) {
            boolean decided = winner != null && (!wantsSecondPrice || secondPrice != null);
            if (sellerRefusal != null || decided || bid.price().compareTo(auction.reservePrice()) < 0) {
                closed.add(closedBid(bid, BidStatus.LOST, null));
                continue;
            }
            PartyRefusal refusal = checks.buyer(bid.bidder(), fund, date);
            if (refusal != null) {
                closed.add(closedBid(bid, BidStatus.PASSED_OVER, refusal));
            } else if (winner == null) {
                winner = bid;
                closed.add(closedBid(bid, BidStatus.WON, null));
            } else {
                secondPrice = bid.price();
                closed.add(closedBid(bid, BidStatus.LOST, null));
            }
        }
        List<Event> events = new ArrayList<>();
        if (winner == null) {
            events.add(new AuctionClosed(listing.listingId(), listing.mechanism(), closed, 0, null));
            events.add(sellerRefusal != null
                    ? new ListingCancelled(listing.listingId(), listing.units(), sellerRefusal.code().code(),
                    "seller failed at the close: " + sellerRefusal.message())
                    : new ListingExpired(listing.listingId(), listing.units()));
            return events;
        }
        Price clearing = winner.price();
        if (wantsSecondPrice) {
            clearing = secondPrice != null ? secondPrice : auction.reservePrice();
        }
        fundexchange.protocol.event.AuctionAwardedConditionally award;
        fundexchange.protocol.event.TradeExecuted trade = null;
        try {
            award = matches.award(listing, fund, winner.bidder(), winner.bidId(), clearing, time);
            if (award == null) {
                trade = terms.trade(index, fill, time, listing.listingId(), fund, listing.seller(), winner.bidder(),
                        listing.units(), clearing);
            } else {
                // Rules version 6: no trade at the close, so no settlement deadline (and no calendar) is counted yet.
                terms.checkAmounts(index, fill, fund, listing.seller(), listing.units(), clearing);
            }
        } catch (Rejection unusable) {
            // A close never rejects (it is no command's to reject): the auction is cancelled with the reason.
            Bid won = winner;
            List<AuctionClosed.ClosedBid> none = closed.stream().map(b -> b.bidId() == won.bidId()
                    ? new AuctionClosed.ClosedBid(b.bidId(), b.bidder(), b.pseudonym(), b.price(), BidStatus.PASSED_OVER,
                    unusable.code().code(), unusable.getMessage(), b.nonce()) : b).toList();
            events.add(new AuctionClosed(listing.listingId(), listing.mechanism(), none, 0, null));
            events.add(new ListingCancelled(listing.listingId(), listing.units(), unusable.code().code(),
                    "the winning bid cannot trade: " + unusable.getMessage()));
            return events;
        }
        events.add(new AuctionClosed(listing.listingId(), listing.mechanism(), closed, winner.bidId(), clearing));
        if (award != null) {
            // Rules version 6: the holders of the priority right may match first; the trades come at the match's end.
            events.add(award);
            return events;
        }
        events.add(trade);
        events.addAll(lifecycle.stateOwned.announce(trade));
        return events;
    }

    private static AuctionClosed.ClosedBid closedBid(Bid bid, BidStatus status, PartyRefusal refusal) {
        return new AuctionClosed.ClosedBid(bid.bidId(), bid.bidder(), bid.pseudonym(), bid.price(), status,
                refusal == null ? null : refusal.code().code(), refusal == null ? null : refusal.message(), bid.nonce());
    }
}
