package fundexchange.engine;

import static fundexchange.engine.CustodyTest.DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.DeemedCategory;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationBasis;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QualificationRecordTest {
    private static final String UNTIL = "2027-12-31";
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market();
        s = m.s;
        m.ok("Staff-01", new RegisterParticipant("Fund-09", "Demo S Fund Nine", ParticipantType.INSTITUTION,
                List.of(Role.INVESTOR), "Demo S Fund Nine (Shenzhen) Partnership LP", "91440300MA5XXXXX0Q"));
        m.ok("Staff-01", new RegisterParticipant("Person-10", "Individual Ten", ParticipantType.INDIVIDUAL,
                List.of(Role.INVESTOR)));
    }

    private static SetQualification record(String participant, QualificationBasis basis, DeemedCategory category,
                                           String netAssets, String financialAssets, String income) {
        return new SetQualification(participant, QualificationStatus.QUALIFIED, UNTIL, basis, category,
                netAssets == null ? null : Money.of(netAssets), financialAssets == null ? null : Money.of(financialAssets),
                income == null ? null : Money.of(income), DIGEST, null);
    }

    private void refusedProposal(SetQualification action, RejectCode code) {
        m.refused("Staff-01", new Propose(action), code);
    }

    @Test
    void participantsCarryTheirLegalNameAndRegistrationNumber() {
        Market fresh = new Market();
        assertEquals(List.of(new ParticipantRegistered("Fund-09", "Demo S Fund Nine", ParticipantType.INSTITUTION,
                        List.of(Role.INVESTOR), false, "Demo S Fund Nine (Shenzhen) Partnership LP", "91440300MA5XXXXX0Q")),
                fresh.ok("Staff-01", new RegisterParticipant("Fund-09", "Demo S Fund Nine", ParticipantType.INSTITUTION,
                        List.of(Role.INVESTOR), "Demo S Fund Nine (Shenzhen) Partnership LP", "91440300MA5XXXXX0Q")).events());
        fresh.refused("Staff-01", new RegisterParticipant("Fund-10", "Ten", ParticipantType.INSTITUTION, List.of(Role.INVESTOR),
                null, "no spaces allowed"), RejectCode.INVALID_FIELD);
        fresh.replayCheckingInvariants();
    }

    @Test
    void aQualificationRecordNamesItsBasisAmountsEvidenceAndVerifier() {
        SetQualification q = record("Fund-09", QualificationBasis.INSTITUTION_NET_ASSETS, null, "12000000.00", null, null);
        long proposal = m.ok("Staff-01", new Propose(q)).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new QualificationSet("Fund-09",
                        QualificationStatus.QUALIFIED, UNTIL, QualificationBasis.INSTITUTION_NET_ASSETS, null,
                        Money.of("12000000.00"), null, null, DIGEST, "Staff-01")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        SetQualification deemed = new SetQualification("Person-10", QualificationStatus.QUALIFIED, UNTIL,
                QualificationBasis.DEEMED, DeemedCategory.MANAGER_OR_STAFF, null, null, null, DIGEST, "Compliance desk");
        long second = m.ok("Staff-02", new Propose(deemed)).sourceIndex();
        assertEquals(new QualificationSet("Person-10", QualificationStatus.QUALIFIED, UNTIL, QualificationBasis.DEEMED,
                DeemedCategory.MANAGER_OR_STAFF, null, null, null, DIGEST, "Compliance desk"),
                m.ok("Staff-01", new ApproveProposal(second)).events().get(1));
    }

    @Test
    void aQualifiedStatusMustMeetThePlatformThresholdForTheParticipantsType() {
        refusedProposal(record("Fund-09", QualificationBasis.INSTITUTION_NET_ASSETS, null, "9999999.99", null, null),
                RejectCode.BELOW_QUALIFICATION_THRESHOLD);
        refusedProposal(record("Fund-09", QualificationBasis.INDIVIDUAL_FINANCIAL_ASSETS, null, null, "5000000.00", null),
                RejectCode.QUALIFICATION_BASIS_MISMATCH);
        refusedProposal(record("Person-10", QualificationBasis.INSTITUTION_NET_ASSETS, null, "50000000.00", null, null),
                RejectCode.QUALIFICATION_BASIS_MISMATCH);
        refusedProposal(record("Person-10", QualificationBasis.INDIVIDUAL_FINANCIAL_ASSETS, null, null, "2999999.99", null),
                RejectCode.BELOW_QUALIFICATION_THRESHOLD);
        refusedProposal(record("Person-10", QualificationBasis.INDIVIDUAL_INCOME, null, null, null, null), RejectCode.INVALID_FIELD);
        refusedProposal(record("Person-10", QualificationBasis.DEEMED, null, null, null, null), RejectCode.INVALID_FIELD);
        m.approved(record("Person-10", QualificationBasis.INDIVIDUAL_INCOME, null, null, null, "500000.00"));
        SetQualification lapsed = new SetQualification("Person-10", QualificationStatus.NOT_QUALIFIED, null,
                QualificationBasis.INDIVIDUAL_INCOME, null, null, null, Money.of("100.00"), DIGEST, null);
        m.approved(lapsed);
    }

    @Test
    void aStricterPlatformRaisesTheThresholdsAndMayQualifyInstitutionsOnly() {
        m.approved(new SetPlatformParameter("qualified-institution-net-assets", "20000000.00"));
        m.approved(new SetPlatformParameter("qualified-institution-financial-assets", "10000000.00"));
        m.approved(new SetPlatformParameter("qualified-institutions-only", "true"));
        refusedProposal(record("Fund-09", QualificationBasis.INSTITUTION_NET_ASSETS, null, "12000000.00", null, null),
                RejectCode.BELOW_QUALIFICATION_THRESHOLD);
        refusedProposal(record("Fund-09", QualificationBasis.INSTITUTION_NET_ASSETS, null, "25000000.00", null, null),
                RejectCode.INVALID_FIELD);
        refusedProposal(record("Person-10", QualificationBasis.INDIVIDUAL_INCOME, null, null, null, "9000000.00"),
                RejectCode.QUALIFICATION_BASIS_MISMATCH);
        m.approved(record("Fund-09", QualificationBasis.INSTITUTION_NET_ASSETS, null, "25000000.00", "10000000.00", null));
        m.refused("Staff-01", new Propose(new SetPlatformParameter("qualified-individual-income", "lots")),
                RejectCode.INVALID_PARAMETER);
        m.refused("Staff-01", new Propose(new SetPlatformParameter("qualified-institutions-only", "yes")),
                RejectCode.INVALID_PARAMETER);
    }

    @Test
    void aQualificationWithoutBasisKeepsItsOriginalFormButAmountsNeedABasis() {
        SetQualification plain = new SetQualification("Fund-09", QualificationStatus.QUALIFIED, UNTIL);
        long proposal = m.ok("Staff-01", new Propose(plain)).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"),
                        new QualificationSet("Fund-09", QualificationStatus.QUALIFIED, UNTIL)),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        refusedProposal(new SetQualification("Fund-09", QualificationStatus.QUALIFIED, UNTIL, null, null,
                Money.of("12000000.00"), null, null, DIGEST, null), RejectCode.INVALID_FIELD);
        refusedProposal(new SetQualification("Fund-09", QualificationStatus.QUALIFIED, UNTIL,
                QualificationBasis.INSTITUTION_NET_ASSETS, null, Money.of("12000000.00"), null, null, null, null),
                RejectCode.INVALID_FIELD);
    }
}
