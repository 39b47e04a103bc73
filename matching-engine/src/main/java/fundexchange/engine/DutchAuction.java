package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.DutchClock;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import java.util.List;

/**
 * Dutch auctions (降价拍卖): the clock price falls from the start by a decrement every step down to the floor (the
 * seller's reserve). An eligible investor accepts a multiple of the fund's lot (its minimum transfer), at most the
 * units left, and trades at once at the clock price of its command's time. The window's end releases what is unsold
 * ({@link AuctionClose} with no bids).
 */
final class DutchAuction implements AuctionMechanism {
    static final DutchAuction RULES = new DutchAuction();

    private DutchAuction() {
    }

    @Override
    public List<Event> list(AuctionRules rules, CommandContext ctx, ListAuction c, Fund fund) {
        rules.lifecycle.checkLot(ctx, fund, c.units());
        onLot(c.units(), fund);
        AuctionRules.positive(c.startingPrice(), "startingPrice");
        AuctionRules.positive(c.reservePrice(), "reservePrice");
        AuctionRules.positive(c.minIncrement(), "minIncrement");
        Rejection.check(c.reservePrice().compareTo(c.startingPrice()) <= 0, RejectCode.INVALID_FIELD,
                "reservePrice (the floor) must not exceed startingPrice");
        Rejection.check(c.extensionWindowMs() == null && c.extensionMs() == null && !c.secondPrice(),
                RejectCode.INVALID_FIELD, "extensions and secondPrice do not apply to DUTCH auctions");
        Rejection.check(c.startsAt() >= 0 && c.endsAt() > c.startsAt(), RejectCode.INVALID_FIELD, "endsAt must follow startsAt");
        Rejection.check(c.endsAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "endsAt is in the past");
        Validation.present(c.stepMs(), "stepMs");
        Rejection.check(c.stepMs() > 0 && c.stepMs() <= c.endsAt() - c.startsAt(), RejectCode.INVALID_FIELD,
                "stepMs must be positive and at most the window");
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), c.startingPrice()));
        AuctionTerms auction = new AuctionTerms(c.startingPrice(), c.reservePrice(), c.minIncrement(), c.startsAt(),
                c.endsAt(), 0, 0, false, c.stepMs());
        return List.of(new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                c.startingPrice(), 0, ListingMechanism.DUTCH, auction, ListingLifecycle.rofrOf(fund)));
    }

    /** Any price is taken to the clock, which {@link #accept} compares. */
    @Override
    public void checkBidPrice(Listing listing, Price price) {
    }

    /** The floor: the seller's reserve. */
    @Override
    public Price lowestPrice(Price startingPrice, Price reservePrice) {
        return reservePrice;
    }

    /** The clock's price at {@code time}; never the floor, which investors never learn. */
    @Override
    public Price offeredPrice(Listing listing, long time, int rulesVersion) {
        return DutchClock.price(listing.auction(), time);
    }

    @Override
    public boolean paysSecondPrice(AuctionTerms terms) {
        return false;
    }

    @Override
    public boolean bidsWithdrawable() {
        return false;
    }

    /** Released without a rules version of its own: in every version the engine decides. */
    @Override
    public boolean inRules(int rulesVersion) {
        return true;
    }

    /** An acceptance of {@code c.units()} on a running Dutch auction. */
    @Override
    public List<Event> bid(AuctionRules rules, CommandContext ctx, PlaceBid c) {
        return accept(rules, ctx, c, rules.biddable(ctx, c.listingId(), ListingMechanism.DUTCH, c.price()));
    }

    /** An acceptance of {@code c.units()} on a running Dutch {@code listing}, the bidder already found eligible. */
    private List<Event> accept(AuctionRules rules, CommandContext ctx, PlaceBid c, Listing listing) {
        Fund fund = rules.lifecycle.fund(listing.fundCode());
        Validation.present(c.units(), "units");
        Rejection.check(c.units().positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        onLot(c.units(), fund);
        Rejection.check(c.units().compareTo(listing.units()) <= 0, DutchClock.Refusal.UNITS_NOT_LEFT,
                "the auction has " + listing.units() + " units left");
        AuctionRules.positive(c.price(), "price");
        Price clock = DutchClock.price(listing.auction(), ctx.time());
        Rejection.check(c.price().compareTo(clock) >= 0, DutchClock.Refusal.CLOCK_ABOVE_BID,
                "the clock price is " + clock + ", above your price " + c.price());
        // The seller's refusal names it and may tell its acquisition: the buyer learns only that it cannot sell now.
        Rejection.check(rules.checks.seller(listing.seller(), fund, ctx.date()) == null, RejectCode.SELLER_NOT_ELIGIBLE,
                "the seller cannot sell these units now");
        rules.lifecycle.stateOwned.checkDeal(ctx, listing);
        fundexchange.protocol.event.TradeExecuted trade = rules.tradeTerms.accepted(rules.tradeTerms.trade(ctx.index(),
                ctx.firstFill(), ctx.time(), listing.listingId(), fund, listing.seller(), ctx.actorId(), c.units(), clock));
        List<Event> events = new java.util.ArrayList<>(rules.deposits.forTrade(listing, ctx.actorId(),
                trade.units(), trade.consideration()));
        events.add(trade);
        events.addAll(rules.lifecycle.stateOwned.announce(trade));
        return events;
    }

    /** Units are a multiple of the fund's lot, its minimum transfer (any amount when the fund sets none). */
    private static void onLot(Units units, Fund fund) {
        long lot = fund.minTransferUnits().raw();
        Rejection.check(lot == 0 || units.raw() % lot == 0, RejectCode.NOT_LOT_MULTIPLE,
                "units must be a multiple of the fund's lot " + fund.minTransferUnits());
    }
}
