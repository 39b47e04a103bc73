package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.DIGEST;
import static fundexchange.registry.TestJournal.FULL_FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.HOLDER_2;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.UnfreezeUnits;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.CustodyView;
import fundexchange.registry.read.FreezeView;
import fundexchange.registry.read.Holding;
import fundexchange.registry.read.PledgeView;
import fundexchange.registry.read.QualificationRecord;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.reconcile.Reconciliation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Custody registrations, confirmations, pledges, freezes and qualification records as the registry projects them. */
class CustodyProjectionTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;
    private RegistryReads reads;
    private TestJournal.CustodyIds ids;

    @BeforeEach
    void custodyMarket() {
        journal = new TestJournal(data).market();
        ids = journal.custodyAndEncumbrances();
        reads = new RegistryReads(dataSource);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private void project() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
    }

    @Test
    void theRegisterShowsEncumbrancesUnconfirmedLinesAndTheCommitmentThatMovedWithATrade() {
        project();
        BigDecimal zero = d("0.00");
        Holding holder = new Holding(FULL_FUND, HOLDER, d("6000.00"), zero, d("3000.00"), d("3000.00"), d("2000.00"),
                d("1000.00"), zero, d("6000.00"), d("3000.00"));
        Holding unconfirmed = new Holding(FULL_FUND, HOLDER_2, d("3000.00"), zero, zero, d("1600.00"), zero, zero,
                d("3000.00"), d("3000.00"), d("1500.00"));
        Holding buyer = new Holding(FULL_FUND, INVESTOR, d("1000.00"), zero, d("1000.00"), d("1100.00"), zero, zero, zero,
                d("1000.00"), d("500.00"));
        assertEquals(List.of(holder, unconfirmed, buyer), reads.register(FULL_FUND));
        assertEquals(List.of(), Reconciliation.reconcile(journal.journals(), dataSource).differences());
    }

    @Test
    void custodyRegistrationsKeepTheirLinesAndWhoConfirmedWhen() {
        project();
        CustodyView registration = reads.custodyRegistration(ids.custodyId()).orElseThrow();
        assertEquals(List.of(ids.custodyId(), "FULL", HOLDER, "APPROVED", "Staff-02", ids.custodyId() + 1),
                List.of(registration.custodyId(), registration.mode(), registration.submittedBy(), registration.status(),
                        registration.decidedBy(), registration.decidedIndex()));
        assertEquals(List.of(
                new CustodyView.Line(HOLDER, d("7000.00"), d("7000.00"), d("3500.00"), d("3500.00"), ids.custodyId() + 2),
                new CustodyView.Line(HOLDER_2, d("3000.00"), d("3000.00"), d("1500.00"), d("1600.00"), 0)),
                registration.entries());
        assertEquals(List.of(registration), reads.custodyRegistrations(FULL_FUND));
        assertEquals(Optional.empty(), reads.custodyRegistration(ids.custodyId() + 1));
    }

    @Test
    void aPartialLotIsConfirmedByItsApprovalAndARejectionKeepsItsReason() {
        journal.by("Staff-01", new RegisterFund("DGF6", "Demo Venture Fund VI", "Demo Capital Management", "VC", 2021,
                "CNY", LegalForm.LLC, CustodyMode.PARTIAL, null, Price.of("1.0000"), "2026-09-30", Units.ZERO, false));
        SubmitCustody lot = new SubmitCustody("DGF6", List.of(new CustodyEntry(HOLDER_2, Units.of("100.00"),
                Money.of("100.00"), Money.of("100.00"), null)), DIGEST);
        long first = journal.by(HOLDER_2, lot).sourceIndex();
        journal.by("Staff-01", new RejectCustody(first, "certificate unreadable"));
        long second = journal.by(HOLDER_2, lot).sourceIndex();
        long approval = journal.by("Staff-02", new ApproveCustody(second)).sourceIndex();
        project();
        List<CustodyView> registrations = reads.custodyRegistrations("DGF6");
        assertEquals(List.of("REJECTED", "APPROVED"), registrations.stream().map(CustodyView::status).toList());
        assertEquals("certificate unreadable", registrations.getFirst().reason());
        assertEquals(List.of(0L), registrations.getFirst().entries().stream().map(CustodyView.Line::confirmedIndex).toList());
        assertEquals(List.of(approval), registrations.get(1).entries().stream().map(CustodyView.Line::confirmedIndex).toList());
        assertEquals(d("100.00"), reads.register("DGF6").getFirst().available());
        assertEquals(List.of(), Reconciliation.reconcile(journal.journals(), dataSource).differences());
    }

    @Test
    void aParticipantReadsOnlyTheRegistrationsItSubmittedOrIsNamedOnPageByPage() {
        journal.by("Staff-01", new RegisterFund("DGF6", "Demo Venture Fund VI", "Demo Capital Management", "VC", 2021,
                "CNY", LegalForm.LLC, CustodyMode.PARTIAL, null, Price.of("1.0000"), "2026-09-30", Units.ZERO, false));
        long lot = journal.by(HOLDER_2, new SubmitCustody("DGF6", List.of(new CustodyEntry(HOLDER_2, Units.of("100.00"),
                Money.of("100.00"), Money.of("100.00"), null)), DIGEST)).sourceIndex();
        project();
        java.util.function.Function<List<CustodyView>, List<Long>> ids = list -> list.stream().map(CustodyView::custodyId).toList();
        fundexchange.registry.read.Page all = new fundexchange.registry.read.Page(0, 10);
        assertEquals(List.of(this.ids.custodyId()), ids.apply(reads.custodyRegistrationsOf(HOLDER, Optional.empty(), Optional.empty(), all)));
        assertEquals(List.of(this.ids.custodyId(), lot),
                ids.apply(reads.custodyRegistrationsOf(HOLDER_2, Optional.empty(), Optional.empty(), all)));
        assertEquals(List.of(this.ids.custodyId()), ids.apply(reads.custodyRegistrationsOf(HOLDER_2, Optional.empty(),
                Optional.empty(), new fundexchange.registry.read.Page(0, 1))));
        assertEquals(List.of(lot), ids.apply(reads.custodyRegistrationsOf(HOLDER_2, Optional.empty(), Optional.empty(),
                new fundexchange.registry.read.Page(this.ids.custodyId(), 10))));
        assertEquals(List.of(lot), ids.apply(reads.custodyRegistrationsOf(HOLDER_2, Optional.of("PENDING_APPROVAL"),
                Optional.empty(), all)));
        assertEquals(List.of(this.ids.custodyId()), ids.apply(reads.custodyRegistrationsOf(HOLDER_2, Optional.empty(),
                Optional.of(FULL_FUND), all)));
        assertEquals(List.of(), reads.custodyRegistrationsOf(INVESTOR, Optional.empty(), Optional.empty(), all));
    }

    @Test
    void pledgesAndFreezesKeepTheirHistory() {
        long lift = journal.approved(new UnfreezeUnits(ids.freezeId(), "released by order (2026) 1-1"));
        project();
        assertEquals(List.of(
                new PledgeView(ids.releasedPledge(), FULL_FUND, HOLDER, d("500.00"), "Demo Bank", null, DIGEST, "RELEASED",
                        ids.activePledge() + 1, "Staff-02"),
                new PledgeView(ids.activePledge(), FULL_FUND, HOLDER, d("2000.00"), "Demo Bank", d("1500000.00"), DIGEST,
                        "ACTIVE", 0, null)), reads.pledgesOf(HOLDER));
        assertEquals(reads.pledgesOf(HOLDER), reads.pledgesIn(FULL_FUND));
        assertEquals(List.of(new FreezeView(ids.freezeId(), FULL_FUND, HOLDER, d("1000.00"), "Demo Court", "(2026) 1",
                DIGEST, "LIFTED", ids.freezeId() + 1, lift + 1, "released by order (2026) 1-1")), reads.freezesIn(FULL_FUND));
        assertEquals(List.of(), reads.freezesOf(INVESTOR));
        assertEquals(d("0.00"), reads.holdingsOf(HOLDER).stream().filter(h -> h.fundCode().equals(FULL_FUND))
                .findFirst().orElseThrow().frozen());
    }

    @Test
    void qualificationStatusCarriesItsRecordsAndThePlatformThresholds() {
        project();
        var view = reads.qualification(INVESTOR).orElseThrow();
        assertEquals(List.of("QUALIFIED", "2027-12-31"), List.of(view.qualification(), view.qualifiedUntil()));
        assertEquals(2, view.records().size());
        assertEquals(new QualificationRecord(view.records().get(1).sourceIndex(), "QUALIFIED", "2027-12-31",
                "INSTITUTION_NET_ASSETS", null, d("12000000.00"), null, null, DIGEST, "Staff-01"), view.records().get(1));
        assertEquals(null, view.records().getFirst().basis());
        assertEquals("600000.00", view.thresholds().get("qualified-individual-income"));
        assertEquals("10000000.00", view.thresholds().get("qualified-institution-net-assets"));
        assertEquals("true", view.thresholds().get("pledge-requires-full-custody"));
        var participant = reads.participant(HOLDER_2).orElseThrow();
        assertEquals(List.of("Demo LP Two", "110101199001011234"),
                List.of(participant.legalName(), participant.registrationNumber()));
    }
}
