package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invariant checker accepts a real market and names each kind of corruption. */
class InvariantsTest {
    private final Invariants invariants = new Invariants();
    private Scenario s;

    @BeforeEach
    void marketWithAnOpenListingAndATradePendingSettlement() {
        s = new Scenario().genesis();
        s.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        s.by("Staff-01", new RegisterParticipant("Investor-07", "Demo Buyer", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        approved(new ApproveParticipant("Holder-01"));
        approved(new ApproveParticipant("Investor-07"));
        approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", Scenario.key("Holder-01-k1")));
        approved(new RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", Scenario.key("Investor-07-k1")));
        approved(new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2030-12-31"));
        s.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        s.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000.00"), Money.of("1000.00")));
        EventDocument sold = s.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("300.00"), Price.of("1"), 0));
        s.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("200.00"), Price.of("1"), 0));
        s.by("Staff-02", new ApproveListing(sold.sourceIndex()));
        s.by("Investor-07", new AcceptListing(sold.sourceIndex()));
        observeDocuments();
    }

    private void approved(SensitiveAction action) {
        EventDocument proposal = s.by("Staff-01", new Propose(action));
        s.by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
    }

    /** Scenario keeps the journal but not every document; replaying the journal gives them again. */
    private void observeDocuments() {
        Engine replica = new Engine();
        s.journal.forEach(record -> invariants.observe(replica.apply(record)));
    }

    @Test
    void holdForAMarketWithLockedUnitsAndAReservedHolderPlace() {
        invariants.check(s.engine);
        Invariants.startingFrom(s.engine.snapshot()).check(s.engine);
    }

    @Test
    void lockedUnitsMustEqualOpenListingsAndPendingSales() {
        violates("locks 501.00 but its open listings and pending sales lock 500.00",
                snapshot -> withPositions(snapshot, p -> p.withUnits(p.units(), p.locked().plus(Units.of("1.00")), p.cost())));
    }

    @Test
    void unitsMustBeConservedPerFund() {
        violates("fund DGF3: positions hold 1001.00 units but 1000.00 were deposited",
                snapshot -> withPositions(snapshot, p -> p.withUnits(p.units().plus(Units.of("1.00")), p.locked(), p.cost())));
    }

    @Test
    void holderCountMustCountThePositionsThatHoldUnits() {
        violates("fund DGF3: holderCount 2 but 1 positions hold units",
                snapshot -> withFunds(snapshot, f -> f.withHolders(f.holderCount() + 1, f.reservedHolders())));
    }

    @Test
    void reservedHoldersMustMatchTheReservationsOfPendingTrades() {
        violates("fund DGF3: reservedHolders 0 but 1 holder reservations",
                snapshot -> withFunds(snapshot, f -> f.withHolders(f.holderCount(), 0)));
    }

    @Test
    void pledgedUnitsMustEqualActivePledgesAndFitInTheUnits() {
        violates("position DGF3|Holder-01 has 600.00 pledged units but its records say 0.00",
                snapshot -> withPositions(snapshot, p -> p.withPledged(p.units().minus(Units.of("400.00")))));
        violates("position DGF3|Holder-01 encumbers more than it holds",
                snapshot -> withPositions(snapshot, p -> p.withFrozen(p.units())));
    }

    private void violates(String expected, UnaryOperator<EngineSnapshot> corruption) {
        AssertionError error = assertThrows(AssertionError.class, () -> invariants.check(corruption.apply(s.engine.snapshot())));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static EngineSnapshot withPositions(EngineSnapshot x, UnaryOperator<Position> change) {
        return SnapshotEdit.with(x, "positions", x.positions().stream().map(change).toList());
    }

    private static EngineSnapshot withFunds(EngineSnapshot x, UnaryOperator<Fund> change) {
        return SnapshotEdit.with(x, "funds", x.funds().stream().map(change).toList());
    }
}
