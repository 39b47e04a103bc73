package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static void approved(Scenario s, SensitiveAction action) {
        EventDocument proposal = s.by("Staff-01", new Propose(action));
        s.by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
    }

    private static Scenario market() {
        Scenario s = new Scenario().genesis();
        s.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        s.by("Staff-01", new RegisterParticipant("Investor-07", "Demo Buyer", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        approved(s, new ApproveParticipant("Holder-01"));
        approved(s, new ApproveParticipant("Investor-07"));
        approved(s, new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", Scenario.key("Holder-01-k1")));
        approved(s, new RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", Scenario.key("Investor-07-k1")));
        approved(s, new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2030-12-31"));
        s.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        s.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000000.00"), Money.of("1000000.00")));
        EventDocument expiring = s.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("1000.00"), Price.of("1"), s.time + 60_000));
        EventDocument listed = s.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("400000.00"), Price.of("0.9000"), 0));
        s.by("Staff-02", new ApproveListing(listed.sourceIndex()));
        s.by("Staff-02", new ApproveListing(expiring.sourceIndex()));
        return s;
    }

    @Test
    void restoringASnapshotThenReplayingTheTailReproducesEveryDocumentAndTheStateHash() {
        Scenario s = market();
        int cut = s.journal.size();
        EngineSnapshot snapshot = JournalCodec.read(JournalCodec.write(s.engine.snapshot()), EngineSnapshot.class);
        EventDocument accepted = s.by("Investor-07", new AcceptListing(cut - 1));
        s.by("Staff-01", new ConfirmSettlement(accepted.sourceIndex() * 4096));
        s.advance(61_000).unsigned(new Tick());
        List<CommandRecord> tail = s.journal.subList(cut, s.journal.size());

        Engine restored = Engine.restore(snapshot);
        assertFalse(restored.state().positions().isEmpty());
        assertTrue(restored.state().positionIndexAgrees(), "the restored position lookup index holds the positions");
        assertTrue(restored.state().pendingIndexesAgree(), "the restored pending-trade indexes hold the pending trades");
        assertTrue(restored.state().reservationIndexAgrees(), "the restored reservation index holds the reservations");
        Engine replayed = new Engine();
        s.journal.subList(0, cut).forEach(replayed::apply);
        assertEquals(replayed.stateHash(), restored.stateHash());
        for (CommandRecord record : tail) {
            assertEquals(replayed.apply(record), restored.apply(record));
        }
        assertEquals(s.engine.stateHash(), restored.stateHash());
        assertTrue(restored.state().positionIndexAgrees(), "the index follows the positions the tail changed");
        assertTrue(restored.state().pendingIndexesAgree(), "the pending-trade indexes follow the tail");
        assertTrue(restored.state().reservationIndexAgrees(), "the reservation index follows the tail");
        assertEquals(Long.MAX_VALUE, restored.nextDeadline(), "the restored deadline fired at the Tick");
    }

    @Test
    void aSnapshotWhoseStateDoesNotMatchItsHashIsRefused() {
        EngineSnapshot snapshot = market().engine.snapshot();
        EngineSnapshot tampered = SnapshotEdit.with(snapshot, "positions", List.of());
        assertThrows(IllegalStateException.class, () -> Engine.restore(tampered));
    }
}
