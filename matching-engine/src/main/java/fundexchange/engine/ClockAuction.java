package fundexchange.engine;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ClockTerms.ClockBid;
import fundexchange.protocol.listing.ClockTerms.ClockListing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.reference.Fund;
import java.util.ArrayList;
import java.util.List;

/**
 * Ascending clock auctions (日式拍卖, rules version 12; docs/rules.md, the CLOCK auction row): the price of round {@code r}
 * is the starting price plus {@code r} increments ({@link ClockTerms}). An eligible investor stays in round {@code r}
 * by a bid at exactly its price, and only if it stayed in round {@code r - 1}: as in a Japanese auction, bidders enter
 * only in the round the bidding opens in (the round of the listing's first bid: round 0 unless nobody bid earlier, as
 * when staff opened the listing late; a state-owned seller's not before its disclosure ends), and one who drops out
 * never comes back. Bids bind. While two or more stay in the window's last round it grows by a round, so the clock
 * rises until at most one is left; at the end {@link AuctionClose} awards the lot to the highest bid at its own price
 * (the earliest of equal bids), if at least the hidden reserve. A bidder left alone need not bid again: its last bid wins.
 */
final class ClockAuction implements AuctionMechanism {
    static final ClockAuction RULES = new ClockAuction();

    private ClockAuction() {
    }

