package fundexchange.registry.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.FaultyDataSource;
import fundexchange.registry.RegistryDump;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import fundexchange.registry.tail.ProjectionHalted;
import fundexchange.registry.tail.TailLoop;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The projector rides out a restarting database (issue 14): a terminated session (57P01), a commit whose answer is
 * lost, refused connections (57P03, 08001, a transient connection exception) are retried without a halt, and every
 * document takes effect exactly once: the registry equals a clean rebuild.
 */
class ProjectorFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
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
    void closeJournal() {
        journal.close();
    }

    /** Records after which failure in a row each pause came, and pauses not at all. */
    static final class RecordingBackoff implements fundexchange.registry.tail.Backoff {
        final List<Integer> pauses = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Duration delay(int failures) {
            pauses.add(failures);
            return Duration.ZERO;
        }
    }

    /** Ends every other session on this database, as a fast shutdown does (the backend sends 57P01 and exits). */
    void terminateSessions() {
        RegistryFixture.execute(dataSource, "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
    }

    static List<SQLException> restartRefusals() {
        return List.of(fundexchange.registry.tail.TransientFailureTest.server("57P03", "the database system is starting up"),
                new PSQLException("Connection to localhost refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT),
                new SQLTransientConnectionException("connection attempt timed out"));
    }

    @Test
    void transientFailuresAreRetriedAndEveryDocumentTakesEffectOnce() {
        FaultyDataSource.Wrapped faulty = FaultyDataSource.wrap(dataSource);
        RecordingBackoff backoff = new RecordingBackoff();
        try (Projector projector = new Projector(journal.journals(), faulty.dataSource(), Projector.MAX_DOCUMENTS, backoff).start()) {
            assertTrue(projector.awaitIndex(journal.lastIndex(), WAIT));

            terminateSessions();
            journal.trading(1);
            assertTrue(projector.awaitIndex(journal.lastIndex(), WAIT));

            faulty.faults().loseNextCommitAnswer();
            journal.trading(1);
            assertTrue(projector.awaitIndex(journal.lastIndex(), WAIT));
            assertTrue(faulty.faults().spent());

            faulty.faults().refuse(restartRefusals());
            terminateSessions();
            journal.trading(1);
            assertTrue(projector.awaitIndex(journal.lastIndex(), WAIT));

            assertEquals(Optional.empty(), projector.failure());
            assertEquals(Optional.empty(), projector.outage());
            assertEquals(List.of(1, 1, 1, 2, 3, 4), backoff.pauses);
            assertEquals(6, projector.retries());
            assertEquals(new java.util.TreeSet<>(List.of("08000", "08001", "08006", "57P01", "57P03")), projector.retriedStates());
        }
        assertEquals(journal.lastIndex(), RegistryDump.watermark(dataSource));
        TreeMap<String, List<String>> survived = RegistryDump.of(dataSource);
        RegistryFixture.empty(dataSource);
        try (Projector clean = new Projector(journal.journals(), dataSource)) {
            clean.catchUp();
        }
        assertEquals(RegistryDump.of(dataSource), survived);
    }

    @Test
    void constraintFailureStillHaltsAfterRetries() {
        FaultyDataSource.Wrapped faulty = FaultyDataSource.wrap(dataSource);
        RecordingBackoff backoff = new RecordingBackoff();
        try (Projector projector = new Projector(journal.journals(), faulty.dataSource(), Projector.MAX_DOCUMENTS, backoff).start()) {
            assertTrue(projector.awaitIndex(journal.lastIndex(), WAIT));
            long planted = journal.lastIndex() + 1;
            faulty.faults().refuse(restartRefusals());
            terminateSessions();
            journal.append(CommandRecord.unsigned(planted, journal.time(), new Tick()), new EventDocument(EventDocument.VERSION,
                    planted, journal.time(), null, null, Outcome.ACCEPTED,
                    List.of(new UnitsDeposited(TestJournal.FUND, TestJournal.HOLDER, Units.of("-2000000.00"), Money.ZERO, 1))));
            assertFalse(projector.awaitIndex(planted, WAIT));
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            assertEquals(planted, halted.sourceIndex());
            assertEquals(planted - 1, projector.watermark());
            assertEquals(List.of(1, 2, 3, 4), backoff.pauses);
        }
    }

    @Test
    void closingDuringAnOutageEndsTheLoopWithoutAHalt() {
        FaultyDataSource.Wrapped faulty = FaultyDataSource.wrap(dataSource);
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        TailLoop projector = new Projector(journal.journals(), faulty.dataSource(), Projector.MAX_DOCUMENTS, failures -> {
            paused.countDown();
            return Duration.ofDays(1);
        });
        faulty.faults().refuse(List.of(fundexchange.registry.tail.TransientFailureTest.server("57P03", "the database system is shutting down")));
        projector.start();
        try {
            assertTrue(paused.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(Optional.of(new TailLoop.Outage(1, "57P03", 0)), projector.outage());
        projector.close();
        assertEquals(Optional.empty(), projector.failure());
        assertEquals(0, projector.watermark());
    }
}
