package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.engine.intent.Offer;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Non-listed offers (非挂牌, display and inquiry): a holder posts units with an indicative ask and a minimum lot; the
 * units are locked while the offer rests (like a listing's), so they cannot be sold twice; trades take lots from it.
 * Posting matches the offer against the resting intents.
 */
final class OfferRules {
    private final ExchangeState state;
    private final ListingLifecycle lifecycle;
    private final IntentMatching matching;

    OfferRules(ExchangeState state, ListingLifecycle lifecycle, IntentMatching matching) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.matching = matching;
    }

    List<Event> post(CommandContext ctx, PostOffer c) {
        ctx.requireRole(Role.HOLDER);
        lifecycle.stateOwned.requireListing(ctx.actorId());
        Fund fund = lifecycle.fund(c.fundCode());
        TransferNotices.requireFixedPrice(state, fund, "a non-listed offer");
        lifecycle.checkLot(ctx, fund, c.units());
        Validation.present(c.minLot(), "minLot");
        Rejection.check(c.minLot().positive(), RejectCode.NOT_POSITIVE, "minLot must be positive");
        Rejection.check(c.minLot().compareTo(c.units()) <= 0, RejectCode.INVALID_FIELD, "minLot must not exceed units");
        Rejection.check(c.minLot().compareTo(fund.minTransferUnits()) >= 0, RejectCode.BELOW_MIN_TRANSFER,
                "minLot must be at least the fund's minimum transfer of " + fund.minTransferUnits() + " units");
        Validation.present(c.askPrice(), "askPrice");
        Rejection.check(c.askPrice().positive(), RejectCode.NOT_POSITIVE, "askPrice must be positive");
        Validation.present(c.visibility(), "visibility");
        Rejection.check(c.expiresAt() >= 0, RejectCode.INVALID_FIELD, "expiresAt must not be negative");
        Rejection.check(c.expiresAt() == 0 || c.expiresAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "expiresAt is in the past");
        Position position = state.position(fund.fundCode(), ctx.actorId());
        Money consideration = TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), c.askPrice()));
        long percentOfNav = TradeTerms.overflowChecked(() -> Pricing.percentOfNavBasisPoints(c.askPrice(), fund.nav()));
        Multiple multiple = TradeTerms.overflowChecked(() -> Pricing.multipleOfCost(consideration,
                Pricing.proportionalCost(position.cost(), c.units(), position.units())));
        Offer offer = new Offer(ctx.index(), fund.fundCode(), ctx.actorId(), c.units(), c.units(), c.minLot(), c.askPrice(),
                c.visibility(), c.expiresAt(), List.of());
        List<Event> events = new ArrayList<>();
        events.add(new OfferPosted(offer.offerId(), fund.fundCode(), ctx.actorId(), c.units(), c.minLot(), c.askPrice(),
                percentOfNav, multiple, c.visibility(), c.expiresAt()));
        events.addAll(matching.forOffer(ctx, offer));
        return events;
    }

    List<Event> withdraw(CommandContext ctx, WithdrawOffer c) {
        ctx.requireRole(Role.HOLDER);
        Offer offer = openOffer(state, c.offerId());
        Rejection.check(offer.holder().equals(ctx.actorId()), RejectCode.NOT_OFFER_HOLDER, "only the holder may withdraw it");
        return List.of(closed(state.intentBook, offer, OfferClosure.WITHDRAWN, offer.remaining(), List.of(), List.of()));
    }

    /** The offer's expiry passed. */
    static Event expired(IntentState book, Offer offer) {
        return closed(book, offer, OfferClosure.EXPIRED, offer.remaining(), List.of(), List.of());
    }

    /** The offer closes, unlocking {@code unlocked}; its open quotes and live proposals lapse, except those named. */
    static OfferClosed closed(IntentState book, Offer offer, OfferClosure status, Units unlocked,
                              Collection<Long> quotesEnded, Collection<Long> matchesEnded) {
        return new OfferClosed(offer.offerId(), offer.fundCode(), offer.holder(), status, unlocked,
                IntentState.without(book.quotesOn(offer.offerId()), quotesEnded),
                IntentState.without(book.matchesOfOffer(offer.offerId()), matchesEnded));
    }

    static Offer openOffer(ExchangeState state, long offerId) {
        Offer offer = state.intentBook.offers.get(offerId);
        Rejection.check(offer != null, RejectCode.OFFER_NOT_OPEN, "no open offer " + offerId);
        return offer;
    }

    /** A lot of {@code units} may trade from the offer now: within its remainder and at least its minimum lot. */
    static void checkLot(Offer offer, Units units) {
        Validation.present(units, "units");
        Rejection.check(units.positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        Rejection.check(units.compareTo(offer.remaining()) <= 0, RejectCode.EXCEEDS_OFFER_UNITS,
                "offer " + offer.offerId() + " has " + offer.remaining() + " units left");
        Rejection.check(units.compareTo(offer.lotMin()) >= 0, RejectCode.BELOW_MIN_LOT,
                "offer " + offer.offerId() + " trades lots of at least " + offer.lotMin() + " units");
    }
}
