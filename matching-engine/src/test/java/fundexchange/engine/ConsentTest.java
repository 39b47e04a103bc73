package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.ClearRofr.RofrDecision;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OverrideRofr;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.Affiliation;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.ConsentOutcome;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import fundexchange.protocol.transfer.TransferTerms;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent and first refusal (issue 20): a partnership fund's notice, its answers, its deadline and the override. */
class ConsentTest {
    private static final String FUND = "DGP1";
    private static final String DIGEST = "ab".repeat(32);
    private static final Units LOT = Units.of("1000.00");
    private static final Price PRICE = Price.of("1.2000");
    private static final long DAYS_30 = 30 * TransferTerms.DAY_MS;
    private Market m;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market().participant("Manager-01", Role.MANAGER, Role.INVESTOR, Role.HOLDER).participant("Holder-01", Role.HOLDER)
                .participant("Holder-02", Role.HOLDER, Role.INVESTOR).participant("Holder-03", Role.HOLDER, Role.INVESTOR)
                .participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false)
                .deposit(FUND, "Holder-01", "10000.00", "10000.00")
                .deposit(FUND, "Holder-02", "3000.00", "3000.00")
                .deposit(FUND, "Holder-03", "1000.00", "1000.00");
    }

    /** Staff set the partnership defaults: consent, silence refuses, the manager first then pro rata, 30 days. */
    private void partnershipTerms(List<Affiliation> affiliates) {
        EventDocument proposal = m.ok("Staff-01", new Propose(new SetTransferTerms(FUND, "Manager-01", null, null, null,
                null, null, affiliates, DIGEST)));
        assertEquals(List.of(new ProposalApproved(proposal.sourceIndex(), "Staff-02"),
                        new TransferTermsSet(new TransferTerms(FUND, "Manager-01", true, SilenceMeans.REFUSAL,
                                PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA, 30, 30, affiliates, DIGEST))),
                m.ok("Staff-02", new ApproveProposal(proposal.sourceIndex())).events());
    }

    private long list() {
        partnershipTerms(List.of());
        EventDocument listed = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0));
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", "Investor-07", LOT, PRICE, 0,
                        ListingMechanism.NEGOTIATED, null, RofrStatus.PENDING),
                new TransferNoticeIssued(id, FUND, "Holder-01", "Investor-07", LOT, PRICE, "Manager-01", true,
                        PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA, false,
                        List.of(new NoticeHolder("Holder-02", Units.of("3000.00")), new NoticeHolder("Holder-03", Units.of("1000.00"))),
                        m.s.time + DAYS_30)), listed.events());
        return id;
    }

    private EventDocument answer(String who, long id, NoticeAnswer answer, String units) {
        return m.ok(who, new AnswerTransferNotice(id, answer, units == null ? null : Units.of(units), null));
    }

    @Test
    void theManagersRefusalCancelsTheListingAndUnlocksItsUnits() {
        long id = list();
        assertEquals(List.of(new TransferNoticeAnswered(id, "Manager-01", NoticeAnswer.REFUSE, null, null),
                new TransferNoticeResolved(id, ConsentOutcome.REFUSED, List.of(), List.of("Manager-01", "Holder-02", "Holder-03"), LOT),
                new ListingCancelled(id, LOT, RejectCode.CONSENT_REFUSED.code(),
                        "the fund's manager did not consent to the transfer / 基金管理人未同意转让")),
                answer("Manager-01", id, NoticeAnswer.REFUSE, null).events());
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_OPEN_NOTICE);
    }

    @Test
    void whenEveryoneWaivedAndTheManagerConsentedTheListingGoesOnToApprovalAtOnce() {
        long id = list();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        m.refused("Staff-02", new ApproveListing(id), RejectCode.NOTICE_OPEN);
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-02", id, NoticeAnswer.WAIVE, null);
        assertEquals(List.of(new TransferNoticeAnswered(id, "Holder-03", NoticeAnswer.WAIVE, null, null),
                        new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(), List.of(), LOT)),
                answer("Holder-03", id, NoticeAnswer.WAIVE, null).events());
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
    }

    @Test
    void oversubscribedExercisesAreAllottedProRataInLotsWithTheRemainderToTheLargestHolder() {
        long id = list();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-03", id, NoticeAnswer.EXERCISE, "800.00");
        EventDocument last = answer("Holder-02", id, NoticeAnswer.EXERCISE, "800.00");
        // 1000 x 3000/4000 = 750 -> 700 and 1000 x 1000/4000 = 250 -> 200; the 100 left goes to Holder-02.
        assertEquals(List.of(new TransferNoticeAnswered(id, "Holder-02", NoticeAnswer.EXERCISE, Units.of("800.00"), null),
                new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(
                        new Allocation("Holder-03", Units.of("800.00"), Units.of("200.00"), 0),
                        new Allocation("Holder-02", Units.of("800.00"), Units.of("800.00"), 0)), List.of(), Units.ZERO)),
                last.events().subList(0, 2));
        assertEquals(List.of("Holder-03 200.00 #0", "Holder-02 800.00 #1"), trades(last, id));
        m.refused("Staff-02", new ApproveListing(id), RejectCode.LISTING_NOT_PENDING);
    }

    @Test
    void theManagerExercisesFirstAHolderPartAndTheNamedBuyerTakesTheRest() {
        long id = list();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Manager-01", id, NoticeAnswer.EXERCISE, "200.00");
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "300.00");
        EventDocument last = answer("Holder-03", id, NoticeAnswer.WAIVE, null);
        assertEquals(new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(
                new Allocation("Manager-01", Units.of("200.00"), Units.of("200.00"), 0),
                new Allocation("Holder-02", Units.of("300.00"), Units.of("300.00"), 0)), List.of(), Units.of("500.00")),
                last.events().get(1));
        assertEquals(List.of("Manager-01 200.00 #0", "Holder-02 300.00 #1"), trades(last, id));
        m.ok("Staff-02", new ApproveListing(id));
        assertEquals(List.of("Investor-07 500.00 #0"), trades(m.ok("Investor-07", new AcceptListing(id)), id));
    }

    /**
     * A holder with only the INVESTOR role (it bought its units) is named in the next notice and answers it; an investor
     * the notice does not name is refused (6004), and an investor never answers for the manager (1006).
     */
    @Test
    void anInvestorThatBoughtUnitsAnswersTheNextNoticeAndOneItDoesNotNameIsRefused() {
        m.participant("Investor-08", Role.INVESTOR);
        long first = list();
        answer("Manager-01", first, NoticeAnswer.CONSENT, null);
        answer("Manager-01", first, NoticeAnswer.WAIVE, null);
        answer("Holder-02", first, NoticeAnswer.WAIVE, null);
        answer("Holder-03", first, NoticeAnswer.WAIVE, null);
        m.ok("Staff-02", new ApproveListing(first));
        EventDocument bought = m.ok("Investor-07", new AcceptListing(first));
        assertEquals(List.of("Investor-07 1000.00 #0"), trades(bought, first));
        m.ok("Staff-01", new ConfirmSettlement(bought.sourceIndex() * 4096));

        EventDocument listed = m.ok("Holder-02", new ListNegotiated(FUND, "Holder-03", LOT, PRICE, 0));
        long id = listed.sourceIndex();
        assertEquals(List.of(new NoticeHolder("Holder-01", Units.of("9000.00")),
                        new NoticeHolder("Investor-07", Units.of("1000.00"))),
                ((TransferNoticeIssued) listed.events().get(1)).holders());
        m.refused("Investor-08", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_PRIORITY_RIGHT);
        m.refused("Investor-08", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.NO_PRIORITY_RIGHT);
        m.refused("Investor-07", new AnswerTransferNotice(id, NoticeAnswer.CONSENT, null, null), RejectCode.WRONG_ROLE);
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-01", id, NoticeAnswer.WAIVE, null);
        EventDocument last = answer("Investor-07", id, NoticeAnswer.EXERCISE, "100.00");
        assertEquals(List.of(new TransferNoticeAnswered(id, "Investor-07", NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(
                        new Allocation("Investor-07", Units.of("100.00"), Units.of("100.00"), 0)), List.of(),
                        Units.of("900.00"))), last.events().subList(0, 2));
        assertEquals(List.of("Holder-02 -> Investor-07 100.00"), last.events().stream()
                .filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                .map(t -> t.seller() + " -> " + t.buyer() + " " + t.units()).toList());
        assertEquals(3, last.events().size());
    }

    @Test
    void atTheDeadlineSilenceWaivesThePriorityRightAndRefusesAConsentNotGiven() {
        long id = list();
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "100.00");
        m.s.advance(DAYS_30 - 1);
        assertEquals(List.of(), m.s.unsigned(new Tick()).last.events());
        m.s.advance(1);
        assertEquals(List.of(new TransferNoticeResolved(id, ConsentOutcome.REFUSED_BY_SILENCE, List.of(),
                        List.of("Manager-01", "Holder-03"), LOT),
                new ListingCancelled(id, LOT, RejectCode.CONSENT_REFUSED.code(),
                        "the fund's manager did not consent to the transfer / 基金管理人未同意转让")),
                m.s.unsigned(new Tick()).last.events());
    }

    @Test
    void atTheDeadlineAConsentGivenLetsTheExercisesTradeAndTheSilentWaive() {
        long id = list();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "100.00");
        m.s.advance(DAYS_30);
        EventDocument tick = m.s.unsigned(new Tick()).last;
        assertEquals(new TransferNoticeResolved(id, ConsentOutcome.GIVEN,
                        List.of(new Allocation("Holder-02", Units.of("100.00"), Units.of("100.00"), 0)),
                        List.of("Manager-01", "Holder-03"), Units.of("900.00")), tick.events().get(0));
        assertEquals(List.of("Holder-02 100.00 #0"), trades(tick, id));
    }

    @Test
    void aVersionFourJournalStillTakesADirectClearRofrAsItWasReleased() {
        Market v4 = new Market(4).participant("Holder-02", Role.HOLDER).participant("Holder-03", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).fund("DGF3", true)
                .deposit("DGF3", "Holder-02", "3000.00", "3000.00").deposit("DGF3", "Holder-03", "1000.00", "1000.00");
        long id = v4.ok("Holder-02", new ListNegotiated("DGF3", "Investor-07", LOT, PRICE, 0)).sourceIndex();
        assertEquals(OutcomeStatus.ACCEPTED, v4.s.by("Staff-01", new ClearRofr(id, RofrDecision.WAIVED,
                List.of("Holder-03"), null)).outcome().status());
        v4.replayCheckingInvariants();
    }

    @Test
    void staffOverrideANoticeOnlyByMakerCheckerWithAReason() {
        long id = list();
        m.refused("Staff-01", new ClearRofr(id, RofrDecision.WAIVED, List.of("Holder-02"), null),
                RejectCode.ROFR_OVERRIDE_NEEDS_PROPOSAL);
        EventDocument proposal = m.ok("Staff-01", new Propose(new OverrideRofr(id, RofrDecision.WAIVED, null,
                "the partners waived in writing before the listing")));
        assertEquals(List.of(new ProposalApproved(proposal.sourceIndex(), "Staff-03"),
                        new TransferNoticeResolved(id, ConsentOutcome.OVERRIDDEN, List.of(),
                                List.of("Manager-01", "Holder-02", "Holder-03"), LOT),
                        new RofrCleared(id, RofrDecision.WAIVED, List.of(), null, "Staff-01",
                                "the partners waived in writing before the listing")),
                m.ok("Staff-03", new ApproveProposal(proposal.sourceIndex())).events());
        m.refused("Manager-01", new AnswerTransferNotice(id, NoticeAnswer.CONSENT, null, null), RejectCode.NO_OPEN_NOTICE);
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
    }

    @Test
    void answersAreRefusedWhenTheyDoNotFitTheNotice() {
        long id = list();
        m.refused("Investor-07", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_PRIORITY_RIGHT);
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.CONSENT, null, null), RejectCode.WRONG_ROLE);
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("150.00"), null),
                RejectCode.EXERCISE_UNITS_INVALID);
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("1100.00"), null),
                RejectCode.EXERCISE_UNITS_INVALID);
        m.refused("Manager-01", new AnswerTransferNotice(id, NoticeAnswer.ATTEST_WAIVERS, null, DIGEST),
                RejectCode.NOTICE_ANSWER_INVALID);
        answer("Holder-02", id, NoticeAnswer.WAIVE, null);
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.NOTICE_ALREADY_ANSWERED);
        m.refused("Holder-01", new ListAuction(FUND, ListingMechanism.DUTCH, LOT, PRICE, null, null, m.s.time + 1,
                m.s.time + 1000, null, null, false, null), RejectCode.MECHANISM_NOT_UNDER_TERMS);
    }

    @Test
    void theManagerSellingDecidesNothingOnItsOwnSaleAndTheDeadlineDoes() {
        m.deposit(FUND, "Manager-01", "500.00", "500.00");
        partnershipTerms(List.of());
        long id = m.ok("Manager-01", new ListNegotiated(FUND, "Investor-07", Units.of("500.00"), PRICE, 0)).sourceIndex();
        m.refused("Manager-01", new AnswerTransferNotice(id, NoticeAnswer.CONSENT, null, null), RejectCode.MANAGER_IS_PARTY);
    }

    @Test
    void aTransferToAnAffiliateNeedsNoNotice() {
        partnershipTerms(List.of(new Affiliation("Holder-01", "Investor-07")));
        long id = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0)).sourceIndex();
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
    }

    @Test
    void aListingMustNotExpireBeforeItsNoticeEnds() {
        partnershipTerms(List.of());
        m.refused("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, m.s.time + DAYS_30),
                RejectCode.NOTICE_OUTLASTS_EXPIRY);
    }

    @Test
    void theFundsManagerSubmitsAFullRegisterAndAnotherManagerIsRefused() {
        m.participant("Manager-02", Role.MANAGER).participant("Manager-03", Role.MANAGER);
        m.ok("Staff-01", new fundexchange.protocol.command.RegisterFund("DGP2", "Demo Growth Partners II", "Demo GP",
                "GROWTH", 2021, "CNY", fundexchange.protocol.reference.LegalForm.PARTNERSHIP,
                fundexchange.protocol.reference.CustodyMode.FULL, null, Price.of("1.0000"), "2026-09-30",
                Units.of("100.00"), false));
        m.approved(new SetTransferTerms("DGP2", "Manager-02", null, null, null, null, null, null, DIGEST));
        fundexchange.protocol.command.SubmitCustody register = new fundexchange.protocol.command.SubmitCustody("DGP2",
                List.of(new fundexchange.protocol.custody.CustodyEntry("Holder-02", Units.of("500.00"),
                        fundexchange.protocol.money.Money.of("500.00"), fundexchange.protocol.money.Money.of("250.00"), null)),
                DIGEST);
        m.refused("Manager-03", register, RejectCode.NOT_FUND_MANAGER);
        EventDocument submitted = m.ok("Manager-02", register);
        assertEquals("Manager-02", ((fundexchange.protocol.event.CustodySubmitted) submitted.events().get(0)).submittedBy());
    }

    @Test
    void withNobodyHoldingThePriorityRightTheNoticeAsksOnlyTheManagersConsentAndNamesNoHolder() {
        m.approved(new SetTransferTerms(FUND, "Manager-01", true, null, PriorityOrder.NONE, null, null, null, DIGEST));
        EventDocument listed = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0));
        long id = listed.sourceIndex();
        assertEquals(new TransferNoticeIssued(id, FUND, "Holder-01", "Investor-07", LOT, PRICE, "Manager-01", true,
                PriorityOrder.NONE, false, List.of(), m.s.time + DAYS_30), listed.events().get(1));
        assertEquals(List.of(new TransferNoticeAnswered(id, "Manager-01", NoticeAnswer.CONSENT, null, null),
                        new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(), List.of(), LOT)),
                answer("Manager-01", id, NoticeAnswer.CONSENT, null).events());
    }

    @Test
    void withNoConsentAndNobodyHoldingThePriorityRightAFullCustodyListingGetsNoNotice() {
        m.approved(new SetTransferTerms(FUND, "Manager-01", false, null, PriorityOrder.NONE, null, null, null, DIGEST));
        long id = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0)).sourceIndex();
        assertEquals(List.of(new ListingOpened(id)), m.ok("Staff-02", new ApproveListing(id)).events());
    }

    @Test
    void waiversTakeNoTradeNumberSoADeadlineWithRoomForItsExercisesResolves() {
        long id = list();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "100.00");
        ExchangeState state = m.s.engine.state();
        TransferChecks checks = new TransferChecks(state);
        TransferNotices notices = new TransferNotices(state, checks, new TradeTerms(state, checks));
        long at = m.s.time + DAYS_30;
        List<fundexchange.protocol.event.Event> fired = notices.deadline(state.notices.get(id), 99, at,
                java.time.LocalDate.of(2027, 1, 1), (int) TradeTerms.FILLS_PER_COMMAND - 1);
        assertEquals(new TransferNoticeResolved(id, ConsentOutcome.GIVEN,
                List.of(new Allocation("Holder-02", Units.of("100.00"), Units.of("100.00"), 0)), List.of("Holder-03"),
                Units.of("900.00")), fired.get(0));
        assertEquals(99 * TradeTerms.FILLS_PER_COMMAND + TradeTerms.FILLS_PER_COMMAND - 1,
                ((TradeExecuted) fired.get(1)).tradeId());
    }

    @Test
    void aNoticeNamesAtMostTwoHundredHoldersAndAListingThatWouldNameMoreIsRefused() {
        m.ok("Staff-01", new fundexchange.protocol.command.RegisterFund("DGP9", "Demo Growth Partners IX", "Demo GP",
                "GROWTH", 2021, "CNY", fundexchange.protocol.reference.LegalForm.PARTNERSHIP,
                fundexchange.protocol.reference.CustodyMode.FULL, 300, Price.of("1.0000"), "2026-09-30",
                Units.of("100.00"), false));
        m.approved(new SetTransferTerms("DGP9", "Manager-01", null, null, null, null, null, null, DIGEST));
        m.deposit("DGP9", "Holder-01", "1000.00", "1000.00");
        for (int i = 0; i < TransferNotices.MAX_NOTICE_HOLDERS; i++) {
            String holder = String.format("Holder-%03d", 100 + i);
            m.participant(holder, Role.HOLDER).deposit("DGP9", holder, "100.00", "100.00");
        }
        long id = m.ok("Holder-01", new ListNegotiated("DGP9", "Investor-07", LOT, PRICE, 0)).sourceIndex();
        m.ok("Manager-01", new AnswerTransferNotice(id, NoticeAnswer.REFUSE, null, null));
        m.participant("Holder-300", Role.HOLDER).deposit("DGP9", "Holder-300", "100.00", "100.00");
        m.refused("Holder-01", new ListNegotiated("DGP9", "Investor-07", LOT, PRICE, 0), RejectCode.NOTICE_TOO_LARGE);
    }

    @Test
    void aManagerHoldingUnitsDecidesConsentBeforeItMayExerciseItsOwnRight() {
        m.deposit(FUND, "Manager-01", "1000.00", "1000.00");
        m.approved(new SetTransferTerms(FUND, "Manager-01", null, null, PriorityOrder.PRO_RATA, null, null, null, DIGEST));
        EventDocument listed = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0));
        long id = listed.sourceIndex();
        assertEquals(List.of(new NoticeHolder("Holder-02", Units.of("3000.00")), new NoticeHolder("Holder-03", Units.of("1000.00")),
                new NoticeHolder("Manager-01", Units.of("1000.00"))), ((TransferNoticeIssued) listed.events().get(1)).holders());
        m.refused("Manager-01", new AnswerTransferNotice(id, NoticeAnswer.EXERCISE, Units.of("100.00"), null),
                RejectCode.NOTICE_ANSWER_INVALID);
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        assertEquals(List.of(new TransferNoticeAnswered(id, "Manager-01", NoticeAnswer.EXERCISE, Units.of("100.00"), null)),
                answer("Manager-01", id, NoticeAnswer.EXERCISE, "100.00").events());
    }

    @Test
    void termsAreRefusedWhileTheFundHasALiveListingOrOfferAndTakeEffectOnceNoneIsLeft() {
        SetTransferTerms terms = new SetTransferTerms(FUND, "Manager-01", null, null, null, null, null, null, DIGEST);
        long id = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", LOT, PRICE, 0)).sourceIndex();
        m.refused("Staff-01", new Propose(terms), RejectCode.TERMS_INVALID);
        m.ok("Holder-01", new fundexchange.protocol.command.WithdrawListing(id));
        long offer = m.ok("Holder-02", new fundexchange.protocol.command.PostOffer(FUND, LOT, LOT, PRICE,
                fundexchange.protocol.intent.OfferVisibility.QUALIFIED_ONLY, 0)).sourceIndex();
        m.refused("Staff-01", new Propose(terms), RejectCode.TERMS_INVALID);
        m.ok("Holder-02", new fundexchange.protocol.command.WithdrawOffer(offer));
        m.approved(terms);
    }

    /** A seller whose 1000 units cost 0.01 lists them at 10^10 per unit: any trade's multiple of cost overflows. */
    private long unusableListing() {
        m.participant("Holder-05", Role.HOLDER).deposit(FUND, "Holder-05", "1000.00", "0.01");
        partnershipTerms(List.of());
        long id = m.ok("Holder-05", new ListNegotiated(FUND, "Investor-07", LOT, HUGE, 0)).sourceIndex();
        answer("Manager-01", id, NoticeAnswer.CONSENT, null);
        answer("Holder-02", id, NoticeAnswer.EXERCISE, "1000.00");
        return id;
    }

    private static final Price HUGE = Price.of("10000000000.0000");

    private static List<fundexchange.protocol.event.Event> cannotTrade(long id, List<String> silent) {
        return List.of(new TransferNoticeResolved(id, ConsentOutcome.GIVEN, List.of(), silent, LOT),
                new ListingCancelled(id, LOT, RejectCode.ARITHMETIC_OVERFLOW.code(),
                        "an exercise cannot trade at the listing's price: amount exceeds the documented range"
                                + " / 优先购买无法按挂牌价格成交"));
    }

    @Test
    void anExerciseThatCannotTradeCancelsTheListingAtTheDeadlineAndTheEngineGoesOn() {
        long id = unusableListing();
        m.s.advance(DAYS_30);
        assertEquals(cannotTrade(id, List.of("Manager-01", "Holder-01", "Holder-03")),
                m.s.unsigned(new Tick()).last.events());
        assertEquals(List.of(), m.s.unsigned(new Tick()).last.events());
    }

    @Test
    void anExerciseThatCannotTradeCancelsTheListingWhenTheLastAnswerResolvesIt() {
        long id = unusableListing();
        answer("Manager-01", id, NoticeAnswer.WAIVE, null);
        answer("Holder-01", id, NoticeAnswer.WAIVE, null);
        EventDocument last = answer("Holder-03", id, NoticeAnswer.WAIVE, null);
        assertEquals(cannotTrade(id, List.of()), last.events().subList(1, last.events().size()));
        m.refused("Holder-02", new AnswerTransferNotice(id, NoticeAnswer.WAIVE, null, null), RejectCode.NO_OPEN_NOTICE);
    }

    /** The trades of a document: buyer, units and fill number, each checked to be the listing's at its price. */
    private static List<String> trades(EventDocument doc, long listingId) {
        return doc.events().stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                .peek(t -> {
                    assertEquals(listingId, t.listingId());
                    assertEquals(PRICE, t.price());
                    assertEquals("Holder-01", t.seller());
                })
                .map(t -> t.buyer() + " " + t.units() + " #" + (t.tradeId() - doc.sourceIndex() * 4096)).toList();
    }
}
