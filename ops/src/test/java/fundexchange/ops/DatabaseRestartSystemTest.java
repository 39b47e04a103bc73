package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.audit.AuditChainCheck;
import fundexchange.registry.embedded.EmbeddedDatabase;
import fundexchange.registry.projector.Projector;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, faults survived: the embedded PostgreSQL is stopped (a fast shutdown, which ends every session with 57P01)
 * and started again on the same data directory and port while a staff member keeps registering participants through
 * the gateway. Every write is acknowledged throughout (the engine needs no database), registry reads answer 503 with
 * code 125 while the database is down and 200 after, the projector and the audit tailer resume by themselves, and
 * every acknowledged write is in the registry exactly once: the same rows as a clean rebuild from the journal.
 */
class DatabaseRestartSystemTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int WRITES_PER_PHASE = 8;

    @TempDir
    Path data;
    @TempDir
    Path postgres;

    /** Registers participants one after another until stopped; each acknowledged write releases one permit. */
    private static final class Writer implements Runnable {
        final Participant staff;
        final Semaphore acknowledged = new Semaphore(0);
        final ConcurrentLinkedQueue<Long> indexes = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        final AtomicBoolean stop = new AtomicBoolean();

        Writer(Participant staff) {
            this.staff = staff;
        }

        @Override
        public void run() {
            for (int n = 1; !stop.get(); n++) {
                String id = String.format("Investor-%03d", n);
                Participant.Reply reply = staff.post("/participants", "{\"participantId\":\"" + id + "\",\"name\":\"Demo Investor "
                        + n + "\",\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}");
                if (reply.status() != 200) {
                    refusals.add(reply.status() + " " + reply.body());
                    return;
                }
                indexes.add(reply.journalIndex());
                acknowledged.release();
            }
        }

        void await(int writes) throws InterruptedException {
            assertTrue(acknowledged.tryAcquire(writes, WAIT.toSeconds(), TimeUnit.SECONDS), () -> "refused: " + refusals);
        }
    }

    @Test
    void writesGoOnReadsAnswer503AndEveryAcknowledgedWriteIsProjectedOnceAfterARestart() throws Exception {
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())),
                CLOCK);
        EmbeddedDatabase database = EmbeddedDatabase.start(postgres, 0);
        int port = database.port();
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(database.jdbcUrl(),
                database.user(), database.password())), GatewayConfig.DEFAULTS.withPort(0), CLOCK)) {
            URI exchange = URI.create("http://localhost:" + node.port());
            Participant reader = new Participant(exchange, "Staff-02", "Staff-02-k1", staff2, CLOCK, "reads");
            Writer writer = new Writer(new Participant(exchange, "Staff-01", "Staff-01-k1", staff1, CLOCK, "load"));
            Thread load = new Thread(writer, "load");
            load.start();
            try {
                writer.await(WRITES_PER_PHASE);
                assertEquals(200, reader.get("/participants").status());

                database.close(); // pg_ctl stop -m fast: every session ends with 57P01
                writer.await(WRITES_PER_PHASE);
                for (String path : List.of("/participants", "/funds", "/transfers")) {
                    Participant.Reply down = reader.get(path);
                    assertEquals(List.of(503, 125, "the registry is unavailable; retry later"), List.of(down.status(),
                            down.body().path("code").asInt(), down.body().path("message").asText()), down.body()::toString);
                }
                long writtenWhileDown = node.journalIndex();
                assertTrue(node.projector().watermark() < writtenWhileDown, "the projector cannot have applied writes made while down");

                database = EmbeddedDatabase.start(postgres, port);
                writer.await(WRITES_PER_PHASE);
            } finally {
                writer.stop.set(true);
                load.join(WAIT.toMillis());
            }
            assertEquals(List.of(), List.copyOf(writer.refusals));
            long last = writer.indexes.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(node.projector().awaitIndex(node.journalIndex(), WAIT), "the projector resumes by itself");
            assertTrue(node.audit().awaitIndex(node.journalIndex(), WAIT), "the audit tailer resumes by itself");
            assertEquals(Optional.empty(), node.projector().failure());
            assertEquals(Optional.empty(), node.audit().failure());
            assertTrue(node.projector().retriedStates().contains("57P01"), node.projector().retriedStates()::toString);

            Participant.Reply after = reader.get("/participants?minIndex=" + last).ok();
            List<String> read = new ArrayList<>();
            after.body().path("participants").forEach(p -> read.add(p.path("participantId").asText()));
            List<String> journaled = registeredInJournal(node);
            assertEquals(journaled, read.stream().sorted().toList());
            assertEquals(4 + writer.indexes.size(), journaled.size());

            DataSource registry = node.dataSource();
            assertEquals(node.journalIndex(), count(registry, "SELECT source_index FROM projection_watermark WHERE projector = 'registry'"));
            assertEquals(List.of(node.journalIndex(), node.journalIndex()), List.of(count(registry, "SELECT count(*) FROM audit_records"),
                    count(registry, "SELECT count(DISTINCT source_index) FROM audit_records")));
            assertTrue(AuditChainCheck.verify(node.journals(), registry).intact());
            assertEquals(cleanRebuild(node, database), dump(registry, List.of("participants", "projection_watermark")));
        } finally {
            database.close();
        }
    }

    private static List<String> registeredInJournal(ExchangeNode node) {
        List<String> ids = new ArrayList<>();
        try (ChronicleJournal.Reader events = node.journals().events().reader()) {
            Optional<byte[]> document;
            while ((document = events.next()).isPresent()) {
                for (Event event : JournalCodec.readEvents(document.get()).events()) {
                    if (event instanceof ParticipantRegistered registered) {
                        ids.add(registered.participantId());
                    }
                }
            }
        }
        return ids.stream().sorted().toList();
    }

    /** The same tables projected afresh from the journal into a new database on the same server. */
    private static TreeMap<String, List<String>> cleanRebuild(ExchangeNode node, EmbeddedDatabase database) throws SQLException {
        DataSource admin = RegistryDatabase.dataSource(database.jdbcUrl(), database.user(), database.password());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE rebuilt");
        }
        DataSource rebuilt = RegistryDatabase.dataSource(database.jdbcUrl().replace("/postgres", "/rebuilt"), database.user(),
                database.password());
        RegistryDatabase.migrate(rebuilt);
        try (Projector projector = new Projector(node.journals(), rebuilt)) {
            projector.catchUp();
        }
        return dump(rebuilt, List.of("participants", "projection_watermark"));
    }

    private static TreeMap<String, List<String>> dump(DataSource dataSource, List<String> tables) throws SQLException {
        TreeMap<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT row_to_json(t)::text AS r FROM " + table + " t ORDER BY r")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
