package fundexchange.engine;

import static fundexchange.engine.CustodyTest.DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.FailSettlement;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UnfreezeUnits;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACTS.md 18: nobody decides on a deal or holding in which they are a party; maker-checker keeps working. */
class SegregationOfDutiesTest {
    private static final String FUND = "DGF3";
    private static final String COURT = "Shenzhen Intermediate People's Court";
    private final Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
            .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
    private final Scenario s = m.s;

    @Test
    void oversightRolesAreNeverRegisteredTogetherWithTradingRoles() {
        for (List<Role> mixed : List.of(List.of(Role.STAFF, Role.HOLDER), List.of(Role.STAFF, Role.INVESTOR),
                List.of(Role.REGULATOR, Role.HOLDER), List.of(Role.REGULATOR, Role.INVESTOR, Role.HOLDER))) {
            m.refused("Staff-01", new RegisterParticipant("Mixed-01", "Demo Mixed", ParticipantType.INSTITUTION, mixed),
                    RejectCode.INCOMPATIBLE_ROLES);
        }
        assertEquals(List.of(new ParticipantRegistered("Trader-01", "Demo Trader", ParticipantType.INSTITUTION,
                        List.of(Role.HOLDER, Role.INVESTOR), false, null, null)),
                m.ok("Staff-01", new RegisterParticipant("Trader-01", "Demo Trader", ParticipantType.INSTITUTION,
                        List.of(Role.INVESTOR, Role.HOLDER))).events());
    }

    @Test
    void theGenesisNeedsThreeStaffAndARegulatorAndNobodyElse() {
        Genesis full = Scenario.genesisCommand();
        List<GenesisParticipant> twoStaff = full.participants().stream().filter(p -> !p.participantId().equals("Staff-03")).toList();
        assertRefusedGenesis(new Genesis(full.exchangeKeyId(), full.exchangeAlgorithm(), full.exchangePublicKey(), twoStaff, full.rulesVersion()),
                RejectCode.INVALID_FIELD);
        List<GenesisParticipant> withHolder = new ArrayList<>(full.participants());
        withHolder.add(new GenesisParticipant("Holder-09", "Demo LP Nine", Role.HOLDER, "Holder-09-k1", "ED25519",
                Scenario.key("Holder-09-k1")));
        assertRefusedGenesis(new Genesis(full.exchangeKeyId(), full.exchangeAlgorithm(), full.exchangePublicKey(), withHolder, full.rulesVersion()),
                RejectCode.INVALID_FIELD);
        List<GenesisParticipant> sharedKey = new ArrayList<>(full.participants());
        GenesisParticipant third = sharedKey.get(2);
        sharedKey.set(2, new GenesisParticipant(third.participantId(), third.name(), third.role(), third.keyId(), "ED25519",
                Scenario.key("Staff-01-k1")));
        assertRefusedGenesis(new Genesis(full.exchangeKeyId(), full.exchangeAlgorithm(), full.exchangePublicKey(), sharedKey, full.rulesVersion()),
                RejectCode.PUBLIC_KEY_USED);
        List<GenesisParticipant> caseVariant = new ArrayList<>(full.participants());
        caseVariant.set(2, new GenesisParticipant("staff-01", third.name(), third.role(), "staff-01-k1", "ED25519",
                third.publicKey()));
        assertRefusedGenesis(new Genesis(full.exchangeKeyId(), full.exchangeAlgorithm(), full.exchangePublicKey(), caseVariant, full.rulesVersion()),
                RejectCode.PARTICIPANT_EXISTS);
    }

    @Test
    void staffNeverProposeOrApproveActionsConcerningThemselves() {
        m.refused("Staff-01", new Propose(new SetQualification("Staff-01", QualificationStatus.QUALIFIED, "2027-12-31")),
                RejectCode.STAFF_IS_PARTY);
        m.refused("Staff-02", new Propose(new ApproveParticipant("Staff-02")), RejectCode.STAFF_IS_PARTY);
        m.refused("Staff-01", new Propose(new FreezeUnits(FUND, "Staff-01", Units.of("1.00"), COURT, "case", DIGEST)),
                RejectCode.STAFF_IS_PARTY);
    }

    @Test
    void staffWhoAreAPartyNeitherApproveNorSettleTheDealAndAnotherStaffMemberDoes() {
        dualRole("Staff-03");
        m.refused("Staff-03", new DepositUnits(FUND, "Staff-03", Units.of("1000.00"), Money.of("1000.00")), RejectCode.STAFF_IS_PARTY);
        m.deposit(FUND, "Staff-03", "1000.00", "1000.00");
        long listing = m.ok("Staff-03", new ListNegotiated(FUND, "Investor-07", Units.of("500.00"), Price.of("0.0150"), 0))
                .sourceIndex();
        m.refused("Staff-03", new ApproveListing(listing), RejectCode.STAFF_IS_PARTY);
        assertEquals(List.of(new ListingOpened(listing)), m.ok("Staff-01", new ApproveListing(listing)).events());
        long trade = m.ok("Investor-07", new AcceptListing(listing)).sourceIndex() * TradeTerms.FILLS_PER_COMMAND;
        m.refused("Staff-03", new ConfirmSettlement(trade), RejectCode.STAFF_IS_PARTY);
        m.refused("Staff-03", new Propose(new FailSettlement(trade, "no payment")), RejectCode.STAFF_IS_PARTY);
        assertEquals(List.of(TradeSettled.class), types(m.ok("Staff-02", new ConfirmSettlement(trade))));
    }

