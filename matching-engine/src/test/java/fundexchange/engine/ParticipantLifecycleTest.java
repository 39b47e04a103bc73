package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.ReinstateParticipant;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.SuspendParticipant;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.intent.IntentClosure;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Suspension and reinstatement by maker-checker (issue 14): what a suspension cancels, what a suspended participant
 * may still do, and that reinstatement restores nothing. CONTRACTS.md 4 and 13.
 */
class ParticipantLifecycleTest {
    private static final String FUND = "DGF3";
    private static final int SUSPENDED = RejectCode.PARTICIPANT_SUSPENDED.code();
    private static final String WHY = Suspension.REASON;
    private static final long HOUR = 3_600_000L;
    private final Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
            .participant("Investor-08", Role.INVESTOR).participant("Dual-05", Role.HOLDER, Role.INVESTOR)
            .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00")
            .deposit(FUND, "Dual-05", "10000.00", "10000.00");
    private final Scenario s = m.s;
    private int nonces;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @Test
    void aSuspensionCancelsEveryKindOfRestingInterestInOrderEachWithItsReason() {
        m.ok("Staff-01", new OpenBook(FUND, Units.of("100.00")));
        long sell = orderId(m.ok("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("500.00"), Price.of("1.6000"))));
        long buy = orderId(m.ok("Dual-05", new PlaceOrder(FUND, Side.BUY, Units.of("100.00"), Price.of("1.0000"))));
        long sealed = opened(new ListAuction(FUND, ListingMechanism.SEALED, Units.of("1000.00"), Price.of("1.0000"),
                Price.of("1.2000"), null, s.time, s.time + HOUR, null, null, false, null));
        long sealedBid = m.ok("Dual-05", new PlaceSealedBid(sealed, Price.of("1.3000"), String.format("%064x", ++nonces)))
                .sourceIndex();
        long english = opened(new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"), Price.of("1.0000"),
                Price.of("1.2000"), Price.of("0.0500"), s.time, s.time + HOUR, null, null, false, null));
        long englishBid = m.ok("Dual-05", new PlaceBid(english, Price.of("1.1000"), null)).sourceIndex();
        long holderOffer = offer("Holder-01");
        EventDocument quoted = m.ok("Dual-05", new SubmitQuote(holderOffer, Price.of("1.4000"), Units.of("100.00")));
        int quotePseudonym = ((QuoteSubmitted) quoted.events().getFirst()).pseudonym();
        long intent = m.ok("Dual-05", new PostIntent(List.of(FUND), null, Money.ZERO, Money.of("1000.00"), 5000, 0))
                .sourceIndex();
        long dualOffer = offer("Dual-05");
        long investorQuote = m.ok("Investor-07", new SubmitQuote(dualOffer, Price.of("1.4000"), Units.of("100.00")))
                .sourceIndex();
        long listing = m.ok("Dual-05", new ListNegotiated(FUND, "Investor-08", Units.of("300.00"), Price.of("1.5000"), 0))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));

        long proposal = m.ok("Staff-01", new Propose(new SuspendParticipant("Dual-05", "sanctions screening hit"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"),
                        new ParticipantSuspended("Dual-05", proposal, "sanctions screening hit"),
                        new OrderCancelled(sell, FUND, "Dual-05", Side.SELL, Units.of("500.00"), SUSPENDED, WHY),
                        new OrderCancelled(buy, FUND, "Dual-05", Side.BUY, Units.of("100.00"), SUSPENDED, WHY),
                        new BidCancelled(sealed, sealedBid, "Dual-05", 1, SUSPENDED, WHY),
                        new QuoteDeclined(quoted.sourceIndex(), holderOffer, fundexchange.protocol.intent.Side.INVESTOR,
                                quotePseudonym, SUSPENDED, WHY),
                        new IntentClosed(intent, "Dual-05", IntentClosure.CANCELLED, List.of(), SUSPENDED, WHY),
                        new OfferClosed(dualOffer, FUND, "Dual-05", OfferClosure.WITHDRAWN, Units.of("1000.00"),
                                List.of(investorQuote), List.of(), SUSPENDED, WHY),
                        new ListingCancelled(listing, Units.of("300.00"), SUSPENDED, WHY)),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());

        assertEquals(ParticipantStatus.SUSPENDED, s.engine.state().participants.get("Dual-05").status());
        assertEquals(Units.ZERO, s.engine.state().position(FUND, "Dual-05").locked(), "every lock was released");
        assertEquals(BidStatus.ACTIVE, s.engine.state().bids.get(englishBid).status(),
                "an open English bid is binding: the close passes it over");
    }

