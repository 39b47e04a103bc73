package fundexchange.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.Tick;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.FaultyDataSource;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditTailerTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void transfer() {
        journal = new TestJournal(data).market();
        journal.negotiatedTransfer();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    /** The audit head computed here without ChainHash, straight from the journal files. */
    private String independentHead() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] link = new byte[32];
        try (ChronicleJournal.Reader commands = journal.journals().commands().reader();
             ChronicleJournal.Reader events = journal.journals().events().reader()) {
            Optional<byte[]> command;
            while ((command = commands.next()).isPresent()) {
                byte[] event = events.next().orElseThrow();
                sha.update(link);
                sha.update(MessageDigest.getInstance("SHA-256").digest(command.get()));
                sha.update(MessageDigest.getInstance("SHA-256").digest(event));
                link = sha.digest();
            }
        }
        return HexFormat.of().formatHex(link);
    }

    private String storedHead() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT link FROM audit_watermark")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void storedHeadEqualsAnIndependentRecomputationAndTheCheckFindsTheChainIntact() throws Exception {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource)) {
            assertEquals(journal.lastIndex(), tailer.catchUp());
            assertEquals(0, tailer.catchUp());
        }
        String head = independentHead();
        assertEquals(head, storedHead());
        assertEquals(new AuditChainCheck.Result(true, journal.lastIndex(), head, ""),
                AuditChainCheck.verify(journal.journals(), dataSource));
    }

    @Test
    void checkReportsTheFirstAlteredLink() {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource)) {
            tailer.catchUp();
        }
        RegistryFixture.execute(dataSource, "UPDATE audit_links SET link = repeat('0', 64) WHERE source_index = 5");
        AuditChainCheck.Result result = AuditChainCheck.verify(journal.journals(), dataSource);
        assertFalse(result.intact());
        assertEquals(4, result.checkedThrough());
        assertEquals("the stored link differs at index 5", result.firstProblem());
    }

    @Test
    void checkReportsAMissingLinkAndAnAlteredHead() {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource)) {
            tailer.catchUp();
        }
        RegistryFixture.execute(dataSource, "UPDATE audit_watermark SET link = repeat('1', 64)");
        assertEquals("the stored head differs from the link at index " + journal.lastIndex(),
                AuditChainCheck.verify(journal.journals(), dataSource).firstProblem());
        RegistryFixture.execute(dataSource, "DELETE FROM audit_links WHERE source_index = 3");
        assertEquals("no stored link for index 3", AuditChainCheck.verify(journal.journals(), dataSource).firstProblem());
    }

    @Test
    void runningTailerWaitsForTheEventDocumentOfACommandAlreadyJournaled() throws Exception {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource).start()) {
            assertTrue(tailer.awaitIndex(journal.lastIndex(), Duration.ofSeconds(30)));
            long next = journal.advance(120_000).appendCommandOnly(new Tick()).index();
            assertFalse(tailer.awaitIndex(next, Duration.ofMillis(300)));
            journal.decide();
            assertTrue(tailer.awaitIndex(next, Duration.ofSeconds(30)));
            assertEquals(Optional.empty(), tailer.failure());
        }
        assertEquals(independentHead(), storedHead());
        assertTrue(AuditChainCheck.verify(journal.journals(), dataSource).intact());
    }

    @Test
    void refusedConnectionsAndALostCommitAnswerAreRetriedAndEveryIndexIsLinkedOnce() throws Exception {
        FaultyDataSource.Wrapped faulty = FaultyDataSource.wrap(dataSource);
        java.util.List<Integer> pauses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (AuditTailer tailer = new AuditTailer(journal.journals(), faulty.dataSource(), failures -> {
            pauses.add(failures);
            return Duration.ZERO;
        }).start()) {
            assertTrue(tailer.awaitIndex(journal.lastIndex(), Duration.ofSeconds(60)));
            faulty.faults().refuse(java.util.List.of(
                    fundexchange.registry.tail.TransientFailureTest.server("57P03", "the database system is shutting down")));
            journal.trading(1);
            assertTrue(tailer.awaitIndex(journal.lastIndex(), Duration.ofSeconds(60)));
            faulty.faults().loseNextCommitAnswer();
            journal.trading(1);
            assertTrue(tailer.awaitIndex(journal.lastIndex(), Duration.ofSeconds(60)));
            assertTrue(faulty.faults().spent());
            assertEquals(Optional.empty(), tailer.failure());
            assertEquals(java.util.List.of(1, 1), pauses);
            assertEquals(new java.util.TreeSet<>(java.util.List.of("08006", "57P03")), tailer.retriedStates());
        }
        assertEquals(independentHead(), storedHead());
        assertEquals(new AuditChainCheck.Result(true, journal.lastIndex(), independentHead(), ""),
                AuditChainCheck.verify(journal.journals(), dataSource));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM audit_records), (SELECT count(DISTINCT source_index)"
                     + " FROM audit_records), (SELECT count(*) FROM audit_links)")) {
            counts.next();
            assertEquals(java.util.List.of(journal.lastIndex(), journal.lastIndex(), journal.lastIndex()),
                    java.util.List.of(counts.getLong(1), counts.getLong(2), counts.getLong(3)));
        }
    }

    @Test
    void restartedTailerContinuesTheChainWithoutRelinking() throws Exception {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource)) {
            tailer.catchUp();
        }
        journal.advance(1_000).unsigned(new Tick());
        try (AuditTailer restarted = new AuditTailer(journal.journals(), dataSource)) {
            assertEquals(1, restarted.catchUp());
            assertEquals(journal.lastIndex(), restarted.watermark());
        }
        assertEquals(independentHead(), storedHead());
    }
}
