package fundexchange.engine;

import static fundexchange.engine.CustodyTest.DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.UnfreezeUnits;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EncumbranceTest {
    private static final String FUND = "DGF3";
    private static final String BANK = "Demo Bank Shenzhen Branch";
    private static final String COURT = "Shenzhen Intermediate People's Court";
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
        s = m.s;
    }

    private Position position() {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(FUND) && p.holder().equals("Holder-01")).findFirst().orElseThrow();
    }

    private ListNegotiated lot(String units) {
        return new ListNegotiated(FUND, "Investor-07", Units.of(units), Price.of("1.0000"), 0);
    }

    private RegisterPledge pledge(String units) {
        return new RegisterPledge(FUND, "Holder-01", Units.of(units), BANK, Money.of("5000000.00"), DIGEST);
    }

    private FreezeUnits freeze(String units) {
        return new FreezeUnits(FUND, "Holder-01", Units.of(units), COURT, "(2026) Yue 03 Zhi Bao 123", DIGEST);
    }

    @Test
    void pledgedUnitsCannotBeListedUntilThePledgeIsReleased() {
        long id = m.ok("Staff-01", pledge("8000.00")).sourceIndex();
        assertEquals(List.of(new PledgeRegistered(id, FUND, "Holder-01", Units.of("8000.00"), BANK, Money.of("5000000.00"),
                DIGEST)), s.last.events());
        m.refused("Holder-01", lot("3000.00"), RejectCode.INSUFFICIENT_UNITS);
        m.refused("Holder-01", new ListAuction(FUND, ListingMechanism.SEALED, Units.of("3000.00"), Price.of("1.0000"), null,
                null, s.time, s.time + 3_600_000L, null, null, false, null), RejectCode.INSUFFICIENT_UNITS);
        long listing = m.ok("Holder-01", lot("2000.00")).sourceIndex();
        m.refused("Staff-01", pledge("1.00"), RejectCode.INSUFFICIENT_UNITS);
        assertEquals(Units.ZERO, position().available());

        assertEquals(List.of(new PledgeReleased(id, FUND, "Holder-01", Units.of("8000.00"), "Staff-02")),
                m.ok("Staff-02", new ReleasePledge(id)).events());
        m.refused("Staff-02", new ReleasePledge(id), RejectCode.PLEDGE_NOT_ACTIVE);
        m.refused("Staff-02", new ReleasePledge(12345), RejectCode.UNKNOWN_PLEDGE);
        m.ok("Holder-01", new WithdrawListing(listing));
        m.ok("Holder-01", lot("10000.00"));
    }

    @Test
    void pledgesAreStaffActionsOverFullCustodyFundsWithTheirContract() {
        m.refused("Holder-01", pledge("100.00"), RejectCode.WRONG_ROLE);
        m.refused("Staff-01", new RegisterPledge(FUND, "Holder-01", Units.of("100.00"), BANK, null, "ab"), RejectCode.INVALID_FIELD);
        m.refused("Staff-01", new RegisterPledge(FUND, "Holder-01", Units.of("100.00"), " ", null, DIGEST), RejectCode.INVALID_FIELD);
        m.refused("Staff-01", new RegisterPledge(FUND, "Holder-01", Units.of("100.00"), BANK, Money.ZERO, DIGEST), RejectCode.NOT_POSITIVE);
        m.refused("Staff-01", new RegisterPledge(FUND, "Nobody", Units.of("100.00"), BANK, null, DIGEST), RejectCode.UNKNOWN_PARTICIPANT);
        m.ok("Staff-01", new RegisterFund("DGF6", "Demo Fund DGF6", "Demo Capital Management", "VC", 2020, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.PARTIAL, null, Price.of("1.0000"), "2026-09-30", Units.ZERO, false));
        m.deposit("DGF6", "Holder-01", "100.00", "100.00");
        RegisterPledge partial = new RegisterPledge("DGF6", "Holder-01", Units.of("100.00"), BANK, null, DIGEST);
        m.refused("Staff-01", partial, RejectCode.PLEDGE_NEEDS_FULL_CUSTODY);
        m.approved(new SetPlatformParameter("pledge-requires-full-custody", "false"));
        m.ok("Staff-01", partial);
    }

    @Test
    void aFreezeTakesEffectAtItsApprovalByAnotherStaffMemberAndBlocksSalesAndPledges() {
        FreezeUnits order = freeze("6000.00");
        long proposal = m.ok("Staff-01", new Propose(order)).sourceIndex();
        assertEquals(List.of(new ProposalCreated(proposal, "Staff-01", order, s.time + 7 * 24 * 3_600_000L)), s.last.events());
        assertEquals(Units.of("10000.00"), position().available());
        m.refused("Staff-01", new ApproveProposal(proposal), RejectCode.SAME_STAFF_APPROVAL);
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new UnitsFrozen(proposal, FUND, "Holder-01",
                        Units.of("6000.00"), COURT, "(2026) Yue 03 Zhi Bao 123", DIGEST)),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        m.refused("Holder-01", lot("4000.01"), RejectCode.INSUFFICIENT_UNITS);
        m.refused("Staff-01", pledge("4000.01"), RejectCode.INSUFFICIENT_UNITS);
        m.ok("Staff-01", pledge("4000.00"));
        m.refused("Holder-01", lot("100.00"), RejectCode.INSUFFICIENT_UNITS);

        UnfreezeUnits lift = new UnfreezeUnits(proposal, "release order (2026) Yue 03 Zhi Bao 123-1");
        long unfreeze = m.ok("Staff-02", new Propose(lift)).sourceIndex();
        assertEquals(List.of(new ProposalApproved(unfreeze, "Staff-01"), new UnitsUnfrozen(proposal, FUND, "Holder-01",
                        Units.of("6000.00"), lift.reason())),
                m.ok("Staff-01", new ApproveProposal(unfreeze)).events());
        m.refused("Staff-01", new Propose(lift), RejectCode.FREEZE_NOT_ACTIVE);
        m.refused("Staff-01", new Propose(new UnfreezeUnits(4242, "no such freeze")), RejectCode.UNKNOWN_FREEZE);
        m.ok("Holder-01", lot("6000.00"));
    }

    @Test
    void aFreezeIsRecheckedAtApprovalAgainstWhatIsThenAvailable() {
        m.ok("Holder-01", lot("9000.00"));
        m.refused("Staff-01", new Propose(freeze("2000.00")), RejectCode.INSUFFICIENT_UNITS);
        long proposal = m.ok("Staff-01", new Propose(freeze("1000.00"))).sourceIndex();
        long listing = m.ok("Holder-01", lot("500.00")).sourceIndex();
        m.refused("Staff-02", new ApproveProposal(proposal), RejectCode.INSUFFICIENT_UNITS);
        m.ok("Staff-02", new ApproveListing(listing));
        m.ok("Holder-01", new WithdrawListing(listing));
        m.ok("Staff-02", new ApproveProposal(proposal));
        assertEquals(List.of(Units.of("9000.00"), Units.of("1000.00"), Units.ZERO),
                List.of(position().locked(), position().frozen(), position().available()));
    }

    @Test
    void freezesNeedTheirOrderAndAuthority() {
        m.refused("Staff-01", new Propose(new FreezeUnits(FUND, "Holder-01", Units.of("1.00"), " ", "case", DIGEST)),
                RejectCode.INVALID_FIELD);
        m.refused("Staff-01", new Propose(new FreezeUnits(FUND, "Holder-01", Units.of("1.00"), COURT, "case", null)),
                RejectCode.INVALID_FIELD);
        m.refused("Staff-01", new Propose(new FreezeUnits("NOPE", "Holder-01", Units.of("1.00"), COURT, "case", DIGEST)),
                RejectCode.UNKNOWN_FUND);
        m.refused("Holder-01", new Propose(freeze("1.00")), RejectCode.WRONG_ROLE);
    }
}
