package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The approval queue follows the listings and custody registrations awaiting staff as they come and go, from the
 * engine's derived pending sets, and an engine restored from a snapshot rebuilds the same queues.
 */
class QueueDepthsTest {
    private static final String FUND = "DGF3";
    private static final String PARTIAL = "DGF6";

    @Test
    void theApprovalQueueHoldsWhatAwaitsStaffAndARestoredEngineAgrees() {
        Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "1000.00", "1000.00");
        m.ok("Staff-01", new RegisterFund(PARTIAL, "Demo Fund " + PARTIAL, "Demo Capital Management", "BUYOUT", 2018,
                "CNY", LegalForm.PARTNERSHIP, CustodyMode.PARTIAL, null, Price.of("1.2000"), "2026-09-30",
                Units.of("100.00"), false));
        assertEquals(QueueDepths.Queue.EMPTY, queues(m.s.engine).pendingApprovals());

        long first = m.ok("Holder-01", listing()).sourceIndex();
        CustodyEntry own = new CustodyEntry("Holder-01", Units.of("500.00"), Money.of("500.00"), Money.of("400.00"),
                Money.of("450.00"));
        long custody = m.ok("Holder-01", new SubmitCustody(PARTIAL, List.of(own), CustodyTest.DIGEST)).sourceIndex();
        long second = m.ok("Holder-01", listing()).sourceIndex();
        QueueDepths.Queue all = queues(m.s.engine).pendingApprovals();
        m.ok("Staff-02", new ApproveListing(first));
        QueueDepths.Queue afterListing = queues(m.s.engine).pendingApprovals();
        QueueDepths restored = queues(Engine.restore(m.s.engine.snapshot()));
        m.ok("Staff-02", new ApproveCustody(custody));
        QueueDepths.Queue afterCustody = queues(m.s.engine).pendingApprovals();
        m.ok("Holder-01", new WithdrawListing(second));

        assertEquals(List.of(new QueueDepths.Queue(3, first), new QueueDepths.Queue(2, custody),
                        new QueueDepths.Queue(1, second), QueueDepths.Queue.EMPTY),
                List.of(all, afterListing, afterCustody, queues(m.s.engine).pendingApprovals()));
        assertEquals(new QueueDepths(afterListing, QueueDepths.Queue.EMPTY, QueueDepths.Queue.EMPTY), restored);
        m.replayCheckingInvariants();
    }

    private static ListNegotiated listing() {
        return new ListNegotiated(FUND, "Investor-07", Units.of("100.00"), Price.of("1.0000"), 0);
    }

    private static QueueDepths queues(Engine engine) {
        return engine.queues();
    }
}
