package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.ConfirmRegistration;
import fundexchange.protocol.command.FundTrade;
import fundexchange.protocol.command.OverrideSettlement;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RefuseRegistration;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.listing.ListingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded history (rules version 10, docs/rules.md "Bounded history"). */
class BoundedHistoryTest {
    private static final String FUND = "DGF3";
    private static final long DAY = 24L * 3600 * 1000;

    private Scenario s;

    private void market(Scenario scenario) {
        s = scenario;
        s.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        s.by("Staff-01", new RegisterParticipant("Investor-07", "Demo S Fund Seven", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        approved(new ApproveParticipant("Holder-01"));
        approved(new ApproveParticipant("Investor-07"));
        approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", Scenario.key("Holder-01-k1")));
        approved(new RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", Scenario.key("Investor-07-k1")));
        approved(new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2027-12-31"));
        accepted(s.by("Staff-01", new RegisterFund(FUND, "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019,
                "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false)));
        accepted(s.by("Staff-01", new DepositUnits(FUND, "Holder-01", Units.of("1000000.00"), Money.of("1000000.00"))));
    }

    private void approved(SensitiveAction action) {
        EventDocument proposal = accepted(s.by("Staff-01", new Propose(action)));
        accepted(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
    }

    private static EventDocument accepted(EventDocument doc) {
        assertEquals(Outcome.ACCEPTED, doc.outcome(), () -> "outcome of " + doc.sourceIndex());
        return doc;
    }

    private static void rejected(EventDocument doc, RejectCode code) {
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status(), () -> "outcome of " + doc.sourceIndex());
        assertEquals(code.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(List.of(), doc.events());
    }

    private long listAndApprove(String units) {
        EventDocument listed = accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of(units),
                Price.of("0.9000"), 0)));
        accepted(s.by("Staff-02", new ApproveListing(listed.sourceIndex())));
        return listed.sourceIndex();
    }

    /** A sold listing whose trade settled, and a withdrawn one: [sold, trade, withdrawn]. */
    private long[] finishSomeItems() {
        long sold = listAndApprove("400000.00");
        long tradeId = accepted(s.by("Investor-07", new AcceptListing(sold))).sourceIndex() * 4096;
        assertEquals(TradeSettled.class, accepted(s.by("Staff-01", new ConfirmSettlement(tradeId))).events().getFirst().getClass());
        long withdrawn = listAndApprove("1000.00");
        assertEquals(List.of(new ListingWithdrawn(withdrawn, Units.of("1000.00"))),
                accepted(s.by("Holder-01", new WithdrawListing(withdrawn))).events());
        return new long[] {sold, tradeId, withdrawn};
    }

    @Test
    void finishedListingsAndTradesLeaveTheEngineAWeekAfterFinishingAndCommandsNamingThemAreRefusedAsPruned() {
        market(new Scenario().genesis());
        long[] ids = finishSomeItems();
        long sold = ids[0];
        long tradeId = ids[1];
        long withdrawn = ids[2];

        // A millisecond short of the retention everything is kept and refused as before.
        s.advance(History.RETENTION_MS - 1);
        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId)), RejectCode.TRADE_NOT_PENDING);
        rejected(s.by("Holder-01", new WithdrawListing(withdrawn)), RejectCode.LISTING_NOT_OPEN);
        rejected(s.by("Investor-07", new AcceptListing(sold)), RejectCode.LISTING_NOT_OPEN);
        assertTrue(state().listings.containsKey(sold) && state().listings.containsKey(withdrawn));
        assertTrue(state().trades.containsKey(tradeId));

        // At the retention they are pruned before the command is decided: pruning itself writes no event.
        s.advance(1);
        EventDocument tick = s.unsigned(new Tick()).last;
        assertEquals(Outcome.ACCEPTED, tick.outcome());
        assertEquals(List.of(), tick.events());
        assertFalse(state().listings.containsKey(sold) || state().listings.containsKey(withdrawn));
        assertFalse(state().trades.containsKey(tradeId));
        assertEquals(withdrawn, state().history.listingHorizon);
        assertEquals(tradeId, state().history.tradeHorizon);
        assertEquals(0, state().history.queued());

        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId)), RejectCode.TRADE_PRUNED);
        rejected(s.by("Holder-01", new WithdrawListing(withdrawn)), RejectCode.LISTING_PRUNED);
        rejected(s.by("Investor-07", new AcceptListing(sold)), RejectCode.LISTING_PRUNED);
        rejected(s.by("Staff-02", new ApproveListing(sold)), RejectCode.LISTING_PRUNED);
        // Below the horizon a never-listed id gets the same answer; above it, the unknown one.
        rejected(s.by("Holder-01", new WithdrawListing(1)), RejectCode.LISTING_PRUNED);
        rejected(s.by("Holder-01", new WithdrawListing(s.journal.size() + 100L)), RejectCode.UNKNOWN_LISTING);
        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId + 4096L * 1000)), RejectCode.UNKNOWN_TRADE);

        // Live items go on as before.
        long live = listAndApprove("2000.00");
        long next = accepted(s.by("Investor-07", new AcceptListing(live))).sourceIndex() * 4096;
        accepted(s.by("Staff-01", new ConfirmSettlement(next)));
    }

    @Test
    void nothingAPendingTradeNeedsIsPrunedUntilItSettles() {
        market(new Scenario().genesis());
        approved(new SetPlatformParameter("settlement-business-days", "20"));
        long sold = listAndApprove("400000.00");
        long tradeId = accepted(s.by("Investor-07", new AcceptListing(sold))).sourceIndex() * 4096;

        s.advance(History.RETENTION_MS + DAY);
        EventDocument tick = s.unsigned(new Tick()).last;
        assertEquals(List.of(), tick.events());
        assertEquals(ListingStatus.EXECUTED, state().listings.get(sold).status()); // sold, but its trade is pending
        assertEquals(TradeStatus.PENDING_SETTLEMENT, state().trades.get(tradeId).status());
        rejected(s.by("Investor-07", new AcceptListing(sold)), RejectCode.LISTING_NOT_OPEN);
        assertEquals(0, state().history.listingHorizon);

        accepted(s.by("Staff-01", new ConfirmSettlement(tradeId)));
        // The listing was queued again at its first check, the trade at its settlement (the same time): both stay a
        // retention from then, then go together.
        s.advance(History.RETENTION_MS - 1);
        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId)), RejectCode.TRADE_NOT_PENDING);
        rejected(s.by("Investor-07", new AcceptListing(sold)), RejectCode.LISTING_NOT_OPEN);
        s.advance(1);
        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId)), RejectCode.TRADE_PRUNED);
        rejected(s.by("Investor-07", new AcceptListing(sold)), RejectCode.LISTING_PRUNED);
        assertFalse(state().listings.containsKey(sold) || state().trades.containsKey(tradeId));
    }

    @Test
    void aListingWithADataRoomIsKeptSoItsDocumentsStayReadable() {
        market(new Scenario().genesis());
        long listing = listAndApprove("1000.00");
        EventDocument report = accepted(s.by("Holder-01", new fundexchange.protocol.command.RegisterDocument(listing,
                "c".repeat(64), fundexchange.protocol.dataroom.DocumentKind.QUARTERLY_REPORT, "2026 Q3 report", 1234, 3)));
        accepted(s.by("Holder-01", new WithdrawListing(listing)));
        s.advance(History.RETENTION_MS * 3);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertEquals(ListingStatus.CANCELLED, state().listings.get(listing).status());
        assertEquals(0, state().history.listingHorizon);
        rejected(s.by("Holder-01", new WithdrawListing(listing)), RejectCode.LISTING_NOT_OPEN);
        accepted(s.by("Staff-01", new fundexchange.protocol.command.OpenDocument(report.sourceIndex(), null)));
    }

    @Test
    void aNonPartyGetsOneAnswerBelowTheTradeHorizonForAStrangersPendingTradeAPrunedOneAndNone() {
        market(new Scenario().genesis());
        s.by("Staff-01", new RegisterParticipant("Investor-08", "Demo S Fund Eight", ParticipantType.INSTITUTION,
                List.of(Role.INVESTOR)));
        approved(new ApproveParticipant("Investor-08"));
        approved(new RegisterFirstKey("Investor-08", "Investor-08-k1", "ED25519", Scenario.key("Investor-08-k1")));
        approved(new SetPlatformParameter("settlement-business-days", "20"));
        long kept = accepted(s.by("Investor-07", new AcceptListing(listAndApprove("1000.00")))).sourceIndex() * 4096;
        long gone = accepted(s.by("Investor-07", new AcceptListing(listAndApprove("2000.00")))).sourceIndex() * 4096;
        accepted(s.by("Staff-01", new ConfirmSettlement(gone)));
        s.advance(History.RETENTION_MS);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertEquals(gone, state().history.tradeHorizon);
        assertTrue(kept < gone && state().trades.containsKey(kept) && !state().trades.containsKey(gone));

        // Below the horizon: someone else's pending trade, a pruned trade and an id that never was a trade answer alike,
        // to every trade command a non-party may send (staff not party to the trade included, for FundTrade).
        for (long id : new long[] {kept, gone, kept + 1}) {
            String message = sameAnswer(id, s.by("Investor-08", new FundTrade(id)), RejectCode.TRADE_PRUNED);
            assertEquals(message, sameAnswer(id, s.by("Staff-01", new FundTrade(id)), RejectCode.TRADE_PRUNED));
            assertEquals(message, sameAnswer(id, s.by("Investor-08", new ConfirmRegistration(id)), RejectCode.TRADE_PRUNED));
            assertEquals(message, sameAnswer(id, s.by("Investor-08", new RefuseRegistration(id, "no")),
                    RejectCode.TRADE_PRUNED));
        }
        // The parties go on past the identity check, and staff settle the pending trade.
        rejected(s.by("Investor-07", new FundTrade(kept)), RejectCode.DVP_NOT_IN_RULES);
        rejected(s.by("Holder-01", new FundTrade(kept)), RejectCode.NOT_TRADE_BUYER);
        EventDocument settled = accepted(s.by("Staff-01", new ConfirmSettlement(kept)));
        assertEquals(List.of(TradeSettled.class), settled.events().stream().map(Object::getClass).toList());

        // Above the horizon the old answer, the same for a stranger's trade and none.
        long later = accepted(s.by("Investor-07", new AcceptListing(listAndApprove("3000.00")))).sourceIndex() * 4096;
        String above = sameAnswer(later, s.by("Investor-08", new FundTrade(later)), RejectCode.UNKNOWN_TRADE);
        assertEquals(above, sameAnswer(later + 1, s.by("Investor-08", new FundTrade(later + 1)), RejectCode.UNKNOWN_TRADE));
        assertEquals(above, sameAnswer(later, s.by("Investor-08", new ConfirmRegistration(later)), RejectCode.UNKNOWN_TRADE));
    }

    /** Asserts the refusal (no event) and returns its message with the id named in it generalised. */
    private static String sameAnswer(long id, EventDocument doc, RejectCode code) {
        rejected(doc, code);
        return doc.outcome().message().replace(String.valueOf(id), "<id>");
    }

    @Test
    void belowTheListingHorizonAFinishedListingStillKeptAnswersAsAPrunedOneAndItsDataRoomAsAnUnknownSubject() {
        market(new Scenario().genesis());
        long roomed = listAndApprove("1000.00");
        EventDocument report = accepted(s.by("Holder-01", new fundexchange.protocol.command.RegisterDocument(roomed,
                "c".repeat(64), fundexchange.protocol.dataroom.DocumentKind.QUARTERLY_REPORT, "2026 Q3 report", 1234, 3)));
        accepted(s.by("Holder-01", new WithdrawListing(roomed)));
        long pruned = listAndApprove("2000.00");
        accepted(s.by("Holder-01", new WithdrawListing(pruned)));
        s.advance(History.RETENTION_MS);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertEquals(pruned, state().history.listingHorizon);
        assertTrue(state().listings.containsKey(roomed) && !state().listings.containsKey(pruned));

        // Kept for its data room or pruned, below the horizon a listing is answered alike, to its seller too.
        for (long id : new long[] {roomed, pruned, roomed + 1}) {
            rejected(s.by("Holder-01", new WithdrawListing(id)), RejectCode.LISTING_PRUNED);
            rejected(s.by("Investor-07", new AcceptListing(id)), RejectCode.LISTING_PRUNED);
            rejected(s.by("Staff-02", new ApproveListing(id)), RejectCode.LISTING_PRUNED);
        }
        // The room's documents stay readable; a data-room command naming the pruned listing answers as for an unknown
        // subject (its id could name an offer), the kept one as for a subject no longer live.
        accepted(s.by("Staff-01", new fundexchange.protocol.command.OpenDocument(report.sourceIndex(), null)));
        rejected(s.by("Holder-01", new fundexchange.protocol.command.RegisterDocument(pruned, "d".repeat(64),
                fundexchange.protocol.dataroom.DocumentKind.QUARTERLY_REPORT, "2026 Q4 report", 1234, 3)),
                RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        rejected(s.by("Holder-01", new fundexchange.protocol.command.RegisterDocument(roomed, "d".repeat(64),
                fundexchange.protocol.dataroom.DocumentKind.QUARTERLY_REPORT, "2026 Q4 report", 1234, 3)),
                RejectCode.DATA_ROOM_SUBJECT_NOT_LIVE);
    }

    @Test
    void aDeliveryVersusPaymentTradeWithAHeldDepositIsPrunedAWeekAfterItsRegistrationChangeAndNothingIsLeftBehind() {
        Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Bank-01", Role.BANK).fund("DGF3", false)
                .deposit("DGF3", "Holder-01", "100000.00", "100000.00");
        s = m.s;
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", Money.of("50000.00"), "BOC-R-0001", "2026-11-18"));
        long listing = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("10000.00"),
                Price.of("1.0000"), 0, Money.of("3000.00"), null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        EventDocument acceptance = m.ok("Investor-07", new AcceptListing(listing));
        TradeExecuted trade = (TradeExecuted) acceptance.events().get(1);
        long id = trade.tradeId();
        assertEquals(List.of(new DepositLocked(listing, "Investor-07", "CNY", Money.of("3000.00")), trade,
                new DepositHeldForTrade(listing, id, "Investor-07", "CNY", Money.of("3000.00"))), acceptance.events());
        assertEquals(List.of(TradeFundingLocked.class, TradeFunded.class, TradeUnitsDelivered.class,
                        TradeProceedsLocked.class),
                m.ok("Investor-07", new FundTrade(id)).events().stream().map(Object::getClass).toList());
        // Funded and awaiting its registration change past the retention of the listing's execution: both kept.
        s.advance(History.RETENTION_MS);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertTrue(state().trades.containsKey(id) && state().listings.containsKey(listing));
        EventDocument confirmed = m.ok("Staff-01", new ConfirmRegistration(id));
        assertEquals(List.of(RegistrationConfirmed.class, TradeSettled.class, TradeProceedsReleased.class,
                PayoutInstructed.class), confirmed.events().stream().map(Object::getClass).toList());
        // Settling removed the funding record and the held deposit: nothing keeps the trade.
        assertEquals(null, state().cash.funding(id));
        assertFalse(state().cash.depositsByTrade().containsKey(id) || state().cash.depositsOnListings().containsKey(listing));

        s.advance(History.RETENTION_MS - 1);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertTrue(state().trades.containsKey(id) && state().listings.containsKey(listing));
        s.advance(1);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertFalse(state().trades.containsKey(id) || state().listings.containsKey(listing));
        assertEquals(id, state().history.tradeHorizon);
        assertEquals(listing, state().history.listingHorizon);
        m.refused("Investor-07", new FundTrade(id), RejectCode.TRADE_PRUNED);
        m.refused("Staff-01", new ConfirmRegistration(id), RejectCode.TRADE_PRUNED);
        m.refused("Staff-01", new RefuseRegistration(id, "late"), RejectCode.TRADE_PRUNED);
        m.refused("Staff-01", new Propose(new OverrideSettlement(id, "late")), RejectCode.TRADE_PRUNED);
        m.replayCheckingInvariants();
    }

    @Test
    void aRestoredSnapshotAndAReplayPruneAsTheLiveEngineDid() {
        market(new Scenario().genesis());
        long[] ids = finishSomeItems();
        EngineSnapshot queued = s.engine.snapshot();
        assertTrue(queued.history() != null && queued.history().listings().size() == 2, String.valueOf(queued.history()));
        int taken = s.journal.size();
        s.advance(History.RETENTION_MS);
        s.unsigned(new Tick());
        long next = listAndApprove("3000.00");
        EngineSnapshot pruned = s.engine.snapshot();

        Engine fromQueued = Engine.restore(queued);
        for (CommandRecord record : s.journal.subList(taken, s.journal.size())) {
            fromQueued.apply(record);
        }
        assertEquals(s.engine.stateHash(), fromQueued.stateHash());
        assertEquals(s.engine.snapshot(), fromQueued.snapshot());

        // Restored after the pruning, an engine answers the next commands as the live one does, byte for byte.
        Engine fromPruned = Engine.restore(pruned);
        int before = s.journal.size();
        rejected(s.by("Holder-01", new WithdrawListing(ids[2])), RejectCode.LISTING_PRUNED);
        rejected(s.by("Staff-01", new ConfirmSettlement(ids[1])), RejectCode.TRADE_PRUNED);
        accepted(s.by("Holder-01", new WithdrawListing(next)));
        s.advance(History.RETENTION_MS);
        s.unsigned(new Tick());
        rejected(s.by("Holder-01", new WithdrawListing(next)), RejectCode.LISTING_PRUNED);
        int compared = 0;
        for (CommandRecord record : s.journal.subList(before, s.journal.size())) {
            EventDocument restored = fromPruned.apply(record);
            for (EventDocument live : s.documents.stream().filter(d -> d.sourceIndex() == record.index()).toList()) {
                assertEquals(live, restored);
                compared++;
            }
        }
        assertEquals(4, compared); // the signed ones (the tick's document is not kept by the scenario)
        assertEquals(s.engine.snapshot(), fromPruned.snapshot());

        Engine replayed = new Engine();
        s.journal.forEach(replayed::apply);
        assertEquals(s.engine.stateHash(), replayed.stateHash());
        assertEquals(s.engine.snapshot(), replayed.snapshot());
    }

    @Test
    void aVersionNineJournalKeepsFinishedItemsForEverWithTheOldRejects() {
        market(new Scenario().genesisWithCalendars(RulesVersion.UNITS_AT_FUNDING));
        long[] ids = finishSomeItems();
        s.advance(History.RETENTION_MS * 10);
        assertEquals(List.of(), s.unsigned(new Tick()).last.events());
        assertTrue(state().listings.containsKey(ids[0]) && state().listings.containsKey(ids[2]));
        assertTrue(state().trades.containsKey(ids[1]));
        assertTrue(state().history.isEmpty());
        assertEquals(null, s.engine.snapshot().history());
        rejected(s.by("Staff-01", new ConfirmSettlement(ids[1])), RejectCode.TRADE_NOT_PENDING);
        rejected(s.by("Holder-01", new WithdrawListing(ids[2])), RejectCode.LISTING_NOT_OPEN);
        rejected(s.by("Investor-07", new AcceptListing(ids[0])), RejectCode.LISTING_NOT_OPEN);
        rejected(s.by("Holder-01", new WithdrawListing(1)), RejectCode.UNKNOWN_LISTING);
    }

    private ExchangeState state() {
        return s.engine.state();
    }
}