    @Override
    public List<Event> list(AuctionRules rules, CommandContext ctx, ListAuction c, Fund fund) {
        ClockListing clock = (ClockListing) c.terms(); // MechanismTerms required exactly this record
        rules.lifecycle.checkLot(ctx, fund, c.units());
        AuctionRules.positive(c.startingPrice(), "startingPrice");
        Price reserve = c.reservePrice() == null ? c.startingPrice() : c.reservePrice();
        AuctionRules.positive(reserve, "reservePrice");
        Rejection.check(reserve.compareTo(c.startingPrice()) >= 0, RejectCode.INVALID_FIELD,
                "reservePrice must not be below startingPrice / reservePrice 不得低于 startingPrice");
        AuctionRules.positive(clock.increment(), "terms.increment");
        Rejection.check(c.startsAt() >= 0 && c.endsAt() > c.startsAt(), RejectCode.INVALID_FIELD, "endsAt must follow startsAt");
        Rejection.check(c.endsAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "endsAt is in the past");
        Rejection.check(ClockTerms.wholeRounds(c.startsAt(), c.endsAt(), clock.roundMs()), RejectCode.INVALID_FIELD,
                "terms.roundMs must be at least 1 s and divide the window into whole rounds"
                        + " / terms.roundMs 须不少于 1 秒，且竞价时段须为整数轮");
        long last = ClockTerms.roundAt(c.startsAt(), clock.roundMs(), c.endsAt() - 1);
        Rejection.check(last < Integer.MAX_VALUE, RejectCode.INVALID_FIELD,
                "terms.roundMs is too short for the window / terms.roundMs 过短，竞价时段内轮次过多");
        // The last round's price for the whole lot is representable, so every bid's is; a reserve above it never sells.
        Price top = TradeTerms.overflowChecked(() -> ClockTerms.priceOfRound(c.startingPrice(), clock.increment(), last));
        Rejection.check(reserve.compareTo(top) <= 0, RejectCode.INVALID_FIELD, "reservePrice must not exceed the last"
                + " round's price " + top + " / reservePrice 不得高于最后一轮价格 " + top);
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), top));
        AuctionTerms auction = new AuctionTerms(c.startingPrice(), reserve, null, c.startsAt(), c.endsAt(), 0, 0, false,
                null);
        TransferNotices.Opening opening = rules.notices.open(ctx.index(), ctx.time(), fund, ctx.actorId(), null,
                c.units(), c.startingPrice(), c.endsAt(), true);
        ListingSubmitted submitted = new ListingSubmitted(ctx.index(), fund.fundCode(), ctx.actorId(), null, c.units(),
                c.startingPrice(), 0, ListingMechanism.CLOCK, auction, opening.rofr());
        return opening.notice() == null ? List.of(submitted) : List.of(submitted, opening.notice());
    }

    /** A bid that stays in the round its {@code ClockBid} names, at that round's price. */
    @Override
    public List<Event> bid(AuctionRules rules, CommandContext ctx, PlaceBid c) {
        Listing listing = rules.biddable(ctx, c.listingId(), ListingMechanism.CLOCK, c.price());
        // A state-owned seller's public disclosure: nobody enters before it ends, so nobody is shut out during it.
        rules.lifecycle.stateOwned.checkDeal(ctx, listing);
        ClockListing clock = (ClockListing) listing.terms();
        AuctionTerms auction = listing.auction();
        int round = ((ClockBid) c.terms()).round(); // MechanismTerms required exactly this record
        Rejection.check(round >= 0, RejectCode.INVALID_FIELD, "terms.round must not be negative / terms.round 不得为负数");
        long now = ClockTerms.roundAt(auction.startsAt(), clock.roundMs(), ctx.time());
        Price price = ClockTerms.priceOfRound(auction.startingPrice(), clock.increment(), now);
        Rejection.check(round <= now, ClockTerms.Refusal.ROUND_CLOSED, "round " + round + " has not begun: the clock is"
                + " in round " + now + " at " + price + " / 第 " + round + " 轮尚未开始：时钟现为第 " + now + " 轮，价格 " + price);
        Rejection.check(round == now, ClockTerms.Refusal.ROUND_CLOSED, "round " + round + " has closed: the clock is in"
                + " round " + now + " at " + price + " / 第 " + round + " 轮已结束：时钟现为第 " + now + " 轮，价格 " + price);
        Rejection.check(c.price().equals(price), ClockTerms.Refusal.ROUND_PRICE_MISMATCH, "round " + round + "'s price is "
                + price + ", not " + c.price() + " / 第 " + round + " 轮的价格为 " + price + "，而非 " + c.price());
        List<ClockTerms.Stay> stays = rules.state.bidsOn(listing.listingId()).stream()
                .filter(bid -> bid.terms() instanceof ClockBid).map(ClockAuction::stay).toList();
        Rejection.check(!ClockTerms.stays(stays, ctx.actorId(), round), ClockTerms.Refusal.ALREADY_IN_ROUND,
                "you already stay in round " + round + " / 您已参与第 " + round + " 轮");
        Rejection.check(ClockTerms.mayEnter(stays, ctx.actorId(), round), ClockTerms.Refusal.NOT_IN_PREVIOUS_ROUND,
                "you did not stay in round " + (round - 1) + ", so you cannot bid in round " + round
                        + " / 您未参与第 " + (round - 1) + " 轮，不能在第 " + round + " 轮出价");
        // Two or more in the window's last round: the clock goes on a round.
        long last = ClockTerms.roundAt(auction.startsAt(), clock.roundMs(), auction.endsAt() - 1);
        long endsAt = round == last && ClockTerms.rivalIn(stays, ctx.actorId(), round) ? ClockTerms.oneRoundMore(
                auction.startsAt(), auction.endsAt(), clock.roundMs(), auction.startingPrice(), clock.increment(),
                listing.units()) : auction.endsAt();
        List<Event> events = new ArrayList<>(rules.deposits.forBid(listing, ctx.actorId()));
        events.add(new BidPlaced(listing.listingId(), ctx.index(), ctx.actorId(),
                rules.pseudonym(listing.listingId(), ctx.actorId()), price, endsAt, endsAt != auction.endsAt()));
        return events;
    }

    private static ClockTerms.Stay stay(Bid bid) {
        return new ClockTerms.Stay(bid.bidder(), ((ClockBid) bid.terms()).round());
    }

    /** Any price is taken to the round's clock, which {@link #bid} compares knowing the round. */
    @Override
    public void checkBidPrice(Listing listing, Price price) {
    }

    /** The starting price: no bid is below it. */
    @Override
    public Price lowestPrice(Price startingPrice, Price reservePrice) {
        return startingPrice;
    }

    /** The clock's price at {@code time} (its last round's once the window has passed); never the hidden reserve. */
    @Override
    public Price offeredPrice(Listing listing, long time, int rulesVersion) {
        ClockListing clock = (ClockListing) listing.terms();
        AuctionTerms auction = listing.auction();
        long round = ClockTerms.roundAt(auction.startsAt(), clock.roundMs(), Math.min(time, auction.endsAt() - 1));
        return ClockTerms.priceOfRound(auction.startingPrice(), clock.increment(), round);
    }

    @Override
    public boolean paysSecondPrice(AuctionTerms terms) {
        return false;
    }

    @Override
    public boolean bidsWithdrawable() {
        return false;
    }

    /** From rules version 12 ({@link RulesVersion#CLOCK_AUCTION}). */
    @Override
    public boolean inRules(int rulesVersion) {
        return rulesVersion >= RulesVersion.CLOCK_AUCTION;
    }
}
