package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuctionTest {
    private static final String FUND = "DGF3";
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final Units LOT = Units.of("1000.00");
    private final java.util.Map<Long, String> nonces = new java.util.HashMap<>();
    private int noncesIssued;
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market().participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).participant("Investor-08", Role.INVESTOR)
                .participant("Investor-09", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
        s = m.s;
    }

    private ListAuction english(long endsIn) {
        return new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, Price.of("1.0000"), Price.of("1.2000"),
                Price.of("0.0500"), s.time, s.time + endsIn, 5 * MINUTE, 5 * MINUTE, false, null);
    }

    private ListAuction sealed(boolean secondPrice) {
        return new ListAuction(FUND, ListingMechanism.SEALED, LOT, Price.of("1.0000"), Price.of("1.2000"), null,
                s.time, s.time + HOUR, null, null, secondPrice, null);
    }

    private long listedAndOpened(ListAuction auction) {
        long id = m.ok("Holder-01", auction).sourceIndex();
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
        return id;
    }

    private long bid(String investor, long listingId, String price) {
        return m.ok(investor, new PlaceBid(listingId, Price.of(price), null)).sourceIndex();
    }

    private long sealedBid(String investor, long listingId, String price) {
        String nonce = nextNonce();
        long bidId = m.ok(investor, new PlaceSealedBid(listingId, Price.of(price), nonce)).sourceIndex();
        nonces.put(bidId, nonce);
        return bidId;
    }

    /** A fresh nonce per call: the tests' stand-in for the client's random 256 bits. */
    private String nextNonce() {
        return String.format("%064x", ++noncesIssued);
    }

    private SealedBidPlaced sealedPlaced(long listingId, long bidId, String bidder, int pseudonym, String price) {
        String nonce = nonces.get(bidId);
        return new SealedBidPlaced(listingId, bidId, bidder, pseudonym, Price.of(price), nonce,
                SealedCommitment.of(nonce, Price.of(price)));
    }

    private EventDocument tickAt(long time) {
        s.time = time;
        return Market.accepted(s.unsigned(new Tick()).last);
    }

    private Position position(String holder) {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(FUND) && p.holder().equals(holder)).findFirst().orElseThrow();
    }

    private TradeExecuted trade(long index, long listingId, String buyer, String price, long at, boolean newHolder) {
        Price p = Price.of(price);
        Money consideration = fundexchange.protocol.money.Pricing.consideration(LOT, p);
        return new TradeExecuted(index * 4096, listingId, FUND, "Holder-01", buyer, LOT, p, consideration,
                fundexchange.protocol.money.Pricing.percentOfNavBasisPoints(p, Price.of("1.5000")),
                Multiple.of(price), newHolder, Scenario.settleBy(at));
    }

    @Test
    void englishAuctionLocksTheLotExtendsOnLateBidsAndTheHighestBidWinsAtItsPrice() {
        long start = s.time;
        EventDocument listed = m.ok("Holder-01", english(HOUR));
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", null, LOT, Price.of("1.0000"), 0,
                ListingMechanism.ENGLISH, new AuctionTerms(Price.of("1.0000"), Price.of("1.2000"), Price.of("0.0500"),
                start, start + HOUR, 5 * MINUTE, 5 * MINUTE, false, null), RofrStatus.NOT_APPLICABLE)), listed.events());
        assertEquals(LOT, position("Holder-01").locked());
        m.ok("Staff-02", new ApproveListing(id));

        EventDocument first = m.ok("Investor-07", new PlaceBid(id, Price.of("1.1000"), null));
        assertEquals(List.of(new BidPlaced(id, first.sourceIndex(), "Investor-07", 1, Price.of("1.1000"), start + HOUR, false)),
                first.events());
        m.refused("Investor-08", new PlaceBid(id, Price.of("1.1200"), null), RejectCode.BID_TOO_LOW);
        long second = bid("Investor-08", id, "1.1500");

        s.advance(HOUR - 2 * MINUTE);
        EventDocument late = m.ok("Investor-07", new PlaceBid(id, Price.of("1.3000"), null));
        long firstEnd = s.time + 5 * MINUTE;
        assertEquals(List.of(new BidPlaced(id, late.sourceIndex(), "Investor-07", 1, Price.of("1.3000"), firstEnd, true)),
                late.events());
        s.advance(4 * MINUTE);
        EventDocument later = m.ok("Investor-08", new PlaceBid(id, Price.of("1.3500"), null));
        long finalEnd = s.time + 5 * MINUTE;
        assertEquals(List.of(new BidPlaced(id, later.sourceIndex(), "Investor-08", 2, Price.of("1.3500"), finalEnd, true)),
                later.events());

        assertEquals(List.of(), tickAt(firstEnd + 1).events(), "the first extension's end no longer closes it");
        EventDocument close = tickAt(finalEnd);
        assertEquals(List.of(
                new AuctionClosed(id, ListingMechanism.ENGLISH, List.of(
                        new ClosedBid(later.sourceIndex(), "Investor-08", 2, Price.of("1.3500"), BidStatus.WON, null, null, null),
                        new ClosedBid(late.sourceIndex(), "Investor-07", 1, Price.of("1.3000"), BidStatus.LOST, null, null, null),
                        new ClosedBid(second, "Investor-08", 2, Price.of("1.1500"), BidStatus.LOST, null, null, null),
                        new ClosedBid(first.sourceIndex(), "Investor-07", 1, Price.of("1.1000"), BidStatus.LOST, null, null, null)),
                        later.sourceIndex(), Price.of("1.3500")),
                trade(close.sourceIndex(), id, "Investor-08", "1.3500", finalEnd, true)), close.events());
        m.refused("Investor-07", new PlaceBid(id, Price.of("2.0000"), null), RejectCode.LISTING_NOT_OPEN);
    }

    @Test
    void anAuctionWhoseBidsMissTheReserveExpiresAndUnlocksTheUnits() {
        long id = listedAndOpened(english(HOUR));
        long only = bid("Investor-07", id, "1.1000");
        EventDocument close = tickAt(s.time + HOUR);
        assertEquals(List.of(
                new AuctionClosed(id, ListingMechanism.ENGLISH,
                        List.of(new ClosedBid(only, "Investor-07", 1, Price.of("1.1000"), BidStatus.LOST, null, null, null)), 0, null),
                new ListingExpired(id, LOT)), close.events());
        assertEquals(Units.ZERO, position("Holder-01").locked());
    }

    @Test
    void sealedAuctionBreaksTiesByJournalOrderAndCanClearAtTheSecondPrice() {
        long id = listedAndOpened(sealed(true));
        String nonce = nextNonce();
        EventDocument sealedDoc = m.ok("Investor-07", new PlaceSealedBid(id, Price.of("1.3000"), nonce));
        long first = sealedDoc.sourceIndex();
        nonces.put(first, nonce);
        assertEquals(List.of(sealedPlaced(id, first, "Investor-07", 1, "1.3000")), sealedDoc.events());
        long tie = sealedBid("Investor-08", id, "1.3000");
        long low = sealedBid("Investor-09", id, "1.2500");
        EventDocument close = tickAt(s.time + HOUR);
        assertEquals(List.of(
                new AuctionClosed(id, ListingMechanism.SEALED, List.of(
                        new ClosedBid(first, "Investor-07", 1, Price.of("1.3000"), BidStatus.WON, null, null, nonces.get(first)),
                        new ClosedBid(tie, "Investor-08", 2, Price.of("1.3000"), BidStatus.LOST, null, null, nonces.get(tie)),
                        new ClosedBid(low, "Investor-09", 3, Price.of("1.2500"), BidStatus.LOST, null, null, nonces.get(low))),
                        first, Price.of("1.3000")),
                trade(close.sourceIndex(), id, "Investor-07", "1.3000", s.time, true)), close.events());
    }

    @Test
    void aSealedAuctionGoesWithItsBidsAWeekAfterItsTradeSettledAndTheirPublishedNoncesStayRefused() {
        long id = listedAndOpened(sealed(true));
        long won = sealedBid("Investor-07", id, "1.3000");
        long lost = sealedBid("Investor-08", id, "1.2500");
        EventDocument close = tickAt(s.time + HOUR);
        long tradeId = close.sourceIndex() * 4096;
        m.ok("Staff-01", new fundexchange.protocol.command.ConfirmSettlement(tradeId));
        m.refused("Investor-08", new PlaceSealedBid(id, Price.of("1.4000"), nextNonce()), RejectCode.LISTING_NOT_OPEN);

        assertEquals(List.of(), tickAt(s.time + History.RETENTION_MS).events());
        ExchangeState state = s.engine.state();
        assertTrue(!state.listings.containsKey(id) && !state.trades.containsKey(tradeId));
        assertTrue(!state.bids.containsKey(won) && !state.bids.containsKey(lost) && state.bidsOn(id).isEmpty());
        m.refused("Investor-08", new PlaceSealedBid(id, Price.of("1.4000"), nextNonce()), RejectCode.LISTING_PRUNED);
        // A pruned bid is unknown to its own bidder too.
        m.refused("Investor-08", new CancelBid(lost), RejectCode.UNKNOWN_BID);
        m.refused("Investor-08", new AmendSealedBid(lost, Price.of("1.2600"), nextNonce()), RejectCode.UNKNOWN_BID);

        // The close published both nonces: pruned, they are retired, never usable again (CONTRACTS.md 12), a restored
        // snapshot included.
        long next = listedAndOpened(sealed(false));
        m.refused("Investor-08", new PlaceSealedBid(next, Price.of("1.2500"), nonces.get(lost)),
                RejectCode.SEALED_BID_NONCE_REUSED);
        m.refused("Investor-07", new PlaceSealedBid(next, Price.of("1.2500"), nonces.get(won)),
                RejectCode.SEALED_BID_NONCE_REUSED);
        assertEquals(2, s.engine.snapshot().history().retiredNonces().size());
        ExchangeState restored = Engine.restore(s.engine.snapshot()).state();
        assertTrue(restored.nonceUsed("Investor-08", nonces.get(lost)) && restored.nonceUsed("Investor-07", nonces.get(won)));
        assertTrue(!restored.nonceUsed("Investor-07", nonces.get(lost)));
        // A fresh nonce goes.
        String fresh = nextNonce();
        EventDocument placed = m.ok("Investor-08", new PlaceSealedBid(next, Price.of("1.2500"), fresh));
        assertEquals(List.of(new SealedBidPlaced(next, placed.sourceIndex(), "Investor-08", 1, Price.of("1.2500"),
                fresh, SealedCommitment.of(fresh, Price.of("1.2500")))), placed.events());
    }

    @Test
    void secondPriceIsTheNextEligibleBidOrTheReserve() {
        long id = listedAndOpened(sealed(true));
        long high = sealedBid("Investor-07", id, "1.4000");
        long below = sealedBid("Investor-08", id, "1.1000");
        EventDocument close = tickAt(s.time + HOUR);
        assertEquals(List.of(
                new AuctionClosed(id, ListingMechanism.SEALED, List.of(
                        new ClosedBid(high, "Investor-07", 1, Price.of("1.4000"), BidStatus.WON, null, null, nonces.get(high)),
                        new ClosedBid(below, "Investor-08", 2, Price.of("1.1000"), BidStatus.LOST, null, null, nonces.get(below))),
                        high, Price.of("1.2000")),
                trade(close.sourceIndex(), id, "Investor-07", "1.2000", s.time, true)), close.events());
    }

    @Test
    void aWinnerWhoFailsTheRulesAtTheCloseIsPassedOverWithItsReason() {
        long id = listedAndOpened(english(HOUR));
        long runnerUp = bid("Investor-08", id, "1.2500");
        long highest = bid("Investor-07", id, "1.3000");
        m.approved(new SetQualification("Investor-07", QualificationStatus.NOT_QUALIFIED, null));
        EventDocument close = tickAt(s.time + HOUR);
        assertEquals(List.of(
                new AuctionClosed(id, ListingMechanism.ENGLISH, List.of(
                        new ClosedBid(highest, "Investor-07", 2, Price.of("1.3000"), BidStatus.PASSED_OVER,
                                RejectCode.BUYER_NOT_QUALIFIED.code(), "Investor-07 is not a qualified investor on 2026-11-18", null),
                        new ClosedBid(runnerUp, "Investor-08", 1, Price.of("1.2500"), BidStatus.WON, null, null, null)),
                        runnerUp, Price.of("1.2500")),
                trade(close.sourceIndex(), id, "Investor-08", "1.2500", s.time, true)), close.events());
    }

    @Test
    void sealedBidsAreAmendedOrCancelledByTheirBidderAndEnglishBidsAreBinding() {
        long sealedId = listedAndOpened(sealed(false));
        long first = sealedBid("Investor-07", sealedId, "1.2500");
        m.refused("Investor-07", new PlaceSealedBid(sealedId, Price.of("1.3000"), nextNonce()), RejectCode.SEALED_BID_EXISTS);
        m.refused("Investor-08", new AmendSealedBid(first, Price.of("1.3000"), nextNonce()), RejectCode.NOT_BIDDER);
        String fresh = nextNonce();
        EventDocument amended = m.ok("Investor-07", new AmendSealedBid(first, Price.of("1.3000"), fresh));
        nonces.put(amended.sourceIndex(), fresh);
        assertEquals(List.of(new BidCancelled(sealedId, first, "Investor-07", 1),
                sealedPlaced(sealedId, amended.sourceIndex(), "Investor-07", 1, "1.3000")), amended.events());
        assertEquals(List.of(new BidCancelled(sealedId, amended.sourceIndex(), "Investor-07", 1)),
                m.ok("Investor-07", new CancelBid(amended.sourceIndex())).events());
        m.refused("Investor-07", new CancelBid(first), RejectCode.BID_NOT_ACTIVE);

        long englishId = listedAndOpened(english(HOUR));
        long open = bid("Investor-08", englishId, "1.2000");
        m.refused("Investor-08", new CancelBid(open), RejectCode.BID_BINDING);
        m.refused("Investor-08", new PlaceSealedBid(englishId, Price.of("1.3000"), nextNonce()), RejectCode.WRONG_MECHANISM);
    }

    @Test
    void aSealedBidNeedsAWellFormedNonceItsBidderNeverUsedAndIsWrittenFixedWidth() {
        long id = listedAndOpened(sealed(false));
        for (String bad : java.util.Arrays.asList(null, "", "AB".repeat(32), "ab".repeat(16), "ab".repeat(33), "g".repeat(64))) {
            m.refused("Investor-07", new PlaceSealedBid(id, Price.of("1.3000"), bad), RejectCode.SEALED_BID_NONCE_INVALID);
        }
        long bid = sealedBid("Investor-07", id, "1.3000");
        String used = nonces.get(bid);
        m.refused("Investor-07", new AmendSealedBid(bid, Price.of("1.4000"), used), RejectCode.SEALED_BID_NONCE_REUSED);
        m.refused("Investor-07", new AmendSealedBid(bid, Price.of("1.4000"), null), RejectCode.SEALED_BID_NONCE_INVALID);
        long other = listedAndOpened(sealed(false));
        m.refused("Investor-07", new PlaceSealedBid(other, Price.of("1.3000"), used), RejectCode.SEALED_BID_NONCE_REUSED);
        EventDocument byAnother = m.ok("Investor-08", new PlaceSealedBid(other, Price.of("12.5000"), used));
        String written = new String(CanonicalJson.write(byAnother), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(true, written.contains("\"price\":\"000000000000012.5000\""), written);
        assertEquals(List.of(new SealedBidPlaced(other, byAnother.sourceIndex(), "Investor-08", 1, Price.of("12.5000"), used,
                SealedCommitment.of(used, Price.of("12.5000")))), byAnother.events(), "the nonce is the bidder's own");
    }

    @Test
    void bidsAreRefusedBeforeTheStartFromTheSellerAndFromTheUnqualified() {
        ListAuction later = new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, Price.of("1.0000"), null,
                Price.of("0.0500"), s.time + HOUR, s.time + 2 * HOUR, null, null, false, null);
        long id = listedAndOpened(later);
        m.refused("Investor-07", new PlaceBid(id, Price.of("1.1000"), null), RejectCode.AUCTION_NOT_RUNNING);
        s.advance(HOUR);
        m.approved(new SetQualification("Investor-09", QualificationStatus.NOT_QUALIFIED, null));
        m.refused("Investor-09", new PlaceBid(id, Price.of("1.1000"), null), RejectCode.BUYER_NOT_QUALIFIED);
        m.refused("Investor-07", new PlaceBid(id, Price.of("0.9000"), null), RejectCode.BID_TOO_LOW);
        m.refused("Holder-01", new PlaceBid(id, Price.of("1.1000"), null), RejectCode.WRONG_ROLE);
    }

    /**
     * CONTRACTS.md 19: a refusal names the time as people read it, ISO-8601 in the platform zone (Asia/Shanghai by
     * default) with its offset (rules version 3); a journal of rules version 2 keeps the epoch milliseconds its
     * documents were written with, so it still replays byte for byte.
     */
    @Test
    void aBidBeforeTheStartIsRefusedNamingTheStartInThePlatformZoneAndVersionTwoJournalsKeepEpochMilliseconds() {
        long start = Scenario.START + 2 * 24 * HOUR; // 2026-11-20T11:06:40Z
        List<String> messages = new java.util.ArrayList<>();
        for (Market market : List.of(m, onboarded(new Market(2)))) {
            m = market;
            s = market.s;
            long id = listedAndOpened(new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, Price.of("1.0000"), null,
                    Price.of("0.0500"), start, start + HOUR, null, null, false, null));
            EventDocument refused = s.by("Investor-07", new PlaceBid(id, Price.of("1.1000"), null));
            assertEquals(List.of(RejectCode.AUCTION_NOT_RUNNING.code(), List.of()), List.of(refused.outcome().code(), refused.events()));
            messages.add(refused.outcome().message());
            market.replayCheckingInvariants();
            Engine restored = Engine.restore(s.engine.snapshot());
            assertEquals(refused.outcome(), restored.apply(s.signedRecord("Investor-07", "Investor-07-k1", "again",
                    s.time, new PlaceBid(id, Price.of("1.1000"), null))).outcome(), "a snapshot keeps the journal's rules version");
        }
        assertEquals(List.of("bidding opens at 2026-11-20T19:06:40.000+08:00", "bidding opens at 1795172800000"), messages);
    }

    private static Market onboarded(Market market) {
        return market.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
    }

    @Test
    void anAuctionIsWithdrawnOnlyBeforeItsFirstBid() {
        long withBid = listedAndOpened(english(HOUR));
        bid("Investor-07", withBid, "1.1000");
        m.refused("Holder-01", new WithdrawListing(withBid), RejectCode.LISTING_HAS_BIDS);
        long without = listedAndOpened(english(HOUR));
        m.ok("Holder-01", new WithdrawListing(without));
        assertEquals(LOT, position("Holder-01").locked());
    }

    @Test
    void anAuctionNeverApprovedExpiresAtItsEnd() {
        long id = m.ok("Holder-01", english(HOUR)).sourceIndex();
        assertEquals(List.of(new ListingExpired(id, LOT)), tickAt(s.time + HOUR).events());
    }

    @Test
    void restoringASnapshotTakenMidAuctionClosesItExactlyAsTheLiveEngine() {
        long id = listedAndOpened(sealed(true));
        sealedBid("Investor-07", id, "1.3000");
        sealedBid("Investor-08", id, "1.2500");
        Engine restored = Engine.restore(s.engine.snapshot());
        EventDocument live = tickAt(s.time + HOUR);
        assertEquals(live, restored.apply(s.journal.get(s.journal.size() - 1)));
        assertEquals(s.engine.stateHash(), restored.stateHash());
    }

    @Test
    void anAuctionClosedByTheSameCommandAsAnAcceptanceGetsItsOwnTradeNumber() {
        long auction = listedAndOpened(english(HOUR));
        bid("Investor-07", auction, "1.3000");
        long negotiated = m.ok("Holder-01", new fundexchange.protocol.command.ListNegotiated(FUND, "Investor-08", LOT,
                Price.of("1.1000"), 0)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(negotiated));
        s.advance(HOUR);
        EventDocument both = m.ok("Investor-08", new fundexchange.protocol.command.AcceptListing(negotiated));
        List<Long> tradeIds = both.events().stream().filter(TradeExecuted.class::isInstance)
                .map(e -> ((TradeExecuted) e).tradeId()).toList();
        assertEquals(List.of(both.sourceIndex() * 4096, both.sourceIndex() * 4096 + 1), tradeIds);
    }

    @Test
    void aCloseWhoseTradeCannotBeComputedCancelsTheAuctionInsteadOfHaltingTheEngine() {
        m.participant("Holder-02", Role.HOLDER).deposit(FUND, "Holder-02", "10000000.00", "0.01");
        long id = m.ok("Holder-02", new ListAuction(FUND, ListingMechanism.SEALED, Units.of("10000000.00"),
                Price.of("1000000.0000"), null, null, s.time, s.time + HOUR, null, null, false, null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(id));
        long only = sealedBid("Investor-07", id, "1000000.0000");
        EventDocument close = tickAt(s.time + HOUR);
        AuctionClosed closed = (AuctionClosed) close.events().get(0);
        assertEquals(0, closed.winningBidId());
        assertEquals(BidStatus.PASSED_OVER, closed.bids().get(0).status());
        assertEquals(only, closed.bids().get(0).bidId());
        assertEquals(RejectCode.ARITHMETIC_OVERFLOW.code(), closed.bids().get(0).rejectCode());
        assertEquals(fundexchange.protocol.event.ListingCancelled.class, close.events().get(1).getClass());
        assertEquals(Units.ZERO, position("Holder-02").locked());
    }

    @Test
    void aSealedAuctionThatReceivedABidStaysUnwithdrawableAfterTheBidIsCancelled() {
        long id = listedAndOpened(sealed(false));
        long bid = sealedBid("Investor-07", id, "1.3000");
        m.ok("Investor-07", new CancelBid(bid));
        m.refused("Holder-01", new WithdrawListing(id), RejectCode.LISTING_HAS_BIDS);
    }
}
