package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.engine.listing.Bid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What every listing shares: the lot checks at submission, ROFR clearance, staff approval and withdrawal. */
final class ListingLifecycle {
    private final ExchangeState state;
    private final TransferChecks checks;
    /** A state-owned seller's rules, which every selling path asks. */
    final StateOwnedRules stateOwned;

    ListingLifecycle(ExchangeState state, TransferChecks checks) {
        this.state = state;
        this.checks = checks;
        this.stateOwned = new StateOwnedRules(state, checks);
    }

    /** The seller may list {@code units}: positive, at least the fund's minimum, available, past anti-flip. */
    void checkLot(CommandContext ctx, Fund fund, Units units) {
        Validation.present(units, "units");
        Rejection.check(units.positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        if (units.compareTo(fund.minTransferUnits()) < 0) {
            throw new Rejection(RejectCode.BELOW_MIN_TRANSFER, "the fund's minimum transfer is " + fund.minTransferUnits()
                    + " units");
        }
        Position position = state.position(fund.fundCode(), ctx.actorId());
        if (position.available().compareTo(units) < 0) {
            throw new Rejection(RejectCode.INSUFFICIENT_UNITS, "available units " + position.available()
                    + " are fewer than " + units);
        }
        TransferChecks.require(checks.antiFlip(position, ctx.date(), units));
    }

    static RofrStatus rofrOf(Fund fund) {
        return fund.rightOfFirstRefusal() ? RofrStatus.PENDING : RofrStatus.NOT_APPLICABLE;
    }

    List<Event> approve(CommandContext ctx, ApproveListing c) {
        ctx.requireRole(Role.STAFF);
        Listing listing = listing(c.listingId());
        Duties.notParty(ctx.actorId(), "listing " + listing.listingId(), listing.seller(), listing.buyer());
        Rejection.check(listing.status() == ListingStatus.PENDING_APPROVAL, RejectCode.LISTING_NOT_PENDING,
                "listing is " + listing.status());
        fundexchange.engine.listing.TransferNotice notice = state.notices.get(listing.listingId());
        Rejection.check(notice == null, RejectCode.NOTICE_OPEN, "the transfer notice of listing " + listing.listingId()
                + " is open until its answers are in or its deadline (" + (notice == null ? "" : MessageTime.of(state, notice.answerBy()))
                + ") / 转让通知尚未结束");
        Rejection.check(listing.rofr() != RofrStatus.PENDING, RejectCode.ROFR_NOT_CLEARED,
                "fund " + listing.fundCode() + " has a right of first refusal: record it first (ClearRofr)");
        if (stateOwned.stateOwned(listing.seller())) {
            List<Event> events = new ArrayList<>();
            events.add(new ListingOpened(listing.listingId()));
            events.addAll(stateOwned.open(ctx, listing));
            return events;
        }
        return List.of(new ListingOpened(listing.listingId()));
    }

    List<Event> clearRofr(CommandContext ctx, ClearRofr c) {
        ctx.requireRole(Role.STAFF);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.status() == ListingStatus.PENDING_APPROVAL && listing.rofr() == RofrStatus.PENDING,
                RejectCode.ROFR_NOT_PENDING, "listing " + listing.listingId() + " has no pending right of first refusal");
        Rejection.check(state.rulesVersion < fundexchange.protocol.RulesVersion.ROFR_BY_OVERRIDE
                        && !state.notices.containsKey(listing.listingId()), RejectCode.ROFR_OVERRIDE_NEEDS_PROPOSAL,
                "staff override a right of first refusal only by maker-checker, with a reason: propose OverrideRofr"
                        + " / 优先购买权须经复核提案 OverrideRofr 并说明理由方可由工作人员处理");
        Validation.present(c.decision(), "decision");
        List<String> waivedBy = c.waivedBy() == null ? List.of() : List.copyOf(new TreeSet<>(c.waivedBy()));
        Duties.notParty(ctx.actorId(), "listing " + listing.listingId(), listing.seller(), listing.buyer(), c.exercisedBy());
        Duties.notParty(ctx.actorId(), "listing " + listing.listingId(), waivedBy);
        for (String holder : waivedBy) {
            requireOtherHolder(listing, holder, "waivedBy");
        }
        if (c.decision() == ClearRofr.RofrDecision.WAIVED) {
            Rejection.check(c.exercisedBy() == null, RejectCode.INVALID_FIELD, "exercisedBy is only for EXERCISED");
            return List.of(new RofrCleared(listing.listingId(), c.decision(), waivedBy, null, ctx.actorId()));
        }
        requireOtherHolder(listing, c.exercisedBy(), "exercisedBy");
        return List.of(new RofrCleared(listing.listingId(), c.decision(), waivedBy, c.exercisedBy(), ctx.actorId()),
                new ListingCancelled(listing.listingId(), listing.units(), RejectCode.ROFR_NOT_CLEARED.code(),
                        "right of first refusal exercised by " + c.exercisedBy()));
    }

    private void requireOtherHolder(Listing listing, String holder, String field) {
        Rejection.check(holder != null && !holder.equals(listing.seller())
                        && state.position(listing.fundCode(), holder).registeredUnits().positive(), RejectCode.INVALID_FIELD,
                field + " must name current holders of " + listing.fundCode() + " other than the seller");
    }

    List<Event> withdraw(CommandContext ctx, WithdrawListing c) {
        ctx.requireRole(Role.HOLDER);
        Listing listing = listing(c.listingId());
        Rejection.check(listing.seller().equals(ctx.actorId()), RejectCode.NOT_SELLER, "only the seller may withdraw");
        Rejection.check(listing.live(), RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        Rejection.check(state.bidsOn(listing.listingId()).isEmpty(), RejectCode.LISTING_HAS_BIDS,
                "an auction that has received a bid cannot be withdrawn");
        return List.of(new ListingWithdrawn(listing.listingId(), listing.units()));
    }

    List<Bid> activeBids(long listingId) {
        List<Bid> active = new ArrayList<>();
        for (Bid bid : state.bidsOn(listingId)) {
            if (bid.status() == BidStatus.ACTIVE) {
                active.add(bid);
            }
        }
        return active;
    }

    Fund fund(String fundCode) {
        Fund fund = fundCode == null ? null : state.funds.get(fundCode);
        if (fund == null) {
            throw new Rejection(RejectCode.UNKNOWN_FUND, "no fund " + fundCode);
        }
        return fund;
    }

    Listing listing(long listingId) {
        Listing listing = state.listings.get(listingId);
        PrunedIds.refuseListing(state, listing, listingId);
        Rejection.check(listing != null, RejectCode.UNKNOWN_LISTING, "no listing " + listingId);
        return listing;
    }
}
