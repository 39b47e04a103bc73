package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.command.SuspendParticipant;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.ConsentOutcome;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.TransferTerms;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The match after an auction's close (issue 20, rules version 6) in a partnership fund with the default terms. */
class AuctionMatchTest {
    private static final String FUND = "DGP1";
    private static final String DIGEST = "ab".repeat(32);
    private static final Units LOT = Units.of("1000.00");
    private static final Price START = Price.of("1.0000");
    private static final long DAYS_30 = 30 * TransferTerms.DAY_MS;
    private Market m;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = market(RulesVersion.AUCTION_MATCH_AFTER_CLOSE);
    }

    private static Market market(int rulesVersion) {
        return market(rulesVersion, true);
    }

    /** The market, with a (test) 2027 calendar or without one. */
    private static Market market(int rulesVersion, boolean with2027) {
        Market market = new Market(rulesVersion).participant("Manager-01", Role.MANAGER, Role.INVESTOR, Role.HOLDER)
                .participant("Holder-01", Role.HOLDER).participant("Holder-02", Role.HOLDER, Role.INVESTOR)
                .participant("Holder-03", Role.HOLDER, Role.INVESTOR).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false)
                .deposit(FUND, "Holder-01", "10000.00", "10000.00")
                .deposit(FUND, "Holder-02", "3000.00", "3000.00")
                .deposit(FUND, "Holder-03", "1000.00", "1000.00");
        EventDocument proposal = market.ok("Staff-01", new Propose(new SetTransferTerms(FUND, "Manager-01", null, null,
                null, null, null, List.of(), DIGEST)));
        market.ok("Staff-02", new ApproveProposal(proposal.sourceIndex()));
        // The auctions close and settle in 2026 and 2027: from rules version 6 a trade's deadline counts its business
        // days, so the journal needs the calendars of those years (the published 2026, a test 2027).
        var published = fundexchange.protocol.reference.OfficialCalendars.of(2026).orElseThrow();
        market.calendar(new SetHolidays(2026, published.holidays(), published.workdays()));
        if (with2027) {
            market.calendar(new SetHolidays(2027, List.of("2027-01-01")));
        }
        return market;
    }

    private ListAuction english(Market market, long endsIn, Price reserve) {
        return new ListAuction(FUND, ListingMechanism.ENGLISH, LOT, START, reserve, Price.of("0.0100"), market.s.time,
                market.s.time + endsIn, 0L, 0L, false, null);
    }

    /** Lists, consents and opens an auction of {@link #LOT} ending a day after the 30-day notice; returns its id. */
    private long opened(Price reserve) {
        ListAuction auction = english(m, DAYS_30 + TransferTerms.DAY_MS, reserve);
        EventDocument listed = m.ok("Holder-01", auction);
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", null, LOT, START, 0, ListingMechanism.ENGLISH,
                        new AuctionTerms(START, reserve, Price.of("0.0100"), auction.startsAt(), auction.endsAt(), 0, 0,
                                false, null), RofrStatus.PENDING),
                new TransferNoticeIssued(id, FUND, "Holder-01", null, LOT, START, "Manager-01", true,
                        PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA, false, List.of(), m.s.time + DAYS_30, true)),
                listed.events());
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.MATCH_NOT_OPEN);
        assertEquals(List.of(new TransferNoticeAnswered(id, "Manager-01", NoticeAnswer.CONSENT, null, null),
                        new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(), List.of(), LOT)),
                answer("Manager-01", id, NoticeAnswer.CONSENT, null).events());
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
        return id;
    }

    private EventDocument answer(String who, long id, NoticeAnswer answer, String units) {
        return m.ok(who, new AnswerTransferNotice(id, answer, units == null ? null : Units.of(units), null));
    }

    /** Bids, closes at the end and returns the close's events. */
    private List<Event> closedWith(long id, Price bid) {
        long bidId = m.ok("Investor-07", new PlaceBid(id, bid, null)).sourceIndex();
        m.s.advance(DAYS_30 + TransferTerms.DAY_MS);
        List<Event> close = m.s.unsigned(new Tick()).last.events();
        assertEquals(bidId, ((AuctionClosed) close.getFirst()).winningBidId());
        return close;
    }

    @Test
    void aVersionFiveJournalStillRefusesAnAuctionInAFundWithTransferTerms() {
        Market v5 = market(5);
        v5.refused("Holder-01", english(v5, DAYS_30 * 2, START), RejectCode.MECHANISM_NOT_UNDER_TERMS);
        v5.replayCheckingInvariants();
    }

    @Test
    void anAuctionInAPartialCustodyFundWithAPriorityRightIsRefusedButWithoutOneItIsAttestedBeforeOpening() {
        for (String fund : List.of("DGP8", "DGP9")) {
            m.ok("Staff-01", new RegisterFund(fund, "Demo Fund " + fund, "Demo Capital Management", "VC", 2020, "CNY",
                    LegalForm.PARTNERSHIP, CustodyMode.PARTIAL, null, Price.of("1.0000"), "2026-09-30", Units.ZERO, false));
            m.deposit(fund, "Holder-01", "5000.00", "5000.00");
            m.deposit(fund, "Holder-02", "5000.00", "5000.00");
            m.approved(new SetTransferTerms(fund, "Manager-01", null, null, fund.equals("DGP9") ? PriorityOrder.NONE : null,
                    null, null, List.of(), DIGEST));
        }
        ListAuction withRight = new ListAuction("DGP8", ListingMechanism.ENGLISH, LOT, START, START, Price.of("0.0100"),
                m.s.time, m.s.time + DAYS_30 * 2, 0L, 0L, false, null);
        m.refused("Holder-01", withRight, RejectCode.MECHANISM_NOT_UNDER_TERMS);
        ListAuction withoutRight = new ListAuction("DGP9", ListingMechanism.ENGLISH, LOT, START, START,
                Price.of("0.0100"), m.s.time, m.s.time + DAYS_30 * 2, 0L, 0L, false, null);
        EventDocument listed = m.ok("Holder-01", withoutRight);
        assertEquals(new TransferNoticeIssued(listed.sourceIndex(), "DGP9", "Holder-01", null, LOT, START, "Manager-01",
                true, PriorityOrder.NONE, true, List.of(), m.s.time + DAYS_30, true), listed.events().get(1));
    }

    @Test
    void theManagerThatDecidesOnTheConsentMayNotBidInTheAuction() {
        long id = opened(START);
        m.refused("Manager-01", new PlaceBid(id, Price.of("1.2000"), null), RejectCode.MANAGER_BIDS_ON_OWN_CONSENT);
        m.ok("Holder-02", new PlaceBid(id, Price.of("1.2000"), null));
    }

    @Test
    void aCompanyFormFundGivesAtLeastThirtyDaysToMatchButAVersionFiveJournalKeepsShorterTerms() {
        for (Market market : List.of(m, market(5))) {
            market.ok("Staff-01", new RegisterFund("DGL1", "Demo Fund DGL1", "Demo Capital Management", "VC", 2020, "CNY",
                    LegalForm.LLC, CustodyMode.FULL, null, Price.of("1.0000"), "2026-09-30", Units.ZERO, false));
            SetTransferTerms shorter = new SetTransferTerms("DGL1", null, null, null, null, null, 29, List.of(), DIGEST);
            if (market == m) {
                market.refused("Staff-01", new Propose(shorter), RejectCode.TERMS_INVALID);
                market.approved(new SetTransferTerms("DGL1", null, null, null, null, null, 30, List.of(), DIGEST));
            } else {
                EventDocument proposal = market.ok("Staff-01", new Propose(shorter));
                EventDocument approval = market.ok("Staff-02", new ApproveProposal(proposal.sourceIndex()));
                assertEquals(29, ((fundexchange.protocol.event.TransferTermsSet) approval.events().getLast()).terms()
                        .matchDays());
                market.replayCheckingInvariants();
            }
        }
    }

    @Test
    void aDutchAuctionIsStillRefusedUnderTransferTerms() {
        m.refused("Holder-01", new ListAuction(FUND, ListingMechanism.DUTCH, LOT, START, Price.of("0.8000"),
                Price.of("0.0100"), m.s.time, m.s.time + DAYS_30 * 2, null, null, false, 60_000L),
                RejectCode.MECHANISM_NOT_UNDER_TERMS);
    }

    @Test
    void anAuctionMustNotEndBeforeItsNoticeEnds() {
        m.refused("Holder-01", english(m, DAYS_30, START), RejectCode.NOTICE_OUTLASTS_EXPIRY);
    }

    @Test
    void theManagersRefusalBeforeOpeningCancelsTheAuction() {
        long id = m.ok("Holder-01", english(m, DAYS_30 * 2, START)).sourceIndex();
        assertEquals(List.of(new TransferNoticeAnswered(id, "Manager-01", NoticeAnswer.REFUSE, null, null),
                        new TransferNoticeResolved(id, ConsentOutcome.REFUSED, List.of(), List.of(), LOT),
                        new ListingCancelled(id, LOT, RejectCode.CONSENT_REFUSED.code(),
                                "the fund's manager did not consent to the transfer / 基金管理人未同意转让")),
                answer("Manager-01", id, NoticeAnswer.REFUSE, null).events());
    }

    @Test
    void aCloseAwardsConditionallyEvenWhenItsSettlementYearHasNoCalendarYet() {
        // Closing on 2026-12-28: a trade then would settle in 2027, which has no calendar here; the award makes no trade.
        m = market(RulesVersion.AUCTION_MATCH_AFTER_CLOSE, false);
        m.s.advance(10 * TransferTerms.DAY_MS);
        long id = opened(START);
        List<Event> close = closedWith(id, Price.of("1.1000"));
        assertEquals(2, close.size(), close::toString);
        assertEquals(BidStatus.WON, ((AuctionClosed) close.getFirst()).bids().getFirst().status());
        assertEquals(m.s.time + DAYS_30, ((AuctionAwardedConditionally) close.get(1)).matchBy());
    }

    @Test
    void aHolderMatchesPartAtTheClearingPriceAndTheWinnerGetsTheRest() {
        long id = opened(START);
        List<Event> close = closedWith(id, Price.of("1.1000"));
        long closedAt = m.s.time;
        AuctionAwardedConditionally award = new AuctionAwardedConditionally(id, FUND, "Holder-01", "Investor-07",
                ((AuctionClosed) close.getFirst()).winningBidId(), LOT, Price.of("1.1000"), "Manager-01",
                PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA,
                List.of(new NoticeHolder("Holder-02", Units.of("3000.00")), new NoticeHolder("Holder-03", Units.of("1000.00"))),
                closedAt + DAYS_30);
        assertEquals(2, close.size());
        assertEquals(award, close.get(1));
        assertEquals(BidStatus.WON, ((AuctionClosed) close.getFirst()).bids().getFirst().status());
        m.refused("Investor-07", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.MATCH_BY_WINNER);
        m.refused("Holder-01", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.MATCH_BY_SELLER);
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("150.00"), null),
                RejectCode.EXERCISE_UNITS_INVALID);
        m.refused("Staff-02", new ApproveListing(id), RejectCode.LISTING_NOT_PENDING);
        answer("Manager-01", id, NoticeAnswer.EXERCISE, "200.00");
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "300.00");
        EventDocument last = answer("Holder-03", id, NoticeAnswer.WAIVE, null);
        assertEquals(List.of(new TransferNoticeAnswered(id, "Holder-03", NoticeAnswer.WAIVE, null, null),
                new AuctionMatchResolved(id, List.of(new Allocation("Manager-01", Units.of("200.00"), Units.of("200.00"), 0),
                        new Allocation("Holder-02", Units.of("300.00"), Units.of("300.00"), 0)), List.of(), "Investor-07",
                        Units.of("500.00"))), last.events().subList(0, 2));
        assertEquals(List.of("Manager-01 200.00 #0", "Holder-02 300.00 #1", "Investor-07 500.00 #2"), trades(last, id));
        m.refused("Holder-03", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_OPEN_NOTICE);
        assertTrue(m.s.unsigned(new Tick()).last.events().isEmpty(), "the auction's end fires no second close");
    }

    @Test
    void atTheMatchDeadlineSilenceWaivesAndTheWinnerBuysAll() {
        long id = opened(START);
        closedWith(id, Price.of("1.0500"));
        answer("Holder-02", id, NoticeAnswer.WAIVE, null);
        m.s.advance(DAYS_30 - 1);
        assertEquals(List.of(), m.s.unsigned(new Tick()).last.events());
        m.s.advance(1);
        EventDocument tick = m.s.unsigned(new Tick()).last;
        assertEquals(new AuctionMatchResolved(id, List.of(), List.of("Manager-01", "Holder-03"), "Investor-07", LOT),
                tick.events().getFirst());
        assertEquals(List.of("Investor-07 1000.00 #0"), trades(tick, id));
    }

    @Test
    void aMatchResolvedInAYearWithoutACalendarCancelsTheListingAndUnlocksItsUnits() {
        m = market(RulesVersion.AUCTION_MATCH_AFTER_CLOSE, false);
        long id = opened(START);
        closedWith(id, Price.of("1.0500"));
        answer("Holder-02", id, NoticeAnswer.WAIVE, null);
        m.s.advance(DAYS_30);
        List<Event> resolved = m.s.unsigned(new Tick()).last.events();
        ListingCancelled cancelled = (ListingCancelled) resolved.getLast();
        assertEquals(RejectCode.CALENDAR_YEAR_NOT_SET.code(), cancelled.rejectCode(), resolved::toString);
        assertEquals(LOT, cancelled.unitsUnlocked());
        assertFalse(resolved.stream().anyMatch(e -> e instanceof fundexchange.protocol.event.TradeExecuted), resolved::toString);
        m.refused("Holder-03", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_OPEN_NOTICE);
    }

    @Test
    void anAuctionWithoutAWinnerHasNoMatchStage() {
        long id = opened(Price.of("2.0000"));
        m.ok("Investor-07", new PlaceBid(id, Price.of("1.1000"), null));
        m.s.advance(DAYS_30 + TransferTerms.DAY_MS);
        List<Event> close = m.s.unsigned(new Tick()).last.events();
        assertEquals(new ListingExpired(id, LOT), close.get(1));
        assertEquals(2, close.size());
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_OPEN_NOTICE);
    }

    @Test
    void aWinnerSuspendedBeforeTheMatchEndsLeavesTheRestCancelledAndTheMatchStillTrades() {
        long id = opened(START);
        closedWith(id, Price.of("1.1000"));
        m.approved(new SuspendParticipant("Investor-07", "under investigation"));
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "300.00");
        EventDocument last = answer("Holder-03", id, NoticeAnswer.WAIVE, null);
        List<Event> events = last.events();
        assertEquals(new AuctionMatchResolved(id, List.of(new Allocation("Holder-02", Units.of("300.00"),
                Units.of("300.00"), 0)), List.of(), "Investor-07", Units.ZERO), events.get(1));
        assertEquals(List.of("Holder-02 300.00 #0"), trades(last, id));
        ListingCancelled cancelled = (ListingCancelled) events.getLast();
        assertEquals(Units.of("700.00"), cancelled.unitsUnlocked());
        assertTrue(cancelled.rejectCode() != 0 && cancelled.reason().startsWith("the winner failed at the match's end: "),
                cancelled.toString());
    }

    @Test
    void aSellerSuspendedBeforeTheMatchEndsCancelsTheListingAndTheTrailKeepsWhoExercised() {
        long id = opened(START);
        closedWith(id, Price.of("1.1000"));
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "300.00");
        m.approved(new SuspendParticipant("Holder-01", "under investigation"));
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        List<Event> events = answer("Holder-03", id, NoticeAnswer.WAIVE, null).events();
        ListingCancelled cancelled = (ListingCancelled) events.get(2);
        assertEquals(List.of(new AuctionMatchResolved(id, List.of(new Allocation("Holder-02", Units.of("300.00"),
                        Units.ZERO, cancelled.rejectCode())), List.of(), "Investor-07", Units.ZERO), LOT),
                List.of(events.get(1), cancelled.unitsUnlocked()));
        assertEquals(3, events.size());
    }

    @Test
    void anOversubscribedMatchServesTheManagerFirstThenProRataInLots() {
        long id = opened(START);
        closedWith(id, Price.of("1.1000"));
        answer("Manager-01", id, NoticeAnswer.EXERCISE, "500.00");
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "1000.00");
        EventDocument last = answer("Holder-03", id, NoticeAnswer.EXERCISE, "1000.00");
        // 500 left after the manager: Holder-02 (3000 held) floor(375) to the lot 300, Holder-03 (1000) 100; the last
        // lot goes to the largest weight, Holder-02. The winner gets nothing.
        assertEquals(new AuctionMatchResolved(id, List.of(
                        new Allocation("Manager-01", Units.of("500.00"), Units.of("500.00"), 0),
                        new Allocation("Holder-02", Units.of("1000.00"), Units.of("400.00"), 0),
                        new Allocation("Holder-03", Units.of("1000.00"), Units.of("100.00"), 0)),
                        List.of(), "Investor-07", Units.ZERO), last.events().get(1));
        assertEquals(List.of("Manager-01 500.00 #0", "Holder-02 400.00 #1", "Holder-03 100.00 #2"), trades(last, id));
        assertEquals(5, last.events().size());
    }

    @Test
    void aSealedSecondPriceAuctionIsMatchedAtItsClearingPriceTheSecondBid() {
        m.participant("Investor-08", Role.INVESTOR);
        ListAuction sealed = new ListAuction(FUND, ListingMechanism.SEALED, LOT, START, START, null, m.s.time,
                m.s.time + DAYS_30 + TransferTerms.DAY_MS, null, null, true, null);
        long id = m.ok("Holder-01", sealed).sourceIndex();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        m.ok("Staff-02", new ApproveListing(id));
        m.ok("Investor-07", new PlaceSealedBid(id, Price.of("1.3000"), "0".repeat(63) + "1"));
        m.ok("Investor-08", new PlaceSealedBid(id, Price.of("1.2000"), "0".repeat(63) + "2"));
        m.s.advance(DAYS_30 + TransferTerms.DAY_MS);
        List<Event> close = m.s.unsigned(new Tick()).last.events();
        AuctionAwardedConditionally award = (AuctionAwardedConditionally) close.get(1);
        assertEquals(List.of("Investor-07", "1.2000"), List.of(award.winner(), award.clearingPrice().toString()));
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "300.00");
        EventDocument last = answer("Holder-03", id, NoticeAnswer.WAIVE, null);
        assertEquals(List.of("Holder-02 300.00 #0", "Investor-07 700.00 #1"), trades(last, id));
        assertEquals(List.of(Price.of("1.2000")), last.events().stream().filter(TradeExecuted.class::isInstance)
                .map(e -> ((TradeExecuted) e).price()).distinct().toList());
    }

    private static List<String> trades(EventDocument doc, long listingId) {
        return doc.events().stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                .peek(t -> {
                    assertEquals(listingId, t.listingId());
                    assertEquals("Holder-01", t.seller());
                })
                .map(t -> t.buyer() + " " + t.units() + " #" + (t.tradeId() - doc.sourceIndex() * 4096)).toList();
    }
}
