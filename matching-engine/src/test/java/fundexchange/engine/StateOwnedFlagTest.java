package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.StateOwnedSet;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state-owned flag is set only while the holder has no live sale (6113), so no sale entered before the flag keeps
 * filling without the state-owned rules (CONTRACTS.md 13; docs/rules.md, State-owned holders).
 */
class StateOwnedFlagTest {
    private static final String FUND = "DGF3";
    private static final SetStateOwned FLAG = new SetStateOwned("Dual-05", true, "state-owned LP per SASAC filing");
    private final Market m = new Market().participant("Investor-07", Role.INVESTOR)
            .participant("Dual-05", Role.HOLDER, Role.INVESTOR).fund(FUND, false)
            .deposit(FUND, "Dual-05", "10000.00", "10000.00");

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @Test
    void aRestingSellOrderRefusesTheFlagUntilItIsCancelledWhileABuyOrderDoesNot() {
        m.ok("Staff-01", new OpenBook(FUND, Units.of("100.00")));
        m.ok("Dual-05", new PlaceOrder(FUND, Side.BUY, Units.of("100.00"), Price.of("1.0000")));
        long proposal = m.ok("Staff-01", new Propose(FLAG)).sourceIndex();
        long sell = orderId(m.ok("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("500.00"), Price.of("1.6000"))));
        assertEquals("Dual-05 has live sales; withdraw them before the flag is set: book sell orders [" + sell
                        + "], offers [], listings [] / Dual-05 尚有在售：挂单（卖出）[" + sell + "]，报价 []，挂牌 []；须先撤回方可标记为国有",
                refusal(m.s.by("Staff-02", new ApproveProposal(proposal))));

        m.ok("Dual-05", new CancelOrder(sell));
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"),
                        new StateOwnedSet("Dual-05", true, proposal, "state-owned LP per SASAC filing")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
    }

    @Test
    void anOpenListingRefusesTheFlag() {
        long listing = m.ok("Dual-05", new ListNegotiated(FUND, "Investor-07", Units.of("300.00"), Price.of("1.5000"), 0))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        assertEquals("Dual-05 has live sales; withdraw them before the flag is set: book sell orders [], offers [], listings ["
                        + listing + "] / Dual-05 尚有在售：挂单（卖出）[]，报价 []，挂牌 [" + listing + "]；须先撤回方可标记为国有",
                refusal(m.s.by("Staff-01", new Propose(FLAG))));
    }

    @Test
    void theRefusalNamesAtMostFiveOfEachKindAndCountsTheRest() {
        m.ok("Staff-01", new OpenBook(FUND, Units.of("100.00")));
        List<Long> sells = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sells.add(orderId(m.ok("Dual-05", new PlaceOrder(FUND, Side.SELL, Units.of("100.00"), Price.of("1.6000")))));
        }
        String named = sells.subList(0, 5).toString() + " +2";
        assertEquals("Dual-05 has live sales; withdraw them before the flag is set: book sell orders " + named
                        + ", offers [], listings [] / Dual-05 尚有在售：挂单（卖出）" + named + "，报价 []，挂牌 []；须先撤回方可标记为国有",
                refusal(m.s.by("Staff-01", new Propose(FLAG))));
    }

    @Test
    void aVersionFourJournalSetsTheFlagOverLiveSalesAsItWasReleased() {
        Market v4 = new Market(4).participant("Investor-07", Role.INVESTOR)
                .participant("Dual-05", Role.HOLDER, Role.INVESTOR).fund(FUND, false)
                .deposit(FUND, "Dual-05", "10000.00", "10000.00");
        long listing = v4.ok("Dual-05", new ListNegotiated(FUND, "Investor-07", Units.of("300.00"), Price.of("1.5000"), 0))
                .sourceIndex();
        long proposal = v4.ok("Staff-01", new Propose(FLAG)).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"),
                        new StateOwnedSet("Dual-05", true, proposal, "state-owned LP per SASAC filing")),
                v4.ok("Staff-02", new ApproveProposal(proposal)).events(), "listing " + listing + " stays live");
        v4.replayCheckingInvariants();
    }

    private static String refusal(EventDocument doc) {
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status(), () -> String.valueOf(doc.outcome()));
        assertEquals(RejectCode.STATE_OWNED_LIVE_SALES.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(List.of(), doc.events());
        return doc.outcome().message();
    }

    private static long orderId(EventDocument doc) {
        return ((OrderAccepted) doc.events().getFirst()).orderId();
    }
}
