package fundexchange.registry.projector;

import static fundexchange.registry.projector.PausePoint.Kind.AFTER_COMMIT;
import static fundexchange.registry.projector.PausePoint.Kind.AFTER_STATEMENT;
import static fundexchange.registry.projector.PausePoint.Kind.BEFORE_COMMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.Tick;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.RegistryDump;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event document takes effect exactly once (CONTRACTS.md 6): across {@code kill -9} of the projector's JVM
 * inside and between its transactions, and when the registry is rebuilt from an empty database.
 */
class ExactlyOnceTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    /**
     * Where each round's child stops and is killed, counting from its start: inside a transaction after some of its
     * statements (from the first to past the first few transactions), inside one whose statements are all done and
     * whose watermark update waits for its commit, and between transactions.
     */
    private static final List<PausePoint> KILL_POINTS = List.of(
            new PausePoint(AFTER_STATEMENT, 1),
            new PausePoint(BEFORE_COMMIT, 1),
            new PausePoint(AFTER_COMMIT, 2),
            new PausePoint(AFTER_STATEMENT, 45),
            new PausePoint(BEFORE_COMMIT, 4),
            new PausePoint(AFTER_STATEMENT, 130),
            new PausePoint(AFTER_COMMIT, 1),
            new PausePoint(AFTER_STATEMENT, 7),
            new PausePoint(BEFORE_COMMIT, 9),
            new PausePoint(AFTER_STATEMENT, 300));
    /** Small transactions in the child, so that the kill points spread over many of them. */
    private static final int CHILD_BATCH = 20;
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a hang only: nothing here waits on time
    void killNineInsideAndBetweenTransactionsLosesNothingAndDoublesNothing() throws Exception {
        long end;
        try (TestJournal journal = new TestJournal(data).market()) {
            journal.custodyAndEncumbrances();
            journal.trading(1_000);
            end = journal.lastIndex();
        }
        List<Long> killedAt = new ArrayList<>();
        long last = 0;
        for (int round = 0; round < KILL_POINTS.size(); round++) {
            PausePoint point = KILL_POINTS.get(round);
            String where = "round " + round + " (" + point + ")";
            Process child = projectorChild(point);
            int backend = pausedBackend(child, where);
            assertEquals(point.insideTransaction() ? new Backend("idle in transaction", true) : new Backend("idle", false),
                    backend(backend).orElseThrow(), where + ": the child's connection as the database sees it");
            TreeMap<String, List<String>> committed = RegistryDump.of(dataSource);
            long watermark = RegistryDump.watermark(dataSource);
            child.destroyForcibly().waitFor();
            awaitEnded(backend);
            assertEquals(committed, RegistryDump.of(dataSource), where + ": the killed transaction left nothing behind");
            assertTrue(watermark >= last, where + ": the watermark never moves back");
            if (point.kind() != AFTER_STATEMENT) { // full transactions of CHILD_BATCH documents each were committed
                int commits = point.kind() == AFTER_COMMIT ? point.n() : point.n() - 1;
                assertEquals(last + (long) commits * CHILD_BATCH, watermark, where + ": the transactions committed first");
            }
            last = watermark;
            killedAt.add(watermark);
        }
        assertTrue(last < end && killedAt.stream().distinct().count() >= 6, "the kills spread over the journal: " + killedAt);
        TreeMap<String, List<String>> crashed = projectToEnd(end);
        RegistryFixture.empty(dataSource);
        TreeMap<String, List<String>> clean = projectToEnd(end);
        assertEquals(clean.keySet(), crashed.keySet());
        for (String table : clean.keySet()) {
            assertEquals(clean.get(table), crashed.get(table), table + " after kills at watermarks " + killedAt);
        }
    }

    @Test
    void rebuildingFromAnEmptyDatabaseEqualsTheLiveProjection() {
        TreeMap<String, List<String>> live;
        try (TestJournal journal = new TestJournal(data).market();
             Projector projector = new Projector(journal.journals(), dataSource).start()) {
            journal.negotiatedTransfer();
            journal.custodyAndEncumbrances();
            journal.trading(50);
            // settlements on later days, one more than the market data window after the last, so the daily
            // publications' stored running sums (V29) take days off the window, some at once, and all of them
            journal.approved(new SetOfficialCalendar(2027, List.of(), null)); // the days run into 2027
            for (long days : new long[] {1, 3, 9, 91, 1}) {
                journal.advance(days * 86_400_000L).trading(3);
            }
            journal.advance(86_400_000L).unsigned(new Tick());
            assertTrue(projector.awaitIndex(journal.lastIndex(), Duration.ofSeconds(60)));
            live = RegistryDump.of(dataSource);
        }
        RegistryFixture.empty(dataSource);
        try (Journals journals = Journals.open(data); Projector rebuilt = new Projector(journals, dataSource)) {
            rebuilt.catchUp();
        }
        assertEquals(live, RegistryDump.of(dataSource));
        assertTrue(live.get("holdings").size() >= 4 && live.get("pledges").size() > 50, live::toString);
        assertTrue(live.get("market_fund_sums").size() >= 1 && live.get("market_fund_days").size() >= 6, live::toString);
    }

    private TreeMap<String, List<String>> projectToEnd(long end) {
        try (Journals journals = Journals.open(data); Projector projector = new Projector(journals, dataSource)) {
            projector.catchUp();
            assertEquals(end, projector.watermark());
        }
        return RegistryDump.of(dataSource);
    }

    /** A child projecting the journal into the test's database until it stops at {@code point}. */
    private Process projectorChild(PausePoint point) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("fundexchange.jvm.flags", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProjectorChild.class.getName(),
                data.toString(), REGISTRY.database().url(), REGISTRY.database().user(), REGISTRY.database().password(),
                String.valueOf(CHILD_BATCH), point.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it says where it paused; returns the PostgreSQL backend of its connection. */
    private static int pausedBackend(Process child, String where) throws IOException {
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher paused = PAUSED.matcher(line);
                if (paused.matches()) {
                    return Integer.parseInt(paused.group(1));
                }
                output.add(line);
            }
        }
        throw new AssertionError(where + ": the child ended without pausing:\n" + String.join("\n", output));
    }

    private static final Pattern PAUSED = Pattern.compile("paused \\S+ backend (\\d+)");

    /** A backend's state in {@code pg_stat_activity} and whether its transaction has written (holds an xid). */
    private record Backend(String state, boolean wrote) {
    }

    private Optional<Backend> backend(int pid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state, backend_xid IS NOT NULL FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Backend(row.getString(1), row.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /**
     * Waits until the killed child's backend has noticed its client is gone, rolled its transaction back and exited:
     * a condition the database reports, not a duration.
     */
    private void awaitEnded(int pid) throws SQLException {
        while (backend(pid).isPresent()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
