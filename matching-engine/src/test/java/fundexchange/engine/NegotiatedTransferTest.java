package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NegotiatedTransferTest {
    private static final String FUND = "DGF3";
    private Scenario s;

    @BeforeEach
    void market() {
        s = new Scenario().genesis();
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
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status());
        assertEquals(code.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(List.of(), doc.events());
    }

    private long listAndApprove() {
        EventDocument listed = accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("400000.00"), Price.of("0.9000"), 0)));
        accepted(s.by("Staff-02", new ApproveListing(listed.sourceIndex())));
        return listed.sourceIndex();
    }

    @Test
    void negotiatedTransferMovesUnitsAndCostAtSettlement() {
        EventDocument listed = s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("400000.00"), Price.of("0.9000"), 0));
        long id = listed.sourceIndex();
        assertEquals(List.of(new ListingSubmitted(id, FUND, "Holder-01", "Investor-07", Units.of("400000.00"), Price.of("0.9000"), 0,
                ListingMechanism.NEGOTIATED, null, RofrStatus.NOT_APPLICABLE)), listed.events());
        assertEquals(List.of(new ListingOpened(id)), s.by("Staff-02", new ApproveListing(id)).events());

        EventDocument accept = s.by("Investor-07", new AcceptListing(id));
        long tradeId = accept.sourceIndex() * 4096;
        assertEquals(List.of(new TradeExecuted(tradeId, id, FUND, "Holder-01", "Investor-07", Units.of("400000.00"),
                Price.of("0.9000"), Money.of("360000.00"), 6000, Multiple.of("0.9000"), true,
                Scenario.settleBy(s.time))), accept.events());

        EventDocument settled = s.by("Staff-01", new ConfirmSettlement(tradeId));
        assertEquals(List.of(new TradeSettled(tradeId, FUND, "Holder-01", "Investor-07", Units.of("400000.00"),
                Money.of("360000.00"), Money.of("400000.00"), 2, "2026-11-18")), settled.events());
        rejected(s.by("Staff-01", new ConfirmSettlement(tradeId)), RejectCode.TRADE_NOT_PENDING);
    }

    @Test
    void sensitiveActionTakesEffectOnlyWhenADifferentStaffMemberApproves() {
        s.by("Staff-01", new RegisterParticipant("Investor-09", "Demo Buyer Nine", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        EventDocument proposal = accepted(s.by("Staff-01", new Propose(new ApproveParticipant("Investor-09"))));
        rejected(s.by("Staff-01", new ApproveProposal(proposal.sourceIndex())), RejectCode.SAME_STAFF_APPROVAL);
        assertEquals(List.of(new ProposalApproved(proposal.sourceIndex(), "Staff-02"), new ParticipantApproved("Investor-09")),
                s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())).events());
        rejected(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())), RejectCode.PROPOSAL_NOT_PENDING);
    }

    @Test
    void rejectsObviousBadCasesWithStableCodes() {
        rejected(s.by("Holder-01", new ListNegotiated("NOPE", "Investor-07", Units.of("1000.00"), Price.of("1"), 0)), RejectCode.UNKNOWN_FUND);
        rejected(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("2000000.00"), Price.of("1"), 0)), RejectCode.INSUFFICIENT_UNITS);
        rejected(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("50.00"), Price.of("1"), 0)), RejectCode.BELOW_MIN_TRANSFER);
        rejected(s.by("Investor-07", new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1"), 0)), RejectCode.WRONG_ROLE);
        rejected(s.by("Holder-01", new ApproveListing(1)), RejectCode.WRONG_ROLE);
        rejected(s.by("Ghost-01", new ApproveListing(1)), RejectCode.UNKNOWN_PARTICIPANT);
        rejected(s.by("Holder-01", "Investor-07-k1", "x-1", new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1"), 0)), RejectCode.KEY_NOT_OWNED);
        rejected(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("92233720368547758.07"), Price.of("1"), 0)), RejectCode.INSUFFICIENT_UNITS);
    }

    @Test
    void unqualifiedBuyerCannotAccept() {
        long id = listAndApprove();
        approved(new SetQualification("Investor-07", QualificationStatus.NOT_QUALIFIED, null));
        rejected(s.by("Investor-07", new AcceptListing(id)), RejectCode.BUYER_NOT_QUALIFIED);
    }

    @Test
    void qualificationLapsesAfterItsValidityDate() {
        long id = listAndApprove();
        s.advance(500L * 24 * 3600 * 1000);
        rejected(s.by("Investor-07", new AcceptListing(id)), RejectCode.BUYER_NOT_QUALIFIED);
    }

    @Test
    void duplicateRequestReturnsOriginalOutcomeWithoutSecondEffect() {
        ListNegotiated listing = new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1.0000"), 0);
        EventDocument first = accepted(s.by("Holder-01", "Holder-01-k1", "dup-1", listing));
        EventDocument repeat = s.by("Holder-01", "Holder-01-k1", "dup-1", listing);
        assertEquals(Outcome.ACCEPTED.asDuplicateOf(first.sourceIndex()), repeat.outcome());
        assertEquals(List.of(), repeat.events());
        String hash = s.engine.stateHash();
        EventDocument changed = s.by("Holder-01", "Holder-01-k1", "dup-1",
                new ListNegotiated(FUND, "Investor-07", Units.of("2000.00"), Price.of("1.0000"), 0));
        rejected(changed, RejectCode.DUPLICATE_REQUEST_DIFFERENT_BODY);
        accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("999000.00"), Price.of("1.0000"), 0)));
        assertEquals(false, hash.equals(s.engine.stateHash()));
    }

    @Test
    void sameClientRequestIdOnAnotherEndpointIsADifferentRequest() {
        long id = listAndApprove();
        EventDocument approve = s.by("Staff-01", new ApproveListing(id));
        fundexchange.protocol.SignedRequest first = s.journal.getLast().request();
        EventDocument accept = s.by("Investor-07", new AcceptListing(id));
        long tradeId = accept.sourceIndex() * 4096;
        CommandRecord settle = s.signedRecord("Staff-01", "Staff-01-k1", first.clientRequestId(), s.time, new ConfirmSettlement(tradeId));
        CommandRecord samePathOtherCommand = new CommandRecord(settle.version(), settle.index(), settle.time(),
                new fundexchange.protocol.SignedRequest(first.participant(), first.keyId(), first.algorithm(), first.signature(),
                        s.time, first.clientRequestId(), "POST", "/trades/" + tradeId + "/settle", "", first.bodyDigest(), first.body()),
                settle.command());
        rejected(approve, RejectCode.LISTING_NOT_PENDING);
        rejected(s.submit(samePathOtherCommand), RejectCode.DUPLICATE_REQUEST_DIFFERENT_BODY);
    }

    @Test
    void theNamedBuyerDeclinesAndTheUnitsAreUnlocked() {
        long id = listAndApprove();
        rejected(s.by("Holder-01", new fundexchange.protocol.command.DeclineListing(id)), RejectCode.WRONG_ROLE);
        assertEquals(List.of(new fundexchange.protocol.event.ListingDeclined(id, Units.of("400000.00"))),
                s.by("Investor-07", new fundexchange.protocol.command.DeclineListing(id)).events());
        rejected(s.by("Investor-07", new AcceptListing(id)), RejectCode.LISTING_NOT_OPEN);
        accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000000.00"), Price.of("1"), 0)));
    }

    @Test
    void theSellerWithdrawsBeforeExecutionAndTheUnitsAreUnlocked() {
        EventDocument listed = accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000000.00"), Price.of("1"), 0)));
        assertEquals(List.of(new fundexchange.protocol.event.ListingWithdrawn(listed.sourceIndex(), Units.of("1000000.00"))),
                s.by("Holder-01", new fundexchange.protocol.command.WithdrawListing(listed.sourceIndex())).events());
        rejected(s.by("Holder-01", new fundexchange.protocol.command.WithdrawListing(listed.sourceIndex())), RejectCode.LISTING_NOT_OPEN);
        rejected(s.by("Staff-02", new ApproveListing(listed.sourceIndex())), RejectCode.LISTING_NOT_PENDING);
        accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000000.00"), Price.of("1"), 0)));
    }

    @Test
    void revokedKeyIsRefusedFromTheRevocationOn() {
        rejected(s.by("Staff-02", new RevokeKey("Holder-01-k1")), RejectCode.LAST_KEY_NEEDS_PROPOSAL);
        accepted(s.by("Holder-01", new RevokeKey("Holder-01-k1")));
        rejected(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1"), 0)), RejectCode.KEY_REVOKED);
    }

    @Test
    void timestampOutsideTheWindowIsRefused() {
        CommandRecord stale = s.signedRecord("Holder-01", "Holder-01-k1", "old-1", s.time - 300_001,
                new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1"), 0));
        rejected(s.submit(stale), RejectCode.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void listingExpiresAtItsDeadlineAndUnlocksUnits() {
        long expiresAt = s.time + 60_000;
        EventDocument listed = accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000000.00"), Price.of("1"), expiresAt)));
        assertEquals(expiresAt, s.engine.nextDeadline());
        s.advance(60_000).unsigned(new Tick());
        assertEquals(List.of(new ListingExpired(listed.sourceIndex(), Units.of("1000000.00"))), s.last.events());
        assertEquals(Long.MAX_VALUE, s.engine.nextDeadline());
        accepted(s.by("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000000.00"), Price.of("1"), 0)));
    }

    @Test
    void replayingTheJournalReproducesEveryDocumentAndTheStateHash() {
        long id = listAndApprove();
        s.by("Investor-07", new AcceptListing(id));
        Engine replica = new Engine();
        for (CommandRecord record : s.journal) {
            replica.apply(record);
        }
        assertEquals(s.engine.stateHash(), replica.stateHash());
        Engine again = new Engine();
        List<EventDocument> docs = s.journal.stream().map(again::apply).toList();
        assertEquals(s.last, docs.getLast());
    }
}
