package fundexchange.engine;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.engine.listing.Trade;
import java.time.LocalDate;
import java.util.List;

/**
 * Fires due deadlines one at a time, earliest first (listings before trades at the same time, then by id): a
 * negotiated listing or an unapproved auction expires, an open auction closes, a pending trade fails settlement, a
 * maker-checker proposal lapses, a non-listed offer or an intent expires (in that order at the same time); a transfer
 * notice's deadline comes before all of them at the same time (its trades and cancellation are a listing's first step).
 * Each fired deadline's events are applied before the next is decided, so later ones see their effects. A deadline is
 * decided as of its own time. Trades made by closes take fill numbers 0, 1, ... of the command's index; when 4096
 * are used the rest wait for the next command (the engine still publishes them as due).
 */
final class Deadlines {
    private final ExchangeState state;
    private final AuctionClose auctionClose;
    private final SettlementRules settlement;
    private final TransferNotices notices;

    Deadlines(ExchangeState state, AuctionClose auctionClose, SettlementRules settlement, TransferNotices notices) {
        this.state = state;
        this.auctionClose = auctionClose;
        this.settlement = settlement;
        this.notices = notices;
    }

    /** The events of the earliest deadline at or before {@code time}, or an empty list if none is due. */
    List<Event> fireNext(long time, long index, int fill) {
        long listingDue = state.listingDeadlines.isEmpty() ? Long.MAX_VALUE : state.listingDeadlines.firstKey();
        long fundingDue = state.settlementDeadlines.isEmpty() ? Long.MAX_VALUE : state.settlementDeadlines.firstTime();
        long registrationDue = state.cash.nextRegistrationDue();
        long tradeDue = Math.min(fundingDue, registrationDue);
        long intentDue = state.intentBook.nextExpiry();
        long proposalDue = state.proposalDeadlines.isEmpty() ? Long.MAX_VALUE : state.proposalDeadlines.firstKey();
        long noticeDue = state.noticeDeadlines.isEmpty() ? Long.MAX_VALUE : state.noticeDeadlines.firstKey();
        if (noticeDue <= time && noticeDue <= Math.min(Math.min(listingDue, tradeDue), Math.min(intentDue, proposalDue))) {
            return notices.deadline(state.notices.get(state.noticeDeadlines.firstEntry().getValue().first()), index,
                    noticeDue, date(noticeDue), fill);
        }
        if (Math.min(Math.min(listingDue, tradeDue), Math.min(intentDue, proposalDue)) > time) {
            return List.of();
        }
        if (proposalDue < Math.min(listingDue, tradeDue) && proposalDue <= intentDue) {
            ExchangeState.Proposal proposal = state.proposals.get(state.proposalDeadlines.firstEntry().getValue().first());
            return List.of(new ProposalExpired(proposal.proposalId(), proposal.proposer()));
        }
        if (intentDue < Math.min(listingDue, tradeDue)) {
            return expireOfferOrIntent();
        }
        if (listingDue <= tradeDue) {
            Listing listing = state.listings.get(state.listingDeadlines.firstEntry().getValue().first());
            if (listing.auctioned() && listing.status() == ListingStatus.OPEN) {
                if (fill >= TradeTerms.FILLS_PER_COMMAND) {
                    return List.of();
                }
                return auctionClose.close(listing, index, listingDue, date(listingDue), fill);
            }
            return List.of(new ListingExpired(listing.listingId(), listing.units()));
        }
        if (registrationDue < fundingDue) { // a funded trade's registration deadline (rules version 8)
            return settlement.dvp().registrationDeadlinePassed(state.cash.nextRegistrationExpiry());
        }
        Trade trade = state.trades.get(state.settlementDeadlines.firstId());
        return settlement.deadlinePassed(trade, date(fundingDue));
    }

    long next() {
        long listingDue = state.listingDeadlines.isEmpty() ? Long.MAX_VALUE : state.listingDeadlines.firstKey();
        long tradeDue = Math.min(state.settlementDeadlines.isEmpty() ? Long.MAX_VALUE : state.settlementDeadlines.firstTime(),
                state.cash.nextRegistrationDue());
        long proposalDue = state.proposalDeadlines.isEmpty() ? Long.MAX_VALUE : state.proposalDeadlines.firstKey();
        long noticeDue = state.noticeDeadlines.isEmpty() ? Long.MAX_VALUE : state.noticeDeadlines.firstKey();
        return Math.min(Math.min(Math.min(listingDue, tradeDue), Math.min(state.intentBook.nextExpiry(), proposalDue)),
                noticeDue);
    }

    /** A non-listed offer or an intent expires (after listings and trades due at the same time). */
    private List<Event> expireOfferOrIntent() {
        long id = state.intentBook.firstExpiring();
        fundexchange.engine.intent.Offer offer = state.intentBook.offers.get(id);
        if (offer != null) {
            return List.of(OfferRules.expired(state.intentBook, offer));
        }
        return List.of(IntentRules.expired(state.intentBook, state.intentBook.intents.get(id)));
    }

    static int tradesIn(List<Event> events) {
        int trades = 0;
        for (Event event : events) {
            if (event instanceof TradeExecuted) {
                trades++;
            }
        }
        return trades;
    }

    private LocalDate date(long time) {
        return state.dates.of(time, state.parameters.zone());
    }
}
