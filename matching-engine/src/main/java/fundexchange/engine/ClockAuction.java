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
 * when staff opened the listing late), and one who drops out never comes back. Bids bind. At the window's end {@link AuctionClose} awards the lot to the highest
 * bid at its own price (the earliest of equal bids), if at least the hidden reserve; there is no early close, so a
 * bidder left alone need not bid again: its last bid wins at the end, as it would have when its rivals dropped out.
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
                "reservePrice must not be below startingPrice");
        AuctionRules.positive(clock.increment(), "terms.increment");
        Rejection.check(c.startsAt() >= 0 && c.endsAt() > c.startsAt(), RejectCode.INVALID_FIELD, "endsAt must follow startsAt");
        Rejection.check(c.endsAt() > ctx.time(), RejectCode.EXPIRY_IN_PAST, "endsAt is in the past");
        Rejection.check(clock.roundMs() > 0 && clock.roundMs() <= c.endsAt() - c.startsAt(), RejectCode.INVALID_FIELD,
                "terms.roundMs must be positive and at most the window / terms.roundMs 须为正数且不超过竞价时段");
        long last = ClockTerms.roundAt(c.startsAt(), clock.roundMs(), c.endsAt() - 1);
        Rejection.check(last <= Integer.MAX_VALUE, RejectCode.INVALID_FIELD,
                "terms.roundMs is too short for the window / terms.roundMs 过短，竞价时段内轮次过多");
        // The last round's price for the whole lot is representable, so every bid's is.
        Price top = TradeTerms.overflowChecked(() -> ClockTerms.priceOfRound(c.startingPrice(), clock.increment(), last));
        TradeTerms.overflowChecked(() -> Pricing.consideration(c.units(), top.compareTo(reserve) > 0 ? top : reserve));
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
        List<Bid> bids = rules.state.bidsOn(listing.listingId());
        List<Integer> rounds = roundsOf(bids, ctx.actorId());
        Rejection.check(!rounds.contains(round), ClockTerms.Refusal.ALREADY_IN_ROUND,
                "you already stay in round " + round + " / 您已参与第 " + round + " 轮");
        Rejection.check(round == openingRound(bids, round) || rounds.contains(round - 1), ClockTerms.Refusal.NOT_IN_PREVIOUS_ROUND,
                "you did not stay in round " + (round - 1) + ", so you cannot bid in round " + round
                        + " / 您未参与第 " + (round - 1) + " 轮，不能在第 " + round + " 轮出价");
        List<Event> events = new ArrayList<>(rules.deposits.forBid(listing, ctx.actorId()));
        events.add(new BidPlaced(listing.listingId(), ctx.index(), ctx.actorId(),
                rules.pseudonym(listing.listingId(), ctx.actorId()), price, auction.endsAt(), false));
        return events;
    }

    /** The rounds {@code bidder} has stayed in, of the listing's {@code bids} in journal order. */
    private static List<Integer> roundsOf(List<Bid> bids, String bidder) {
        List<Integer> rounds = new ArrayList<>();
        for (Bid bid : bids) {
            if (bid.bidder().equals(bidder) && bid.terms() instanceof ClockBid stayed) {
                rounds.add(stayed.round());
            }
        }
        return rounds;
    }

    /**
     * The round the bidding opened in, the only one a bidder not yet in may enter: its first bid's (rounds never fall
     * in journal order), or the {@code current} round while the listing has none.
     */
    private static int openingRound(List<Bid> bids, int current) {
        return !bids.isEmpty() && bids.getFirst().terms() instanceof ClockBid first ? first.round() : current;
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
