package fundexchange.engine;

import fundexchange.engine.book.BookOrder;
import fundexchange.engine.book.BookView;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.engine.intent.Intent;
import fundexchange.protocol.intent.IntentClosure;
import fundexchange.engine.intent.Offer;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.engine.intent.Quote;
import fundexchange.engine.listing.Bid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What a suspension decides (CONTRACTS.md 13): the participant becomes SUSPENDED, its pending proposals lapse, and its
 * resting trading interest is cancelled with {@link RejectCode#PARTICIPANT_SUSPENDED} and {@link #REASON}, each kind
 * in id order: book orders, sealed bids, quotes, intents, non-listed offers, then listings it could withdraw (live,
 * without bids). Open English bids are binding and auctions with bids cannot be withdrawn: the close passes them over
 * or cancels them, because the participant is not active.
 */
final class Suspension {
    /**
     * The reason the cancellations carry. Counterparties may see some of them (a quote ending), so it never carries
     * the suspension's own reason, which only the participant and staff read.
     */
    static final String REASON = "participant suspended by the exchange / 参与者已被交易所暂停";
    private static final int CODE = RejectCode.PARTICIPANT_SUSPENDED.code();
    private final ExchangeState state;

    Suspension(ExchangeState state) {
        this.state = state;
    }

    List<Event> suspend(String participantId, long proposalId, String reason) {
        List<Event> events = new ArrayList<>();
        events.add(new ParticipantSuspended(participantId, proposalId, reason));
        for (ExchangeState.Proposal proposal : state.proposals.values()) {
            if (proposal.pending() && proposal.proposer().equals(participantId)) {
                events.add(new ProposalExpired(proposal.proposalId(), participantId));
            }
        }
        orders(participantId, events);
        sealedBids(participantId, events);
        TreeSet<Long> declinedQuotes = new TreeSet<>();
        TreeSet<Long> lapsedMatches = new TreeSet<>();
        for (Quote quote : state.intentBook.quotes.values()) {
            if (quote.investor().equals(participantId)) {
                declinedQuotes.add(quote.quoteId());
                events.add(new QuoteDeclined(quote.quoteId(), quote.offerId(),
                        fundexchange.protocol.intent.Side.INVESTOR, quote.pseudonym(), CODE, REASON));
            }
        }
        for (Intent intent : state.intentBook.intents.values()) {
            if (intent.investor().equals(participantId)) {
                List<Long> matches = state.intentBook.matchesOfIntent(intent.intentId());
                lapsedMatches.addAll(matches);
                events.add(new IntentClosed(intent.intentId(), participantId, IntentClosure.CANCELLED, matches, CODE, REASON));
            }
        }
        for (Offer offer : state.intentBook.offers.values()) {
            if (offer.holder().equals(participantId)) {
                events.add(new OfferClosed(offer.offerId(), offer.fundCode(), participantId, OfferClosure.WITHDRAWN,
                        offer.remaining(), IntentState.without(state.intentBook.quotesOn(offer.offerId()), declinedQuotes),
                        IntentState.without(state.intentBook.matchesOfOffer(offer.offerId()), lapsedMatches), CODE, REASON));
            }
        }
        for (Listing listing : state.listings.values()) {
            if (listing.seller().equals(participantId) && listing.live() && state.bidsOn(listing.listingId()).isEmpty()) {
                events.add(new ListingCancelled(listing.listingId(), listing.units(), CODE, REASON));
            }
        }
        return events;
    }

    /** Resting book orders, by order id. */
    private void orders(String participantId, List<Event> events) {
        record Owned(String fundCode, Side side, BookOrder order) {
        }
        List<Owned> owned = new ArrayList<>();
        for (BookView book : state.books.views()) {
            book.bids().stream().filter(o -> o.owner().equals(participantId))
                    .forEach(o -> owned.add(new Owned(book.fundCode(), Side.BUY, o)));
            book.asks().stream().filter(o -> o.owner().equals(participantId))
                    .forEach(o -> owned.add(new Owned(book.fundCode(), Side.SELL, o)));
        }
        owned.sort(Comparator.comparingLong(o -> o.order().orderId()));
        for (Owned o : owned) {
            events.add(new OrderCancelled(o.order().orderId(), o.fundCode(), participantId, o.side(),
                    o.order().units(), CODE, REASON));
        }
    }

    /** Active sealed bids on open auctions: the bids its bidder could withdraw under the rules, by bid id. */
    private void sealedBids(String participantId, List<Event> events) {
        for (Bid bid : state.bids.values()) {
            if (bid.bidder().equals(participantId) && bid.status() == BidStatus.ACTIVE) {
                Listing listing = state.listings.get(bid.listingId());
                boolean withdrawable = AuctionMechanism.of(listing.mechanism()).map(AuctionMechanism::bidsWithdrawable)
                        .orElse(false);
                if (withdrawable && listing.status() == ListingStatus.OPEN) {
                    events.add(new BidCancelled(bid.listingId(), bid.bidId(), participantId, bid.pseudonym(), CODE, REASON));
                }
            }
        }
    }
}
