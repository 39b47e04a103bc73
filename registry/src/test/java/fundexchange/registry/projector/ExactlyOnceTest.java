package fundexchange.registry.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.RegistryDump;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event document takes effect exactly once (CONTRACTS.md 6): across {@code kill -9} of the projector's JVM
 * between and inside batches, and when the registry is rebuilt from an empty database.
 */
class ExactlyOnceTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    /**
     * Even rounds: how long after the watermark first moves the child is killed (0 lands just after a commit, the
     * rest inside the next batch's transaction). Odd rounds: how long after its start, progress or not.
     */
    private static final long[] AFTER_PROGRESS_MS = {0, 40, 5, 120, 0, 70};
    private static final long[] AFTER_START_MS = {900, 1_300, 1_700, 2_100, 1_100, 1_500};
    private static final int ROUNDS = 12;
    /** Small transactions in the child, so that kills land between and inside many of them. */
    private static final int CHILD_BATCH = 20;
    private static DataSource dataSource;

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @BeforeAll
    static void migrate() {
        dataSource = DB.dataSource();
        RegistryDatabase.migrate(dataSource);
    }

    @BeforeEach
    void emptyRegistry() {
        RegistryFixture.empty(dataSource);
    }

    @Test
    void killNineBetweenAndInsideBatchesLosesNothingAndDoublesNothing() throws Exception {
        long end;
        try (TestJournal journal = new TestJournal(data).market()) {
            journal.custodyAndEncumbrances();
            journal.trading(1_000);
            end = journal.lastIndex();
        }
        int kills = 0;
        long last = 0;
        List<Long> killedAt = new ArrayList<>();
        for (int round = 0; round < ROUNDS && last < end; round++) {
            Process child = projectorChild(round);
            long before = last;
            if (round % 2 == 0) {
                boolean moved = await(() -> RegistryDump.watermark(dataSource) > before || !child.isAlive(), Duration.ofSeconds(60));
                assertTrue(moved && child.isAlive(), "round " + round + ": the child neither progressed nor stayed alive; see its log");
                TimeUnit.MILLISECONDS.sleep(AFTER_PROGRESS_MS[round / 2 % AFTER_PROGRESS_MS.length]);
            } else {
                TimeUnit.MILLISECONDS.sleep(AFTER_START_MS[round / 2 % AFTER_START_MS.length]);
            }
            assertTrue(child.isAlive(), "round " + round + ": the child stopped by itself; see its log");
            child.destroyForcibly().waitFor();
            kills++;
            last = RegistryDump.watermark(dataSource);
            assertTrue(last >= before, "the watermark never moves back");
            killedAt.add(last);
        }
        assertTrue(kills >= 8 && killedAt.stream().distinct().count() >= 3, "killed " + kills + " times at " + killedAt);
        TreeMap<String, List<String>> crashed = projectToEnd(end);
        RegistryFixture.empty(dataSource);
        TreeMap<String, List<String>> clean = projectToEnd(end);
        assertEquals(clean.keySet(), crashed.keySet());
        for (String table : clean.keySet()) {
            assertEquals(clean.get(table), crashed.get(table), table + " after " + kills + " kills at " + killedAt);
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
            assertTrue(projector.awaitIndex(journal.lastIndex(), Duration.ofSeconds(60)));
            live = RegistryDump.of(dataSource);
        }
        RegistryFixture.empty(dataSource);
        try (Journals journals = Journals.open(data); Projector rebuilt = new Projector(journals, dataSource)) {
            rebuilt.catchUp();
        }
        assertEquals(live, RegistryDump.of(dataSource));
        assertTrue(live.get("holdings").size() >= 4 && live.get("pledges").size() > 50, live::toString);
    }

    private TreeMap<String, List<String>> projectToEnd(long end) {
        try (Journals journals = Journals.open(data); Projector projector = new Projector(journals, dataSource)) {
            projector.catchUp();
            assertEquals(end, projector.watermark());
        }
        return RegistryDump.of(dataSource);
    }

    private Process projectorChild(int round) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("fundexchange.jvm.flags", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProjectorChild.class.getName(),
                data.toString(), DB.url(), DB.user(), DB.password(), String.valueOf(CHILD_BATCH)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("projector-" + round + ".log").toFile())
                .start();
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        return true;
    }
}
