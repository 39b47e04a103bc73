package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.util.List;

/** Negotiated transfer (协议转让): list to a named buyer at a price; the buyer accepts or declines. */
final class NegotiatedTransferRules {
    private final ExchangeState state;
    private final ListingLifecycle lifecycle;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final TransferNotices notices;
    private final BidDeposits deposits;

    NegotiatedTransferRules(ExchangeState state, ListingLifecycle lifecycle, TransferChecks checks, TradeTerms terms,
                            TransferNotices notices) {
        this.notices = notices;
        this.state = state;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.terms = terms;
        this.deposits = new BidDeposits(state);
    }

    List<Event> list(CommandContext ctx, ListNegotiated c) {
        ctx.requireRole(Role.HOLDER);
        Fund fund = lifecycle.fund(c.fundCode());
        Participant buyer = c.buyer() == null ? null : state.participants.get(c.buyer());
        Rejection.check(buyer != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + c.buyer());
        Rejection.check(buyer.has(Role.INVESTOR), RejectCode.WRONG_ROLE, c.buyer() + " is not an investor");
        Rejection.check(!buyer.participantId().equals(ctx.actorId()), RejectCode.SELLER_IS_BUYER, "seller cannot be the buyer");
        Validation.present(c.price(), "price");
        Rejection.check(c.price().positive(), RejectCode.NOT_POSITIVE, "price must be positive");
        lifecycle.checkLot(ctx, fund, c.units());
        Rejection.check(c.expiresAt() == 0 || c.expiresAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "expiresAt is in the past");
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), c.price()));
        if (lifecycle.stateOwned.stateOwned(ctx.actorId())) {
            lifecycle.stateOwned.checkListing(ctx, fund.fundCode(), c.price(), c.price(), c.expiresAt());
            lifecycle.stateOwned.checkNegotiated(ctx, fund, ctx.actorId(), buyer.participantId());
        }
        TransferNotices.Opening opening = notices.open(ctx.index(), ctx.time(), fund, ctx.actorId(), buyer.participantId(),
                c.units(), c.price(), c.expiresAt());
        Rejection.check(!(lifecycle.stateOwned.stateOwned(ctx.actorId()) && rightExercisable(opening.notice())),
                RejectCode.STATE_OWNED_PRIORITY_RIGHT, "fund " + fund.fundCode() + "'s terms give a priority right that would"
                        + " be exercised before the state-owned holder's public disclosure; such a sale is not available yet"
                        + " / 该基金条款设有优先购买权，国有持有人的转让须先公开披露，暂不支持此类挂牌");
        ListingSubmitted submitted = new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), buyer.participantId(),
                c.units(), c.price(), c.expiresAt(), ListingMechanism.NEGOTIATED, null, opening.rofr())
                .withDeposit(deposits.atListing(c.units(), c.price(), c.depositAmount(), c.depositBasisPoints()));
        return opening.notice() == null ? List.of(submitted) : List.of(submitted, opening.notice());
    }

    List<Event> accept(CommandContext ctx, AcceptListing c) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = namedBuyersListing(ctx, c.listingId(), "accept");
        Fund fund = lifecycle.fund(listing.fundCode());
        TransferChecks.require(checks.buyer(ctx.actorId(), fund, ctx.date()));
        TransferChecks.require(checks.seller(listing.seller(), fund, ctx.date()));
        if (state.disclosures.containsKey(listing.listingId())) {
            lifecycle.stateOwned.checkDeal(ctx, listing);
            lifecycle.stateOwned.checkNegotiated(ctx, fund, listing.seller(), ctx.actorId());
        }
        fundexchange.protocol.event.TradeExecuted trade = terms.accepted(terms.trade(ctx.index(), ctx.firstFill(),
                ctx.time(), listing.listingId(), fund, listing.seller(), ctx.actorId(), listing.units(), listing.price()));
        List<Event> events = new java.util.ArrayList<>(deposits.forTrade(listing, ctx.actorId(), trade.units(),
                trade.consideration()));
        events.add(trade);
        events.addAll(lifecycle.stateOwned.announce(trade));
        return events;
    }

    List<Event> decline(CommandContext ctx, DeclineListing c) {
        ctx.requireRole(Role.INVESTOR);
        Listing listing = namedBuyersListing(ctx, c.listingId(), "decline");
        return List.of(new ListingDeclined(listing.listingId(), listing.units()));
    }

    private Listing namedBuyersListing(CommandContext ctx, long listingId, String verb) {
        Listing listing = lifecycle.listing(listingId);
        Rejection.check(listing.mechanismOrDefault() == ListingMechanism.NEGOTIATED, RejectCode.WRONG_MECHANISM,
                "listing " + listingId + " is an auction");
        Rejection.check(listing.status() == ListingStatus.OPEN, RejectCode.LISTING_NOT_OPEN, "listing is " + listing.status());
        Rejection.check(listing.buyer().equals(ctx.actorId()), RejectCode.NOT_NAMED_BUYER, "only the named buyer may " + verb);
        return listing;
    }

    /** Whether a notice lets someone exercise a priority right (holders on the register, or the manager first). */
    private static boolean rightExercisable(TransferNoticeIssued notice) {
        return notice != null && (!notice.holders().isEmpty()
                || notice.priority() == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA && notice.manager() != null
                && !notice.manager().equals(notice.transferor()) && !notice.manager().equals(notice.buyer()));
    }
}
