package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.DepositReleased;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ClockTerms.ClockBid;
import fundexchange.protocol.listing.ClockTerms.ClockListing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.refusal.Refusal;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ascending clock auction (rules version 12, issue 17's M9): a listing with its {@code ClockListing}, bidders
 * staying in round by round at the clock's price (newcomers only in the round the bidding opens in), each refusal of the clock, the close (the highest bid at its own
 * price, or expiry below the reserve), deposits, the offered price and the version gate. Whole event sequences; after
 * each test the journal replays to the same documents and state hash, and the state restores from its snapshot.
 */
class ClockAuctionTest {
    private static final String FUND = "DGF3";
    private static final long MINUTE = 60_000L;
    private static final long ROUND = 10 * MINUTE;
    private static final long HOUR = 60 * MINUTE;
    private static final Units LOT = Units.of("1000.00");
    private static final ClockListing CLOCK = new ClockListing(Price.of("0.0500"), ROUND);
    private Market m;
    private Scenario s;

    @AfterEach
    void replayAndSnapshotAgree() {
        m.replayCheckingInvariants();
        assertEquals(s.engine.stateHash(), Engine.restore(s.engine.snapshot()).stateHash(), "restored from a snapshot");
    }

    private void market(int rulesVersion) {
        m = Market.withCalendars(rulesVersion).participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).participant("Investor-08", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
        s = m.s;
    }

    /** A clock from 1.0000 rising 0.0500 every 10 minutes for an hour (rounds 0 to 5), from now. */
    private ListAuction clock(String reserve, Money deposit, ClockListing terms) {
        return new ListAuction(FUND, ListingMechanism.CLOCK, LOT, Price.of("1.0000"),
                reserve == null ? null : Price.of(reserve), null, s.time, s.time + HOUR, null, null, false, null,
                deposit, null, terms);
    }

    private long opened(ListAuction auction) {
        long id = m.ok("Holder-01", auction).sourceIndex();
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
        return id;
    }

    private static PlaceBid stay(long listingId, String price, int round) {
        return new PlaceBid(listingId, Price.of(price), null, new ClockBid(round));
    }

    /** {@code investor} stays in {@code round} at {@code price}: the whole document is one {@code BidPlaced}. */
    private long stays(String investor, int pseudonym, long listingId, String price, int round) {
        EventDocument doc = m.ok(investor, stay(listingId, price, round));
        assertEquals(List.of(new BidPlaced(listingId, doc.sourceIndex(), investor, pseudonym, Price.of(price),
                endsAt(listingId), false, new ClockBid(round))), doc.events());
        return doc.sourceIndex();
    }

    private long endsAt(long listingId) {
        return s.engine.state().listings.get(listingId).auction().endsAt();
    }

    private void refused(String participant, Command command, Refusal code, String message) {
        EventDocument doc = s.by(participant, command);
        assertEquals(Outcome.rejected(code.code(), code.name(), message), doc.outcome());
        assertEquals(List.of(), doc.events());
    }

    private EventDocument tickAt(long time) {
        s.time = time;
        return Market.accepted(s.unsigned(new Tick()).last);
    }

    private TradeExecuted trade(long index, long listingId, String buyer, String price, long at) {
        Price p = Price.of(price);
        return new TradeExecuted(index * 4096, listingId, FUND, "Holder-01", buyer, LOT, p, Pricing.consideration(LOT, p),
                Pricing.percentOfNavBasisPoints(p, Price.of("1.5000")), Multiple.of(price), true, Scenario.settleBy(at));
    }

    private static ClosedBid closed(long bidId, String bidder, int pseudonym, String price, BidStatus status) {
        return new ClosedBid(bidId, bidder, pseudonym, Price.of(price), status, null, null, null);
    }

