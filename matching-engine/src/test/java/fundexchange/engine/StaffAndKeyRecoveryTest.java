package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterReplacementKey;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RevokeParticipantKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SuspendParticipant;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Maker-checker keeps two active staff (CONTRACTS.md 18), a participant's last key is revoked only by maker-checker,
 * and a participant left without an active key gets a new one by maker-checker (CONTRACTS.md 3 and 4).
 */
class StaffAndKeyRecoveryTest {
    private static final String FUND = "DGF3";
    private final Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
            .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
    private final Scenario s = m.s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @Test
    void nothingLeavesFewerThanTwoActiveStaff() {
        long first = m.ok("Staff-01", new Propose(new SuspendParticipant("Staff-03", "left the firm"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(first, "Staff-02"), new ParticipantSuspended("Staff-03", first, "left the firm")),
                m.ok("Staff-02", new ApproveProposal(first)).events());
        m.refused("Staff-01", new Propose(new SuspendParticipant("Staff-02", "audit")), RejectCode.TOO_FEW_ACTIVE_STAFF);
        m.refused("Staff-01", new Propose(new RevokeParticipantKey("Staff-02-k1", "lost")), RejectCode.TOO_FEW_ACTIVE_STAFF);
        m.refused("Staff-01", new RevokeKey("Staff-02-k1"), RejectCode.LAST_KEY_NEEDS_PROPOSAL);
        m.refused("Staff-02", new RevokeKey("Staff-02-k1"), RejectCode.TOO_FEW_ACTIVE_STAFF);

        m.ok("Staff-02", new RotateKey("Staff-02-k2", "ED25519", Scenario.key("Staff-02-k2")));
        assertEquals(List.of(new KeyRevoked("Staff-02", "Staff-02-k1", "Staff-02")),
                s.by("Staff-02", "Staff-02-k2", "rotate-then-revoke", new RevokeKey("Staff-02-k1")).events(),
                "after a rotation the old key is not the last");
    }

    @Test
    void aProposalThatWouldLeaveFewerThanTwoActiveStaffIsRefusedAgainAtApproval() {
        long suspension = m.ok("Staff-01", new Propose(new SuspendParticipant("Staff-03", "left the firm"))).sourceIndex();
        m.ok("Staff-01", new RevokeKey("Staff-01-k1"));  // allowed: three active staff, two left
        EventDocument late = s.by("Staff-02", new ApproveProposal(suspension));
        assertEquals(RejectCode.TOO_FEW_ACTIVE_STAFF.code(), late.outcome().code(), late.outcome().message());
        assertEquals(List.of(), late.events());
    }

    @Test
    void aSingleStaffMemberCannotRevokeAnotherParticipantsLastKeyButMakerCheckerCanAndThenRegistersAReplacement() {
        m.refused("Staff-01", new RevokeKey("Holder-01-k1"), RejectCode.LAST_KEY_NEEDS_PROPOSAL);
        m.ok("Holder-01", new RotateKey("Holder-01-k2", "ED25519", Scenario.key("Holder-01-k2")));
        assertEquals(List.of(new KeyRevoked("Holder-01", "Holder-01-k1", "Staff-01")),
                m.ok("Staff-01", new RevokeKey("Holder-01-k1")).events(), "not the last key: one staff signature");

        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Holder-01-k3", "ED25519",
                Scenario.key("Holder-01-k3"))), RejectCode.ACTIVE_KEY_EXISTS);
        long revocation = m.ok("Staff-01", new Propose(new RevokeParticipantKey("Holder-01-k2", "device lost"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(revocation, "Staff-02"), new KeyRevoked("Holder-01", "Holder-01-k2", "Staff-01")),
                m.ok("Staff-02", new ApproveProposal(revocation)).events());
        assertEquals(RejectCode.KEY_REVOKED.code(), s.by("Holder-01", "Holder-01-k2", "after-revocation",
                new ListNegotiated(FUND, "Investor-07", Units.of("100.00"), Price.of("1.5000"), 0)).outcome().code());

        m.refused("Staff-01", new Propose(new RegisterFirstKey("Holder-01", "Holder-01-k3", "ED25519",
                Scenario.key("Holder-01-k3"))), RejectCode.FIRST_KEY_EXISTS);
        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Staff-01-k9", "ED25519",
                Scenario.key("Holder-01-k3"))), RejectCode.KEY_ID_NOT_OWN);
        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Holder-01-k1", "ED25519",
                Scenario.key("Holder-01-k3"))), RejectCode.KEY_ID_USED);
        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Holder-01-k3", "ED25519",
                Scenario.key("Holder-01-k1"))), RejectCode.PUBLIC_KEY_USED);
        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Holder-01-k3", "SM2-SM3",
                Scenario.key("Holder-01-k3"))), RejectCode.KEY_ALGORITHM_MISMATCH);

        long replacement = m.ok("Staff-01", new Propose(new RegisterReplacementKey("Holder-01", "Holder-01-k3", "ED25519",
                Scenario.key("Holder-01-k3")))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(replacement, "Staff-02"),
                        new KeyRegistered("Holder-01", "Holder-01-k3", "ED25519", Scenario.key("Holder-01-k3"))),
                m.ok("Staff-02", new ApproveProposal(replacement)).events());
        EventDocument listed = s.by("Holder-01", "Holder-01-k3", "with-the-new-key",
                new ListNegotiated(FUND, "Investor-07", Units.of("100.00"), Price.of("1.5000"), 0));
        assertEquals(List.of(ListingSubmitted.class), listed.events().stream().<Class<?>>map(Object::getClass).toList());
    }

    @Test
    void aStaffMemberLeftWithoutAKeyGetsOneBackByMakerChecker() {
        m.ok("Staff-03", new RevokeKey("Staff-03-k1"));  // its own last key; Staff-01 and Staff-02 remain
        m.refused("Staff-01", new Propose(new RegisterReplacementKey("Staff-01", "Staff-01-k2", "ED25519",
                Scenario.key("Staff-01-k2"))), RejectCode.STAFF_IS_PARTY);
        m.approved(new RegisterReplacementKey("Staff-03", "Staff-03-k2", "ED25519", Scenario.key("Staff-03-k2")));
        long proposal = m.ok("Staff-01", new Propose(new SuspendParticipant("Holder-01", "review"))).sourceIndex();
        assertEquals(ProposalApproved.class, s.by("Staff-03", "Staff-03-k2", "back-at-work", new ApproveProposal(proposal))
                .events().getFirst().getClass(), "the recovered staff member approves again");
    }
}
