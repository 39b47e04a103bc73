package fundexchange.engine;

import fundexchange.engine.command.AcceptListing;
import fundexchange.engine.command.ApproveListing;
import fundexchange.engine.command.ConfirmSettlement;
import fundexchange.engine.command.DeclineListing;
import fundexchange.engine.command.WithdrawListing;
import fundexchange.engine.command.ListNegotiated;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.ListingDeclined;
import fundexchange.engine.event.ListingExpired;
import fundexchange.engine.event.ListingWithdrawn;
import fundexchange.engine.event.ListingOpened;
import fundexchange.engine.event.ListingSubmitted;
import fundexchange.engine.event.TradeExecuted;
import fundexchange.engine.event.TradeSettled;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.ListingStatus;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.engine.money.Money;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Pricing;
import fundexchange.engine.position.Position;
import fundexchange.engine.reference.Fund;
import fundexchange.engine.reference.Participant;
import fundexchange.engine.reference.QualificationStatus;
import fundexchange.engine.reference.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Negotiated transfer (协议转让): list to a named buyer, staff approval, acceptance, settlement, expiry. */
final class NegotiatedTransferRules {
    static final long FILLS_PER_COMMAND = 4096;
    private final ExchangeState state;

    NegotiatedTransferRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> list(CommandContext ctx, ListNegotiated c) {
        ctx.requireRole(Role.HOLDER);
        Fund fund = fund(c.fundCode());
        Participant buyer = c.buyer() == null ? null : state.participants.get(c.buyer());
        Rejection.check(buyer != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + c.buyer());
        Rejection.check(buyer.has(Role.INVESTOR), RejectCode.WRONG_ROLE, c.buyer() + " is not an investor");
        Rejection.check(!buyer.participantId().equals(ctx.actorId()), RejectCode.SELLER_IS_BUYER, "seller cannot be the buyer");
        Validation.present(c.units(), "units");
        Validation.present(c.price(), "price");
        Rejection.check(c.units().positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        Rejection.check(c.price().positive(), RejectCode.NOT_POSITIVE, "price must be positive");
        Rejection.check(c.units().compareTo(fund.minTransferUnits()) >= 0, RejectCode.BELOW_MIN_TRANSFER,
                "the fund's minimum transfer is " + fund.minTransferUnits() + " units");
        Rejection.check(c.expiresAt() == 0 || c.expiresAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "expiresAt is in the past");
        Position position = state.position(fund.fundCode(), ctx.actorId());
        Rejection.check(position.available().compareTo(c.units()) >= 0, RejectCode.INSUFFICIENT_UNITS,
                "available units " + position.available() + " are fewer than " + c.units());
        overflowChecked(() -> Pricing.consideration(c.units(), c.price()));
        return List.of(new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), buyer.participantId(),
                c.units(), c.price(), c.expiresAt()));
    }

    List<Event> approve(CommandContext ctx, ApproveListing c) {
        ctx.requireRole(Role.STAFF);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.status() == ListingStatus.PENDING_APPROVAL, RejectCode.LISTING_NOT_PENDING,
                "listing is " + listing.status());
        return List.of(new ListingOpened(listing.listingId()));
    }

    List<Event> accept(CommandContext ctx, AcceptListing c) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        Rejection.check(listing.buyer().equals(ctx.actorId()), RejectCode.NOT_NAMED_BUYER, "only the named buyer may accept");
        Participant buyer = ctx.actor();
        Rejection.check(qualified(buyer, ctx.date()), RejectCode.BUYER_NOT_QUALIFIED, "buyer is not a qualified investor");
        Participant seller = state.participants.get(listing.seller());
        Rejection.check(seller.active() && state.hasActiveKey(seller.participantId()), RejectCode.PARTICIPANT_NOT_ACTIVE,
                "seller is not active or has no active key");
        Fund fund = fund(listing.fundCode());
        String reservation = ExchangeState.positionKey(fund.fundCode(), buyer.participantId());
        boolean newHolder = state.position(fund.fundCode(), buyer.participantId()).units().raw() == 0
                && !state.holderReservations.contains(reservation);
        if (newHolder) {
            Rejection.check(fund.roomForNewHolder(), RejectCode.HOLDER_CAP_REACHED,
                    "fund " + fund.fundCode() + " is at its holder cap of " + fund.holderCap());
        }
        Position sellerPosition = state.position(fund.fundCode(), seller.participantId());
        Money consideration = overflowChecked(() -> Pricing.consideration(listing.units(), listing.price()));
        long percentOfNav = overflowChecked(() -> Pricing.percentOfNavBasisPoints(listing.price(), fund.nav()));
        Money costOfLot = overflowChecked(() -> Pricing.proportionalCost(sellerPosition.cost(), listing.units(), sellerPosition.units()));
        Multiple multiple = overflowChecked(() -> Pricing.multipleOfCost(consideration, costOfLot));
        long tradeId = Math.multiplyExact(ctx.index(), FILLS_PER_COMMAND);
        return List.of(new TradeExecuted(tradeId, listing.listingId(), fund.fundCode(), seller.participantId(),
                buyer.participantId(), listing.units(), listing.price(), consideration, percentOfNav, multiple, newHolder));
    }

    List<Event> decline(CommandContext ctx, DeclineListing c) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        Rejection.check(listing.buyer().equals(ctx.actorId()), RejectCode.NOT_NAMED_BUYER, "only the named buyer may decline");
        return List.of(new ListingDeclined(listing.listingId(), listing.units()));
    }

    List<Event> withdraw(CommandContext ctx, WithdrawListing c) {
        ctx.requireRole(Role.HOLDER);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.seller().equals(ctx.actorId()), RejectCode.NOT_SELLER, "only the seller may withdraw");
        Rejection.check(listing.status() == ListingStatus.PENDING_APPROVAL || listing.status() == ListingStatus.OPEN,
                RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        return List.of(new ListingWithdrawn(listing.listingId(), listing.units()));
    }

    List<Event> settle(CommandContext ctx, ConfirmSettlement c) {
        ctx.requireRole(Role.STAFF);
        Trade trade = state.trades.get(c.tradeId());
        Rejection.check(trade != null, RejectCode.UNKNOWN_TRADE, "no trade " + c.tradeId());
        Rejection.check(trade.status() == TradeStatus.PENDING_SETTLEMENT, RejectCode.TRADE_NOT_PENDING, "trade is " + trade.status());
        Fund fund = fund(trade.fundCode());
        Position seller = state.position(trade.fundCode(), trade.seller());
        Position buyer = state.position(trade.fundCode(), trade.buyer());
        Money costReleased = overflowChecked(() -> Pricing.proportionalCost(seller.cost(), trade.units(), seller.units()));
        overflowChecked(() -> buyer.units().plus(trade.units()).raw() + buyer.cost().plus(trade.consideration()).raw());
        boolean buyerNew = buyer.units().raw() == 0;
        boolean sellerLeaves = seller.units().equals(trade.units());
        int holderCount = fund.holderCount() + (buyerNew ? 1 : 0) - (sellerLeaves ? 1 : 0);
        return List.of(new TradeSettled(trade.tradeId(), trade.fundCode(), trade.seller(), trade.buyer(), trade.units(),
                trade.consideration(), costReleased, holderCount));
    }

    /** Listings whose deadline is at or before {@code time}, expired in deadline then id order. */
    List<Event> dueDeadlines(long time) {
        List<Event> events = new ArrayList<>();
        for (Map.Entry<Long, TreeSet<Long>> due : state.listingDeadlines.headMap(time, true).entrySet()) {
            for (long listingId : due.getValue()) {
                events.add(new ListingExpired(listingId, state.listings.get(listingId).units()));
            }
        }
        return events;
    }

    long nextDeadline() {
        return state.listingDeadlines.isEmpty() ? Long.MAX_VALUE : state.listingDeadlines.firstKey();
    }

    static boolean qualified(Participant investor, LocalDate today) {
        return investor.active() && investor.qualification() == QualificationStatus.QUALIFIED
                && investor.qualifiedUntil() != null && !LocalDate.parse(investor.qualifiedUntil()).isBefore(today);
    }

    private Fund fund(String fundCode) {
        Fund fund = fundCode == null ? null : state.funds.get(fundCode);
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + fundCode);
        return fund;
    }

    private Listing listing(long listingId) {
        Listing listing = state.listings.get(listingId);
        Rejection.check(listing != null, RejectCode.UNKNOWN_LISTING, "no listing " + listingId);
        return listing;
    }

    private static <T> T overflowChecked(java.util.function.Supplier<T> computation) {
        try {
            return computation.get();
        } catch (ArithmeticException e) {
            throw new Rejection(RejectCode.ARITHMETIC_OVERFLOW, "amount exceeds the documented range");
        }
    }
}
