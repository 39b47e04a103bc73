package fundexchange.registry.reconcile;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import fundexchange.registry.projector.Projector;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void registryEqualsTheEngineAtItsWatermarkEvenWhileTheJournalRunsAhead() {
        journal.negotiatedTransfer();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        long watermark = journal.lastIndex();
        journal.by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("1.0000"), 0));
        Reconciliation.Result result = Reconciliation.reconcile(journal.journals(), dataSource);
        assertEquals(watermark, result.atIndex(), "compared at the registry's watermark, not the journal's end");
        assertEquals(List.of(), result.differences());
        assertTrue(result.positionsCompared() >= 2);
    }

    @Test
    void everyDifferenceIsReportedWithBothValues() {
        journal.negotiatedTransfer();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        RegistryFixture.execute(dataSource, "UPDATE holdings SET units = units + 1, cost = cost + 1 WHERE holder = '" + INVESTOR + "'");
        Reconciliation.Result result = Reconciliation.reconcile(journal.journals(), dataSource);
        assertEquals(List.of(
                new Reconciliation.Difference(FUND, INVESTOR, "units", "400000.00", "400001.00"),
                new Reconciliation.Difference(FUND, INVESTOR, "cost", "360000.00", "360001.00")), result.differences());
    }

    @Test
    void pledgedFrozenUnconfirmedAndCommitmentDifferencesAreReported() {
        journal.custodyAndEncumbrances();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        assertEquals(List.of(), Reconciliation.reconcile(journal.journals(), dataSource).differences());
        RegistryFixture.execute(dataSource, "UPDATE holdings SET pledged = pledged - 1, frozen = frozen + 1, paid_in = 0"
                + " WHERE holder = '" + HOLDER + "' AND fund_code = '" + TestJournal.FULL_FUND + "'");
        RegistryFixture.execute(dataSource, "UPDATE holdings SET unconfirmed = 0 WHERE holder = '" + TestJournal.HOLDER_2 + "'");
        assertEquals(List.of(
                new Reconciliation.Difference(TestJournal.FULL_FUND, HOLDER, "pledged", "2000.00", "1999.00"),
                new Reconciliation.Difference(TestJournal.FULL_FUND, HOLDER, "frozen", "1000.00", "1001.00"),
                new Reconciliation.Difference(TestJournal.FULL_FUND, HOLDER, "paidIn", "3000.00", "0.00"),
                new Reconciliation.Difference(TestJournal.FULL_FUND, TestJournal.HOLDER_2, "unconfirmed", "3000.00", "0.00")),
                Reconciliation.reconcile(journal.journals(), dataSource).differences());
    }

    @Test
    void reconcilingWhileTheProjectorRunsUnderLoadFindsNoDifference() throws InterruptedException {
        journal.custodyAndEncumbrances();
        List<Reconciliation.Result> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Projector projector = new Projector(journal.journals(), dataSource).start()) {
            // The journal grows in 20 steps while the projector runs; each step is reconciled wherever the
            // projector then stands (not all at the start, as a free-running auditor thread could on a busy machine).
            for (int step = 0; step < 20; step++) {
                journal.trading(20);
                results.add(Reconciliation.reconcile(journal.journals(), dataSource));
            }
            assertTrue(projector.awaitIndex(journal.lastIndex(), java.time.Duration.ofSeconds(60)));
            results.add(Reconciliation.reconcile(journal.journals(), dataSource));
        }
        assertEquals(List.of(), results.stream().flatMap(r -> r.differences().stream()).toList());
        assertTrue(results.stream().map(Reconciliation.Result::atIndex).distinct().count() >= 3,
                () -> "compared at " + results.stream().map(Reconciliation.Result::atIndex).toList());
        assertEquals(journal.lastIndex(), results.getLast().atIndex());
    }
}
