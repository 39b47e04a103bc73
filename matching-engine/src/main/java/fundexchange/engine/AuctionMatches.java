package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.TransferNotice;
import fundexchange.engine.position.Position;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.refusal.Refusal;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.TransferTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The match after an auction's close (issue 20, rules version 6; docs/rules.md, "Consent and first refusal"): in a fund
 * whose transfer terms give a priority right, the winner's award is conditional for the terms' {@code matchDays}; the
 * holders of the right (on the register at the close, but the seller and the winner; the manager first when it holds
 * the first priority) may match the clearing price with {@code AnswerTransferNotice} (EXERCISE, WAIVE; silence waives).
 * At the last answer or the deadline the matches are allotted by {@link Allotment} and trade at the clearing price; the
 * winner buys the rest.
 */
final class AuctionMatches {
    private final ExchangeState state;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final StateOwnedRules stateOwned;

    AuctionMatches(ExchangeState state, TransferChecks checks, TradeTerms terms, StateOwnedRules stateOwned) {
        this.state = state;
        this.checks = checks;
        this.terms = terms;
        this.stateOwned = stateOwned;
    }

    /**
     * The conditional award of an auction that closed at {@code time} with {@code winner} at {@code clearing}, or null
     * when no match stage applies: before rules version 6, no transfer terms, an exempt transfer, no priority right, or
     * nobody holding it.
     */
    AuctionAwardedConditionally award(Listing listing, Fund fund, String winner, long winningBidId, Price clearing,
                                      long time) {
        TransferTerms t = state.transferTerms.get(fund.fundCode());
        if (state.rulesVersion < RulesVersion.AUCTION_MATCH_AFTER_CLOSE || t == null || t.exempt(listing.seller(), winner)
                || t.priority() == PriorityOrder.NONE) {
            return null;
        }
        boolean managerParty = t.manager() != null && (t.manager().equals(listing.seller()) || t.manager().equals(winner));
        boolean managerFirst = t.priority() == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA && t.manager() != null
                && !managerParty;
        List<NoticeHolder> holders = new ArrayList<>();
        for (Map.Entry<String, Position> entry
                : state.positions().subMap(fund.fundCode() + "|", fund.fundCode() + "}").entrySet()) {
            Position position = entry.getValue();
            String holder = position.holder();
            if (position.registeredUnits().positive() && !holder.equals(listing.seller()) && !holder.equals(winner)
                    && !(managerFirst && holder.equals(t.manager()))) {
                holders.add(new NoticeHolder(holder, position.registeredUnits()));
            }
        }
        if (holders.isEmpty() && !managerFirst) {
            return null;
        }
        long matchBy = TradeTerms.overflowChecked(() -> Math.addExact(time,
                Math.multiplyExact(t.matchDays(), TransferTerms.DAY_MS)));
        return new AuctionAwardedConditionally(listing.listingId(), fund.fundCode(), listing.seller(), winner,
                winningBidId, listing.units(), clearing, t.manager(), t.priority(), List.copyOf(holders), matchBy);
    }

    /**
     * The match stage ends: the matches trade at the clearing price in allotment order, then the winner buys the rest.
     * It never rejects: a seller failing the rules cancels the listing, an exerciser failing the buyer's checks is
     * allotted nothing, a winner failing them (or whose rest cannot trade) leaves the rest cancelled and unlocked.
     */
    List<Event> resolve(TransferNotice n, long index, long time, LocalDate date, int fill) {
        Listing listing = state.listings.get(n.listingId());
        Fund fund = state.funds.get(n.fundCode());
        Price price = n.matchPrice();
        List<String> silent = n.silent();
        PartyRefusal seller = checks.seller(listing.seller(), fund, date);
        if (seller != null) {
            return List.of(new AuctionMatchResolved(n.listingId(), unallotted(n, seller.code()), silent, n.buyer(),
                            Units.ZERO),
                    new ListingCancelled(n.listingId(), listing.units(), seller.code().code(),
                            "seller failed at the match's end: " + seller.message()));
        }
        TransferNotices.Claims claims = TransferNotices.claims(checks, n, fund, date);
        List<Allocation> allocations = new ArrayList<>();
        List<TradeExecuted> trades = new ArrayList<>();
        long left = listing.units().raw();
        int next = fill;
        for (Allotment.Share share : Allotment.allot(left, claims.first(), claims.proRata(), TransferNotices.lot(fund))) {
            allocations.add(new Allocation(share.holder(), new Units(share.requested()), new Units(share.allotted()), 0));
            if (share.allotted() > 0) {
                try {
                    trades.add(terms.trade(index, next++, time, listing.listingId(), fund, listing.seller(),
                            share.holder(), new Units(share.allotted()), price));
                } catch (Rejection unusable) {
                    return List.of(new AuctionMatchResolved(n.listingId(), unallotted(n, unusable.code()), silent,
                                    n.buyer(), Units.ZERO),
                            new ListingCancelled(n.listingId(), listing.units(), unusable.code().code(),
                                    "a match cannot trade at the clearing price: " + unusable.getMessage()
                                            + " / 优先购买无法按竞价成交价成交"));
                }
                left -= share.allotted();
            }
        }
        allocations.addAll(claims.refused());
        Event winnersEnd = null;
        if (left > 0) {
            PartyRefusal winner = checks.buyer(n.buyer(), fund, date, false);
            if (winner == null && checks.needsHolderRoom(fund, n.buyer())
                    && (long) fund.holderCount() + fund.reservedHolders() + claims.newPlaces() >= fund.holderCap()) {
                winner = new PartyRefusal(RejectCode.HOLDER_CAP_REACHED,
                        "fund " + fund.fundCode() + " is at its holder cap");
            }
            if (winner == null) {
                try {
                    trades.add(terms.trade(index, next, time, listing.listingId(), fund, listing.seller(), n.buyer(),
                            new Units(left), price));
                } catch (Rejection unusable) {
                    winner = new PartyRefusal(unusable.code(), unusable.getMessage());
                }
            }
            if (winner != null) {
                winnersEnd = new ListingCancelled(n.listingId(), new Units(left), winner.code().code(),
                        "the winner failed at the match's end: " + winner.message());
            }
        }
        Units winnerUnits = winnersEnd == null ? new Units(left) : Units.ZERO;
        List<Event> events = new ArrayList<>();
        events.add(new AuctionMatchResolved(n.listingId(), List.copyOf(allocations), silent, n.buyer(), winnerUnits));
        for (TradeExecuted trade : trades) {
            events.add(trade);
            events.addAll(stateOwned.announce(trade));
        }
        if (winnersEnd != null) {
            events.add(winnersEnd);
        }
        return events;
    }

    /** Every exercise, allotted nothing with {@code code}: the audit trail keeps who matched when the match fails. */
    private static List<Allocation> unallotted(TransferNotice n, Refusal code) {
        return n.exercises().stream().filter(a -> a.units().positive())
                .map(a -> new Allocation(a.participant(), a.units(), Units.ZERO, code.code())).toList();
    }
}
