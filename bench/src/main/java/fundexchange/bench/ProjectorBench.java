package fundexchange.bench;

import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.Directories;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.embedded.EmbeddedDatabase;
import fundexchange.registry.projector.Projector;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run projector}: the registry projector on an embedded PostgreSQL 18 with
 * {@code synchronous_commit=on}. A journal recorded from a realistic run ({@link ChainJournalWriter}: onboarding,
 * deposits, negotiated transfers with Ticks, NAV updates, rejected and duplicate commands) is (1) projected by a fresh
 * {@code Projector.catchUp()} into an empty database, for throughput, after an untimed catch-up of its first 10,000
 * documents into another database has warmed the JVM (a rebuild of a real registry runs long enough to be warm); (2) copied into a new journal at a steady rate
 * of events per second while a running projector tails it, for the lag from each document's append to the commit
 * that carries it.
 */
@Command(name = "projector", mixinStandardHelpOptions = true,
        description = "Times the registry projector: catch-up throughput, and lag at a steady event rate.")
public final class ProjectorBench implements Callable<Integer> {
    @Option(names = "--documents", defaultValue = "100000", description = "journal documents (default: ${DEFAULT-VALUE})")
    long documents;
    @Option(names = "--rate", defaultValue = "5000", description = "events per second in the lag run (default: ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--seconds", defaultValue = "30", description = "length of the lag run (default: ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--warmup-seconds", defaultValue = "5", description = "untimed start of the lag run (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    /** Documents projected, untimed, into a database of their own before the timed catch-up, to warm the JVM. */
    private static final int WARMUP_DOCUMENTS = 10_000;

    private final PrintStream out = System.out;

    /** A recorded pair of documents and how many events the event document holds. */
    private record Recorded(byte[] command, byte[] events, int eventCount) {
    }

    @Override
    public Integer call() throws Exception {
        out.printf("machine: %d cores, JDK %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
        Path work = Files.createTempDirectory("projector-bench");
        try (EmbeddedDatabase server = EmbeddedDatabase.start(work.resolve("postgres"))) {
            out.println("database: embedded PostgreSQL, synchronous_commit " + setting(server, "synchronous_commit"));
            // The lag run needs rate x its length in events; the mix averages about 0.8 events a document.
            long needed = Math.max(documents, Math.round(rate * (seconds + warmupSeconds) * 1.4));
            List<Recorded> journal = record(work.resolve("recorded"), needed);
            List<Recorded> timed = journal.subList(0, (int) Math.min(documents, journal.size()));
            throughput(server, work.resolve("warm-up"), timed.subList(0, Math.min(WARMUP_DOCUMENTS, timed.size())),
                    "projector_bench_warmup", "warm-up (untimed result: the JVM's first projection, cold JIT and jOOQ)", false);
            throughput(server, work.resolve("throughput"), timed, "projector_bench_throughput", "throughput", true);
            lag(server, work.resolve("paced"), journal);
        } finally {
            Directories.deleteRecursively(work);
        }
        return 0;
    }

    private List<Recorded> record(Path directory, long count) {
        List<Recorded> recorded = new ArrayList<>();
        long started = System.nanoTime();
        try (ChainJournalWriter writer = new ChainJournalWriter(directory, System.currentTimeMillis())) {
            long written = writer.write(count);
            out.printf("journal: %,d command records and event documents written with the engine in %d ms; mix %s%n",
                    written, (System.nanoTime() - started) / 1_000_000, writer.mix());
            try (ChronicleJournal.Reader commands = writer.journals().commands().reader();
                 ChronicleJournal.Reader events = writer.journals().events().reader()) {
                for (Optional<byte[]> event = events.next(); event.isPresent(); event = events.next()) {
                    recorded.add(new Recorded(commands.next().orElseThrow(), event.get(),
                            JournalCodec.readEvents(event.get()).events().size()));
                }
            }
        }
        return recorded;
    }

    /**
     * Copies the documents into a journal of their own, then projects it all in one catch-up into an empty database;
     * prints the result line only when {@code result}.
     */
    private void throughput(EmbeddedDatabase server, Path directory, List<Recorded> journal, String database,
                            String label, boolean result) throws SQLException {
        long events = journal.stream().mapToLong(Recorded::eventCount).sum();
        DataSource empty = freshDatabase(server, database);
        try (Journals journals = Journals.open(directory)) {
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Writer eventWriter = journals.events().writer()) {
                for (Recorded pair : journal) {
                    commands.append(pair.command());
                    eventWriter.append(pair.events());
                }
            }
            project(journals, empty, events, label, result);
        }
    }

    private void project(Journals journals, DataSource empty, long events, String label, boolean result) {
        try (Projector projector = new Projector(journals, empty)) {
            long started = System.nanoTime();
            long applied = projector.catchUp();
            long nanos = System.nanoTime() - started;
            out.printf("%s: a fresh Projector.catchUp() applied %,d documents holding %,d events in %d ms (%,d documents/s, %,d events/s)%n",
                    label, applied, events, nanos / 1_000_000, Math.round(applied * 1e9 / nanos), Math.round(events * 1e9 / nanos));
            if (result) {
                out.printf("RESULT projector.throughput %d events/s%n", Math.round(events * 1e9 / nanos));
            }
        }
    }

    /**
     * Appends the recorded pairs to a new journal, each event document when the cumulative event count says so at
     * {@code rate} events per second, while a running projector tails it; a watcher notes when each index is first
     * seen committed (the watermark moves in the projector's transaction).
     */
    private void lag(EmbeddedDatabase server, Path directory, List<Recorded> journal) throws Exception {
        DataSource empty = freshDatabase(server, "projector_bench_lag");
        int limit = journal.size();
        long[] appendedAt = new long[limit + 1];
        long[] committedAt = new long[limit + 1];
        try (Journals journals = Journals.open(directory);
             ChronicleJournal.Writer commands = journals.commands().writer();
             ChronicleJournal.Writer events = journals.events().writer();
             Projector projector = new Projector(journals, empty).start()) {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds + warmupSeconds);
            AtomicLong target = new AtomicLong(limit);
            Thread watcher = Thread.ofPlatform().name("lag-watcher").start(() -> watch(projector, committedAt, target));
            long cumulative = 0;
            int appended = 0;
            while (appended < limit && System.nanoTime() < end) {
                Recorded pair = journal.get(appended);
                long due = start + cumulative * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(20_000);
                }
                commands.append(pair.command());
                appendedAt[appended + 1] = System.nanoTime();
                events.append(pair.events());
                appended++;
                cumulative += pair.eventCount();
            }
            long offered = System.nanoTime() - start;
            target.set(appended);
            if (!projector.awaitIndex(appended, java.time.Duration.ofMinutes(10))) {
                throw new IllegalStateException("the projector did not catch up: " + projector.failure());
            }
            watcher.join(TimeUnit.MINUTES.toMillis(10));
            report(appendedAt, committedAt, appended, start, cumulative, offered);
        }
    }

    private static void watch(Projector projector, long[] committedAt, AtomicLong target) {
        int seen = 0;
        while (seen < target.get() && projector.failure().isEmpty()) {
            long watermark = Math.min(projector.watermark(), committedAt.length - 1);
            if (watermark > seen) {
                long now = System.nanoTime();
                for (int i = seen + 1; i <= watermark; i++) {
                    committedAt[i] = now;
                }
                seen = (int) watermark;
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private void report(long[] appendedAt, long[] committedAt, int appended, long start, long events, long offeredNanos) {
        long warm = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        List<Long> lags = new ArrayList<>();
        for (int i = 1; i <= appended; i++) {
            if (appendedAt[i] >= warm && committedAt[i] > 0) {
                lags.add(committedAt[i] - appendedAt[i]);
            }
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        out.printf("lag: %,d documents (%,d events) appended in %.1f s, offered %,d events/s; %,d timed after a %d s warm-up%n",
                appended, events, offeredNanos / 1e9, Math.round(events * 1e9 / offeredNanos), sorted.length, warmupSeconds);
        if (sorted.length == 0) {
            throw new IllegalStateException("no document was timed");
        }
        out.printf("lag: append to commit p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        out.printf("RESULT projector.lag.p99 %d ms%n", Math.round(percentile(sorted, 99)));
    }

    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
    }

    private static DataSource freshDatabase(EmbeddedDatabase server, String name) throws SQLException {
        DataSource admin = RegistryDatabase.dataSource(server.jdbcUrl(), server.user(), server.password());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource dataSource = RegistryDatabase.dataSource(server.jdbcUrl().replace("/postgres", "/" + name),
                server.user(), server.password());
        RegistryDatabase.migrate(dataSource);
        return dataSource;
    }

    private static String setting(EmbeddedDatabase server, String name) throws SQLException {
        DataSource admin = RegistryDatabase.dataSource(server.jdbcUrl(), server.user(), server.password());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