    @Test
    void neitherMakerNorCheckerDecidesOnEncumbrancesOfTheirOwnUnits() {
        dualRole("Staff-03");
        m.deposit(FUND, "Staff-03", "1000.00", "1000.00");
        FreezeUnits own = new FreezeUnits(FUND, "Staff-03", Units.of("100.00"), COURT, "case", DIGEST);
        m.refused("Staff-03", new Propose(own), RejectCode.STAFF_IS_PARTY);
        long proposal = m.ok("Staff-01", new Propose(own)).sourceIndex();
        m.refused("Staff-03", new ApproveProposal(proposal), RejectCode.STAFF_IS_PARTY);
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"),
                        new UnitsFrozen(proposal, FUND, "Staff-03", Units.of("100.00"), COURT, "case", DIGEST)),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        m.refused("Staff-03", new Propose(new UnfreezeUnits(proposal, "order lifted")), RejectCode.STAFF_IS_PARTY);
        m.refused("Staff-03", new RegisterPledge(FUND, "Staff-03", Units.of("100.00"), "Demo Bank", null, DIGEST),
                RejectCode.STAFF_IS_PARTY);
    }

    @Test
    void aProposalLapsesUnapprovedWhenItsExpiryPassesInJournalTime() {
        FreezeUnits freeze = new FreezeUnits(FUND, "Holder-01", Units.of("100.00"), COURT, "case", DIGEST);
        long proposal = m.ok("Staff-01", new Propose(freeze)).sourceIndex();
        assertEquals(s.time + PlatformParameters.DEFAULT_PROPOSAL_EXPIRY_MS, s.engine.nextDeadline());
        s.advance(PlatformParameters.DEFAULT_PROPOSAL_EXPIRY_MS - 1).unsigned(new Tick());
        assertEquals(List.of(), s.last.events());
        s.advance(1).unsigned(new Tick());
        assertEquals(List.of(new ProposalExpired(proposal, "Staff-01")), s.last.events());
        assertEquals(Long.MAX_VALUE, s.engine.nextDeadline());
        m.refused("Staff-02", new ApproveProposal(proposal), RejectCode.PROPOSAL_EXPIRED);
        m.approved(freeze);
        m.replayCheckingInvariants();
    }

    @Test
    void theExpiryPeriodIsAPlatformParameterOfAtLeastAnHour() {
        m.approved(new SetPlatformParameter("proposal-expiry-ms", "3600000"));
        m.refused("Staff-01", new Propose(new SetPlatformParameter("proposal-expiry-ms", "3599999")), RejectCode.INVALID_PARAMETER);
        long proposal = m.ok("Staff-01", new Propose(new SetPlatformParameter("anti-flip-business-days", "7"))).sourceIndex();
        assertEquals(s.time + 3_600_000L, s.engine.nextDeadline());
        s.advance(3_600_000L);
        EventDocument late = s.by("Staff-02", new ApproveProposal(proposal));
        assertEquals(RejectCode.PROPOSAL_EXPIRED.code(), late.outcome().code(), late.outcome().message());
        assertEquals(List.of(new ProposalExpired(proposal, "Staff-01")), late.events(), "the deadline fires before the command");
    }

    /**
     * Gives a staff member the HOLDER and INVESTOR roles as well, a state no command can now produce (registration and
     * the genesis refuse it): the party checks must hold on their own.
     */
    private void dualRole(String staff) {
        Participant p = s.engine.state().participants.get(staff);
        s.engine.state().participants.put(staff, new Participant(p.participantId(), p.name(), p.participantType(),
                List.of(Role.HOLDER, Role.INVESTOR, Role.STAFF), p.status(), p.qualification(), p.qualifiedUntil()));
    }

    private void assertRefusedGenesis(Genesis genesis, RejectCode code) {
        Scenario fresh = new Scenario().unsigned(genesis);
        assertEquals(code.code(), fresh.last.outcome().code(), fresh.last.outcome().message());
        assertEquals(List.of(), fresh.last.events());
        assertEquals(Outcome.ACCEPTED, new Scenario().genesis().last.outcome());
    }

    private static List<Class<?>> types(EventDocument doc) {
        return doc.events().stream().<Class<?>>map(Object::getClass).toList();
    }
}