    @Test
    void biddersStayInRoundByRoundAndTheHighestBidWinsAtItsOwnPriceAtTheClose() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        EventDocument listed = m.ok("Holder-01", clock("1.1000", null, CLOCK));
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", null, LOT, Price.of("1.0000"), 0,
                ListingMechanism.CLOCK, new AuctionTerms(Price.of("1.0000"), Price.of("1.1000"), null, start,
                start + HOUR, 0, 0, false, null), RofrStatus.NOT_APPLICABLE, null, CLOCK)), listed.events());
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());

        long a0 = stays("Investor-07", 1, id, "1.0000", 0);
        long b0 = stays("Investor-08", 2, id, "1.0000", 0);
        s.time = start + ROUND;
        long a1 = stays("Investor-07", 1, id, "1.0500", 1);
        long b1 = stays("Investor-08", 2, id, "1.0500", 1);
        s.time = start + 2 * ROUND + 1;
        long a2 = stays("Investor-07", 1, id, "1.1000", 2);
        s.time = start + 3 * ROUND;
        refused("Investor-08", stay(id, "1.1500", 3), ClockTerms.Refusal.NOT_IN_PREVIOUS_ROUND,
                "you did not stay in round 2, so you cannot bid in round 3 / 您未参与第 2 轮，不能在第 3 轮出价");

        assertEquals(List.of(), tickAt(start + HOUR - 1).events(), "a round without bids closes nothing early");
        EventDocument close = tickAt(start + HOUR);
        assertEquals(List.of(new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                        closed(a2, "Investor-07", 1, "1.1000", BidStatus.WON),
                        closed(a1, "Investor-07", 1, "1.0500", BidStatus.LOST),
                        closed(b1, "Investor-08", 2, "1.0500", BidStatus.LOST),
                        closed(a0, "Investor-07", 1, "1.0000", BidStatus.LOST),
                        closed(b0, "Investor-08", 2, "1.0000", BidStatus.LOST)), a2, Price.of("1.1000")),
                trade(close.sourceIndex(), id, "Investor-07", "1.1000", start + HOUR)), close.events());
        m.refused("Investor-07", stay(id, "1.3000", 6), RejectCode.LISTING_NOT_OPEN);
    }

    @Test
    void everyRefusalOfTheClockNamesTheRoundAndItsPrice() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        long id = opened(clock(null, null, CLOCK));
        stays("Investor-07", 1, id, "1.0000", 0);
        refused("Investor-08", stay(id, "1.0500", 1), ClockTerms.Refusal.ROUND_CLOSED,
                "round 1 has not begun: the clock is in round 0 at 1.0000 / 第 1 轮尚未开始：时钟现为第 0 轮，价格 1.0000");
        refused("Investor-07", stay(id, "1.0000", 0), ClockTerms.Refusal.ALREADY_IN_ROUND,
                "you already stay in round 0 / 您已参与第 0 轮");
        s.time = start + ROUND;
        refused("Investor-08", stay(id, "1.0000", 0), ClockTerms.Refusal.ROUND_CLOSED,
                "round 0 has closed: the clock is in round 1 at 1.0500 / 第 0 轮已结束：时钟现为第 1 轮，价格 1.0500");
        refused("Investor-07", stay(id, "1.0000", 1), ClockTerms.Refusal.ROUND_PRICE_MISMATCH,
                "round 1's price is 1.0500, not 1.0000 / 第 1 轮的价格为 1.0500，而非 1.0000");
        refused("Investor-08", stay(id, "1.0500", 1), ClockTerms.Refusal.NOT_IN_PREVIOUS_ROUND,
                "you did not stay in round 0, so you cannot bid in round 1 / 您未参与第 0 轮，不能在第 1 轮出价");
        refused("Investor-07", stay(id, "1.0500", -1), RejectCode.INVALID_FIELD,
                "terms.round must not be negative / terms.round 不得为负数");
        refused("Investor-07", new PlaceBid(id, Price.of("1.0500"), null), RejectCode.INVALID_FIELD,
                "bids on CLOCK listings take terms of type ClockBid / CLOCK 挂牌的出价须附 ClockBid 类机制条款");
        refused("Investor-07", new PlaceBid(id, Price.of("1.0500"), Units.of("100.00"), new ClockBid(1)),
                RejectCode.INVALID_FIELD, "units does not apply to bids on CLOCK listings (their own fields are in terms)"
                        + " / units 不适用于 CLOCK 挂牌的出价（其字段在机制条款中）");
        long b1 = stays("Investor-07", 1, id, "1.0500", 1);
        m.refused("Investor-07", new CancelBid(b1), RejectCode.BID_BINDING);
    }

    @Test
    void aListingTakesItsClockInItsTermsAndNoFrozenFieldBesideThem() {
        market(RulesVersion.CURRENT);
        String frozen = " does not apply to CLOCK listings (their own fields are in terms) / ";
        refused("Holder-01", clock(null, null, null), RejectCode.INVALID_FIELD,
                "CLOCK listings take terms of type ClockListing / CLOCK 挂牌须附 ClockListing 类机制条款");
        refused("Holder-01", new ListAuction(FUND, ListingMechanism.CLOCK, LOT, Price.of("1.0000"), null,
                Price.of("0.0500"), s.time, s.time + HOUR, null, null, false, null, null, null, CLOCK),
                RejectCode.INVALID_FIELD, "minIncrement" + frozen + "minIncrement 不适用于 CLOCK 挂牌（其字段在机制条款中）");
        refused("Holder-01", new ListAuction(FUND, ListingMechanism.CLOCK, LOT, Price.of("1.0000"), null, null, s.time,
                s.time + HOUR, null, null, false, ROUND, null, null, CLOCK),
                RejectCode.INVALID_FIELD, "stepMs" + frozen + "stepMs 不适用于 CLOCK 挂牌（其字段在机制条款中）");
        m.refused("Holder-01", clock(null, null, new ClockListing(Price.ZERO, ROUND)), RejectCode.NOT_POSITIVE);
        String rounds = "terms.roundMs must be at least 1 s and divide the window into whole rounds"
                + " / terms.roundMs 须不少于 1 秒，且竞价时段须为整数轮";
        for (long roundMs : new long[] {0, 999, 7 * MINUTE, HOUR + 1}) {
            refused("Holder-01", clock(null, null, new ClockListing(Price.of("0.0500"), roundMs)), RejectCode.INVALID_FIELD,
                    rounds);
        }
        refused("Holder-01", clock("0.9000", null, CLOCK), RejectCode.INVALID_FIELD,
                "reservePrice must not be below startingPrice / reservePrice 不得低于 startingPrice");
        refused("Holder-01", clock("1.2600", null, CLOCK), RejectCode.INVALID_FIELD,
                "reservePrice must not exceed the last round's price 1.2500 / reservePrice 不得高于最后一轮价格 1.2500");
        m.refused("Holder-01", clock(null, null, new ClockListing(new Price(Long.MAX_VALUE / 4), ROUND)),
                RejectCode.ARITHMETIC_OVERFLOW);
        refused("Holder-01", new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, Price.of("1.0000"), null,
                Price.of("0.0500"), s.time, s.time + HOUR, null, null, false, null, null, null, CLOCK),
                RejectCode.INVALID_FIELD, "ENGLISH listings take no terms / ENGLISH 挂牌不接受机制条款");
    }

    /**
     * Newcomers enter only in the round the bidding opens in: round 0, or, when nobody bid earlier (as on a listing
     * staff opened late), the round of the first bid; from the next round only those in stay in.
     */
    @Test
    void biddingOpensInTheRoundOfItsFirstBidWhichAloneAdmitsNewcomers() {
        market(RulesVersion.CURRENT);
        m.participant("Investor-09", Role.INVESTOR);
        long start = s.time;
        long id = opened(clock(null, null, CLOCK));
        s.time = start + 2 * ROUND;
        long a2 = stays("Investor-07", 1, id, "1.1000", 2);
        long b2 = stays("Investor-08", 2, id, "1.1000", 2);
        s.time = start + 3 * ROUND;
        refused("Investor-09", stay(id, "1.1500", 3), ClockTerms.Refusal.NOT_IN_PREVIOUS_ROUND,
                "you did not stay in round 2, so you cannot bid in round 3 / 您未参与第 2 轮，不能在第 3 轮出价");
        long b3 = stays("Investor-08", 2, id, "1.1500", 3);
        EventDocument close = tickAt(start + HOUR);
        assertEquals(List.of(new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                        closed(b3, "Investor-08", 2, "1.1500", BidStatus.WON),
                        closed(a2, "Investor-07", 1, "1.1000", BidStatus.LOST),
                        closed(b2, "Investor-08", 2, "1.1000", BidStatus.LOST)), b3, Price.of("1.1500")),
                trade(close.sourceIndex(), id, "Investor-08", "1.1500", start + HOUR)), close.events());
    }

    @Test
    void aClockWhoseHighestBidMissesTheHiddenReserveExpires() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        long id = opened(clock("1.2000", null, CLOCK));
        long a0 = stays("Investor-07", 1, id, "1.0000", 0);
        s.time = start + ROUND;
        long a1 = stays("Investor-07", 1, id, "1.0500", 1);
        assertEquals(List.of(new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                        closed(a1, "Investor-07", 1, "1.0500", BidStatus.LOST),
                        closed(a0, "Investor-07", 1, "1.0000", BidStatus.LOST)), 0, null),
                new ListingExpired(id, LOT)), tickAt(start + HOUR).events());
    }

    @Test
    void whileTwoStayInTheLastRoundTheClockGoesOnARoundAndTheLastOneStandingWins() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        long id = opened(clock(null, null, new ClockListing(Price.of("0.0500"), 30 * MINUTE)));
        long a0 = stays("Investor-07", 1, id, "1.0000", 0);
        long b0 = stays("Investor-08", 2, id, "1.0000", 0);
        s.time = start + 30 * MINUTE;
        long a1 = stays("Investor-07", 1, id, "1.0500", 1);
        EventDocument second = m.ok("Investor-08", stay(id, "1.0500", 1));
        assertEquals(List.of(new BidPlaced(id, second.sourceIndex(), "Investor-08", 2, Price.of("1.0500"),
                start + HOUR + 30 * MINUTE, true, new ClockBid(1))), second.events(),
                "a second bidder in the window's last round extends it by a round");
        assertEquals(List.of(), tickAt(start + HOUR).events(), "the old end closes nothing");
        long a2 = stays("Investor-07", 1, id, "1.1000", 2);
        EventDocument close = tickAt(start + HOUR + 30 * MINUTE);
        assertEquals(List.of(new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                        closed(a2, "Investor-07", 1, "1.1000", BidStatus.WON),
                        closed(a1, "Investor-07", 1, "1.0500", BidStatus.LOST),
                        closed(second.sourceIndex(), "Investor-08", 2, "1.0500", BidStatus.LOST),
                        closed(a0, "Investor-07", 1, "1.0000", BidStatus.LOST),
                        closed(b0, "Investor-08", 2, "1.0000", BidStatus.LOST)), a2, Price.of("1.1000")),
                trade(close.sourceIndex(), id, "Investor-07", "1.1000", start + HOUR + 30 * MINUTE)), close.events(),
                "the one left in the extra round wins at its price");
    }

    @Test
    void biddersWhoAllDropOutTogetherLeaveTheLotToTheEarliestBidOfTheLastRound() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        long id = opened(clock(null, null, CLOCK));
        long a0 = stays("Investor-08", 1, id, "1.0000", 0);
        long b0 = stays("Investor-07", 2, id, "1.0000", 0);
        EventDocument close = tickAt(start + HOUR);
        assertEquals(List.of(new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                        closed(a0, "Investor-08", 1, "1.0000", BidStatus.WON),
                        closed(b0, "Investor-07", 2, "1.0000", BidStatus.LOST)), a0, Price.of("1.0000")),
                trade(close.sourceIndex(), id, "Investor-08", "1.0000", start + HOUR)), close.events());
    }

    @Test
    void eachBiddersFirstBidLocksTheDepositAndTheCloseHoldsTheWinnersAndReleasesTheRest() {
        market(RulesVersion.CURRENT);
        m.participant("Bank-01", Role.BANK); // its cash accounts; trades are then settled delivery versus payment
        String today = java.time.Instant.ofEpochMilli(s.time).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("5000.00"), "BR-1", today));
        m.ok("Bank-01", new RecordCashReceipt("Investor-08", "CNY", Money.of("5000.00"), "BR-2", today));
        long start = s.time;
        long id = opened(clock(null, Money.of("100.00"), CLOCK));
        EventDocument first = m.ok("Investor-07", stay(id, "1.0000", 0));
        assertEquals(List.of(new DepositLocked(id, "Investor-07", "CNY", Money.of("100.00")), new BidPlaced(id,
                first.sourceIndex(), "Investor-07", 1, Price.of("1.0000"), start + HOUR, false, new ClockBid(0))),
                first.events());
        EventDocument rival = m.ok("Investor-08", stay(id, "1.0000", 0));
        assertEquals(List.of(new DepositLocked(id, "Investor-08", "CNY", Money.of("100.00")), new BidPlaced(id,
                rival.sourceIndex(), "Investor-08", 2, Price.of("1.0000"), start + HOUR, false, new ClockBid(0))),
                rival.events());
        s.time = start + ROUND;
        long a1 = stays("Investor-07", 1, id, "1.0500", 1);
        EventDocument close = tickAt(start + HOUR);
        AuctionClosed closed = new AuctionClosed(id, ListingMechanism.CLOCK, List.of(
                closed(a1, "Investor-07", 1, "1.0500", BidStatus.WON),
                closed(first.sourceIndex(), "Investor-07", 1, "1.0000", BidStatus.LOST),
                closed(rival.sourceIndex(), "Investor-08", 2, "1.0000", BidStatus.LOST)), a1, Price.of("1.0500"));
        TradeExecuted trade = (TradeExecuted) close.events().get(2);
        assertEquals(List.of(closed, new DepositReleased(id, "Investor-08", "CNY", Money.of("100.00")), trade,
                new DepositHeldForTrade(id, trade.tradeId(), "Investor-07", "CNY", Money.of("100.00"))), close.events());
        assertEquals(List.of("Investor-07", LOT, Price.of("1.0500"), Money.of("100.00")), List.of(trade.buyer(),
                trade.units(), trade.price(), trade.buyerFee()), "the winner buys the lot at its bid, the fee its minimum");
    }

    @Test
    void anIntentIsOfferedTheClocksPriceOfItsTimeNeverTheReserve() {
        market(RulesVersion.CURRENT);
        long start = s.time;
        long id = opened(clock("1.2500", null, CLOCK));
        var listing = s.engine.state().listings.get(id);
        int version = RulesVersion.CURRENT;
        assertEquals(Price.of("1.0000"), ClockAuction.RULES.offeredPrice(listing, start - 1, version));
        assertEquals(Price.of("1.0000"), ClockAuction.RULES.offeredPrice(listing, start + ROUND - 1, version));
        assertEquals(Price.of("1.1500"), ClockAuction.RULES.offeredPrice(listing, start + 3 * ROUND, version));
        assertEquals(Price.of("1.2500"), ClockAuction.RULES.offeredPrice(listing, start + HOUR, version));
    }

    @Test
    void theClocksRuleIsExactInFixedPoint() {
        m = new Market();
        s = m.s;
        assertEquals(List.of(0L, 0L, 0L, 1L, 5L), List.of(ClockTerms.roundAt(1_000, 100, 0),
                ClockTerms.roundAt(1_000, 100, 1_000), ClockTerms.roundAt(1_000, 100, 1_099),
                ClockTerms.roundAt(1_000, 100, 1_100), ClockTerms.roundAt(1_000, 100, 1_599)));
        assertEquals(Price.of("1.2500"), ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0500"), 5));
        assertEquals(Price.of("1.0000"), ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0500"), 0));
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> ClockTerms.priceOfRound(Price.of("1.0000"), new Price(Long.MAX_VALUE / 2), 2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClockTerms.priceOfRound(Price.of("1.0000"), Price.of("0.0500"), -1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClockTerms.roundAt(0, 0, 1));
    }

    @Test
    void aVersionElevenJournalRefusesAClockAuctionAndDecidesTheRestAsBefore() {
        market(RulesVersion.MECHANISM_TERMS);
        String noAuction = "mechanism must be ENGLISH or SEALED (negotiated listings use ListNegotiated)";
        refused("Holder-01", clock(null, null, CLOCK), RejectCode.INVALID_FIELD, noAuction);
        refused("Holder-01", clock(null, null, null), RejectCode.INVALID_FIELD, noAuction);
        EventDocument fee = s.by("Staff-01", new Propose(new SetPlatformParameter("fee-clock-minimum", "50.00")));
        assertEquals(Outcome.rejected(RejectCode.INVALID_PARAMETER.code(), RejectCode.INVALID_PARAMETER.name(),
                "unknown platform parameter fee-clock-minimum"), fee.outcome());
        long start = s.time;
        ListAuction english = new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, Price.of("1.0000"), null,
                Price.of("0.0500"), start, start + HOUR, null, null, false, null);
        EventDocument listed = m.ok("Holder-01", english);
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", null, LOT, Price.of("1.0000"), 0,
                ListingMechanism.ENGLISH, new AuctionTerms(Price.of("1.0000"), Price.of("1.0000"), Price.of("0.0500"),
                        start, start + HOUR, 300_000L, 300_000L, false, null), RofrStatus.NOT_APPLICABLE)),
                listed.events());
        m.ok("Staff-02", new ApproveListing(id));
        refused("Investor-07", stay(id, "1.0000", 0), RejectCode.INVALID_FIELD,
                "bids on ENGLISH listings take no terms / ENGLISH 挂牌的出价不接受机制条款");
        EventDocument bid = m.ok("Investor-07", new PlaceBid(id, Price.of("1.0000"), null));
        assertEquals(List.of(new BidPlaced(id, bid.sourceIndex(), "Investor-07", 1, Price.of("1.0000"), start + HOUR,
                false)), bid.events());
    }

    @Test
    void fromVersionTwelveTheClocksFeeParametersAreSetByMakerChecker() {
        market(RulesVersion.CLOCK_AUCTION);
        m.approved(new SetPlatformParameter("fee-clock-minimum", "50.00"));
        assertEquals(new fundexchange.protocol.reference.FeeSchedule.Rate(10, 10, Money.of("50.00"),
                Money.of("50000.00")), s.engine.state().parameters.fee("clock"));
    }
}