    @Test
    void aSuspendedParticipantEntersNoNewInterestButCompletesWhatItOwesAndManagesItsKeys() {
        long listing = m.ok("Holder-01", new ListNegotiated(FUND, "Dual-05", Units.of("200.00"), Price.of("1.5000"), 0))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        long trade = m.ok("Dual-05", new AcceptListing(listing)).sourceIndex() * TradeTerms.FILLS_PER_COMMAND;
        m.approved(new SuspendParticipant("Dual-05", "unpaid fees"));

        m.refused("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("100.00"), Price.of("1.6000")), RejectCode.PARTICIPANT_SUSPENDED);
        m.refused("Dual-05", new PostIntent(List.of(FUND), null, Money.ZERO, Money.of("1000.00"), 5000, 0),
                RejectCode.PARTICIPANT_SUSPENDED);
        m.refused("Dual-05", new PostOffer(FUND, Units.of("100.00"), Units.of("100.00"), Price.of("1.5000"),
                OfferVisibility.QUALIFIED_ONLY, 0), RejectCode.PARTICIPANT_SUSPENDED);
        m.refused("Dual-05", new ListNegotiated(FUND, "Investor-07", Units.of("100.00"), Price.of("1.5000"), 0),
                RejectCode.PARTICIPANT_SUSPENDED);
        m.refused("Dual-05", new CancelOrder(12345), RejectCode.UNKNOWN_ORDER);  // allowed through, then decided
        assertEquals(List.of(TradeSettled.class), m.ok("Staff-03", new ConfirmSettlement(trade)).events().stream()
                .<Class<?>>map(Object::getClass).toList(), "its pending trade still settles");
        assertEquals(List.of(new KeyRegistered("Dual-05", "Dual-05-k2", "ED25519", Scenario.key("Dual-05-k2"))),
                m.ok("Dual-05", new RotateKey("Dual-05-k2", "ED25519", Scenario.key("Dual-05-k2"))).events());
    }

    @Test
    void reinstatementMakesTheParticipantActiveAndRestoresNothing() {
        m.ok("Staff-01", new OpenBook(FUND, Units.of("100.00")));
        m.ok("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("500.00"), Price.of("1.6000")));
        m.approved(new SuspendParticipant("Dual-05", "unpaid fees"));
        m.refused("Staff-01", new Propose(new SuspendParticipant("Dual-05", "again")),
                RejectCode.PARTICIPANT_NOT_ACTIVE_FOR_SUSPENSION);
        m.refused("Staff-01", new Propose(new ReinstateParticipant("Holder-01", "never suspended")),
                RejectCode.PARTICIPANT_NOT_SUSPENDED);
        m.refused("Staff-01", new Propose(new ReinstateParticipant("Dual-05", " ")), RejectCode.INVALID_FIELD);

        long proposal = m.ok("Staff-01", new Propose(new ReinstateParticipant("Dual-05", "fees paid"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new ParticipantReinstated("Dual-05", proposal, "fees paid")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        assertEquals(0, s.engine.state().books.restingOrders(), "nothing cancelled comes back");
        EventDocument again = m.ok("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("100.00"), Price.of("1.6000")));
        assertEquals(List.of(new OrderAccepted(again.sourceIndex(), FUND, "Dual-05", Side.SELL, Units.of("100.00"),
                Price.of("1.6000"))), again.events());
    }

    @Test
    void aSuspendedProposersPendingProposalsLapseAndStayLapsedAfterReinstatement() {
        FreezeUnits freeze = new FreezeUnits(FUND, "Holder-01", Units.of("100.00"), "Demo Court", "case", CustodyTest.DIGEST);
        long pending = m.ok("Staff-03", new Propose(freeze)).sourceIndex();
        long suspension = m.ok("Staff-01", new Propose(new SuspendParticipant("Staff-03", "left the firm"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(suspension, "Staff-02"),
                        new ParticipantSuspended("Staff-03", suspension, "left the firm"),
                        new ProposalExpired(pending, "Staff-03")),
                m.ok("Staff-02", new ApproveProposal(suspension)).events());
        m.refused("Staff-01", new ApproveProposal(pending), RejectCode.PROPOSAL_EXPIRED);
        m.refused("Staff-03", new Propose(freeze), RejectCode.PARTICIPANT_SUSPENDED);
        m.refused("Staff-03", new ApproveProposal(pending), RejectCode.PARTICIPANT_SUSPENDED);

        m.approved(new ReinstateParticipant("Staff-03", "rejoined"));
        m.refused("Staff-01", new ApproveProposal(pending), RejectCode.PROPOSAL_EXPIRED);
    }

    @Test
    void staffNeverSuspendOrReinstateThemselves() {
        m.refused("Staff-01", new Propose(new SuspendParticipant("Staff-01", "holiday")), RejectCode.STAFF_IS_PARTY);
        long proposal = m.ok("Staff-01", new Propose(new SuspendParticipant("Staff-02", "audit"))).sourceIndex();
        m.refused("Staff-02", new ApproveProposal(proposal), RejectCode.STAFF_IS_PARTY);
    }

    private long opened(ListAuction auction) {
        long id = m.ok("Holder-01", auction).sourceIndex();
        m.ok("Staff-02", new ApproveListing(id));
        return id;
    }

    private long offer(String holder) {
        return m.ok(holder, new PostOffer(FUND, Units.of("1000.00"), Units.of("100.00"), Price.of("1.5000"),
                OfferVisibility.QUALIFIED_ONLY, 0)).sourceIndex();
    }

    private static long orderId(EventDocument doc) {
        return ((OrderAccepted) doc.events().getFirst()).orderId();
    }
}
