package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.PlatformParameters;
import java.util.List;

/**
 * What the English and sealed auctions share: a reserve at or above the starting price, bids from the starting price
 * up, and the listing under transfer terms, its priority holders matching after the close. Each adds its own terms
 * ({@link #check}, {@link #terms}) and its bids.
 */
abstract sealed class AscendingAuction implements AuctionMechanism permits EnglishAuction, SealedAuction {

    /** Refuses the terms that do not apply to the mechanism, or are wrong for it. */
    abstract void check(ListAuction c);

    /** The auction's terms, its extensions resolved against the platform's defaults. */
    abstract AuctionTerms terms(ListAuction c, Price reserve, PlatformParameters parameters);

    @Override
    public final List<Event> list(AuctionRules rules, CommandContext ctx, ListAuction c, Fund fund) {
        ExchangeState state = rules.state;
        Rejection.check(c.stepMs() == null, RejectCode.INVALID_FIELD, "stepMs applies to DUTCH auctions only");
        rules.lifecycle.checkLot(ctx, fund, c.units());
        AuctionRules.positive(c.startingPrice(), "startingPrice");
        Price reserve = c.reservePrice() == null ? c.startingPrice() : c.reservePrice();
        AuctionRules.positive(reserve, "reservePrice");
        Rejection.check(reserve.compareTo(c.startingPrice()) >= 0, RejectCode.INVALID_FIELD,
                "reservePrice must not be below startingPrice");
        check(c);
        Rejection.check(c.startsAt() >= 0 && c.endsAt() > c.startsAt(), RejectCode.INVALID_FIELD, "endsAt must follow startsAt");
        Rejection.check(c.endsAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "endsAt is in the past");
        AuctionTerms terms = terms(c, reserve, state.parameters);
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), reserve));
        if (state.rulesVersion < RulesVersion.AUCTION_MATCH_AFTER_CLOSE) {
            return List.of(new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                    c.startingPrice(), 0, c.mechanism(), terms, ListingLifecycle.rofrOf(fund)));
        }
        TransferNotices.Opening opening = rules.notices.open(ctx.index(), ctx.time(), fund, ctx.actorId(), null, c.units(),
                c.startingPrice(), c.endsAt(), true);
        ListingSubmitted submitted = new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                c.startingPrice(), 0, c.mechanism(), terms, opening.rofr());
        return opening.notice() == null ? List.of(submitted) : List.of(submitted, opening.notice());
    }

    /** A bid is at least the starting price, and its consideration for the whole lot is representable. */
    @Override
    public final void checkBidPrice(Listing listing, Price price) {
        Rejection.check(price.compareTo(listing.auction().startingPrice()) >= 0, RejectCode.BID_TOO_LOW,
                "a bid must be at least the starting price " + listing.auction().startingPrice());
        TradeTerms.overflowChecked(() -> Pricing.consideration(listing.units(), price));
    }

    /** The starting price: no bid below it wins. */
    @Override
    public final Price lowestPrice(Price startingPrice, Price reservePrice) {
        return startingPrice;
    }

    /** Offered at the starting price; a journal of rules version 2 offered at the reserve, and still does. */
    @Override
    public final Price offeredPrice(Listing listing, long time, int rulesVersion) {
        AuctionTerms terms = listing.auction();
        return rulesVersion < RulesVersion.AUCTIONS_OFFERED_AT_START ? terms.reservePrice() : terms.startingPrice();
    }
}
