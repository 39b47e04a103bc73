package fundexchange.bench;

import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.runner.EngineRunner;
import fundexchange.runner.SnapshotStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run engine-snapshot}: what a snapshot costs the engine thread now that the snapshotter takes it (issue
 * 18). The production {@link EngineRunner} over Chronicle journals decides the benchmark setup and {@code --items}
 * negotiated listings (the resting items), plus Ticks up to the next multiple of {@code --every}, with no snapshots
 * (a runner without a store, closed after); then the measured runner, with the store and {@code --every}, starts from
 * those journals (its start-up replay verifies them) and the snapshotter's first job (from an empty store: a replay of
 * everything) is asked for and awaited. Then up to 20,000 listings (fewer than
 * {@code --every}) warm the live path up, unmeasured, and a full collection follows. Then commands (more listings) are
 * appended at {@code --rate} per second on a fixed schedule: those up to the next multiple of {@code --every} with no
 * snapshot running, then the periodic mark there starts a job (replay of {@code --every} commands from the warm engine,
 * take, write) and appending goes on until the job has ended plus {@code --every / 10} more. A failed job is reported
 * as such, without RESULT lines (exit status 1); a last request, which waits for any job in hand, is let finish
 * before the runner closes. Latency of a command is from
 * its scheduled time to the engine's decision (coordinated omission corrected); a gap is the time between two
 * consecutive decisions on the engine thread.
 */
@Command(name = "engine-snapshot", mixinStandardHelpOptions = true,
        description = "The engine thread's longest gap and p99 while the snapshotter writes a snapshot of a large state.")
public final class EngineSnapshotBench implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "1000000", description = "negotiated listings before the snapshot (default: ${DEFAULT-VALUE})")
    int items;
    @Option(names = "--every", defaultValue = "50000", description = "commands between periodic snapshots (default: ${DEFAULT-VALUE})")
    int every;
    @Option(names = "--rate", defaultValue = "10000", description = "commands per second while measured (default: ${DEFAULT-VALUE})")
    int rate;

    private final PrintStream out = System.out;
    private static final int MAX_MEASURED = 5_000_000;
    /** Listings decided before the schedule, unmeasured. */
    private static final long WARM_UP = 20_000;
    /** Decision time (ns) of each measured command by its index minus the first measured index; written on the engine thread. */
    private final long[] decided = new long[MAX_MEASURED];
    private volatile long measuredFrom = Long.MAX_VALUE;
    /** Listings the engine did not accept (written on the engine thread only): the state would be smaller than said. */
    private volatile long refused;

    @Override
    public Integer call() throws Exception {
        out.printf("load %s%n", MixJournal.loadAverage());
        Path data = Files.createTempDirectory("engine-snapshot");
        EngineSetup setup = new EngineSetup();
        try (Journals journals = Journals.open(data)) {
            long index;
            long time = EngineSetup.MIX_START_MS;
            long built = System.nanoTime();
            try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                for (CommandRecord record : setup.records()) {
                    writer.append(JournalCodec.write(record));
                }
                index = setup.records().size();
                writer.append(JournalCodec.write(CommandRecord.unsigned(++index, time, new Tick())));
                for (int i = 0; i < items; i++) {
                    time = EngineSetup.MIX_START_MS + i / 100;
                    writer.append(JournalCodec.write(listing(setup, i, ++index, time)));
                }
                while (index % every != 0) {
                    writer.append(JournalCodec.write(CommandRecord.unsigned(++index, time, new Tick())));
                }
            }
            long warm = index;
            out.printf("journal of %d commands (%d listings) written in %.1f s%n", warm, items, seconds(built));
            long built0 = System.nanoTime();
            try (EngineRunner builder = new EngineRunner(journals)) { // no snapshots: the build is the engine's alone
                builder.observe((command, outcome) -> {
                    if (outcome.status() != OutcomeStatus.ACCEPTED && command instanceof ListNegotiated) {
                        refused++;
                    }
                });
                builder.start();
                if (!builder.awaitIndex(warm, Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the engine did not reach " + warm);
                }
            }
            out.printf("engine decided %d commands in %.1f s (no snapshotter)%n", warm, seconds(built0));
            SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
            try (EngineRunner runner = new EngineRunner(journals, store, every)) {
                runner.observe((command, outcome) -> {
                    long now = System.nanoTime();
                    long from = measuredFrom;
                    long at = runner.lastIndex() + 1; // published after the observer is told
                    if (at >= from && at - from < MAX_MEASURED) {
                        decided[(int) (at - from)] = now;
                    }
                    if (outcome.status() != OutcomeStatus.ACCEPTED && command instanceof ListNegotiated) {
                        refused++;
                    }
                });
                long started = System.nanoTime();
                runner.start();
                runner.awaitReady(Duration.ofMinutes(5));
                if (runner.lastIndex() != warm) {
                    throw new IllegalStateException("the restarted engine is at " + runner.lastIndex() + ", not " + warm);
                }
                out.printf("measured runner: replayed and verified %d documents at start in %.1f s%n", warm, seconds(started));
                long firstJob = System.nanoTime();
                CompletableFuture<Long> first = runner.snapshotNow();
                out.printf("first snapshot (snapshotter from an empty store) at %d in %.1f s, %d bytes%n",
                        first.get(10, TimeUnit.MINUTES), seconds(firstJob), Files.size(snapshotFile(data, warm)));
                // Warm-up, unmeasured and before the schedule: the live path's code is compiled, then the heap is
                // collected, so the measured phases start alike. Fewer commands than `every`: no mark falls in it.
                long warmUp = Math.min(WARM_UP, every - 1);
                try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                    for (long k = 0; k < warmUp; k++) {
                        writer.append(JournalCodec.write(listing(setup, items + (int) k, warm + 1 + k, time + 1 + k / 100)));
                    }
                }
                if (!runner.awaitIndex(warm + warmUp, Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the engine did not reach " + (warm + warmUp));
                }
                time += 1 + warmUp / 100;
                System.gc();
                out.printf("warm-up: %d listings decided unmeasured, then a full collection%n", warmUp);
                Arrays.fill(decided, 0);
                long from = warm + warmUp + 1;
                measuredFrom = from;
                long mark = warm + every;
                long scheduleStart = System.nanoTime() + 1_000_000;
                long interval = 1_000_000_000L / rate;
                CompletableFuture<Long> job = null;
                long jobStart = 0;
                GcTotals gcBefore = null;
                long jobEndIndex = Long.MAX_VALUE;
                long n = 0;
                try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                    while (n < MAX_MEASURED) {
                        long scheduled = scheduleStart + n * interval;
                        long early; // parks rather than spins: on 2 cores a spinning writer would take the snapshotter's core
                        while ((early = scheduled - System.nanoTime()) > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(early);
                        }
                        writer.append(JournalCodec.write(listing(setup, items + (int) (warmUp + n), from + n,
                                time + 1 + n / 100)));
                        n++;
                        if (job == null && runner.lastIndex() >= mark) {
                            job = runner.snapshotSettled(mark); // written or failed: a failed job ends the phase too
                            jobStart = System.nanoTime();
                            gcBefore = GcTotals.now();
                        }
                        if (job != null && job.isDone() && jobEndIndex == Long.MAX_VALUE) {
                            jobEndIndex = from + n;
                            GcTotals gc = GcTotals.now();
                            out.printf("snapshot at %d %s %.1f s after its mark; the engine was at %d; meanwhile %d"
                                            + " collections, %d ms of GC%n", job.get(),
                                    runner.snapshotStatus().lastWrittenIndex() >= mark ? "written" : "FAILED (see the log)",
                                    seconds(jobStart), runner.lastIndex(), gc.collections() - gcBefore.collections(),
                                    gc.millis() - gcBefore.millis());
                        }
                        if (jobEndIndex != Long.MAX_VALUE && from + n >= jobEndIndex + every / 10) {
                            break;
                        }
                    }
                }
                long last = from + n - 1;
                if (!runner.awaitIndex(last, Duration.ofMinutes(5)) || job == null) {
                    throw new IllegalStateException("the engine did not reach " + last + " or no job ran");
                }
                out.printf("listings not accepted: %d%n", refused);
                // A job in hand is let finish before the runner closes and the directory goes (a job stopped mid-write,
                // or a write into a deleted directory, would only log an alarm of the benchmark's own): a request
                // runs after it (one job at a time) and is never skipped by the floor between jobs, as a periodic
                // mark may be. Its own outcome does not matter here.
                runner.snapshotNow().handle((written, failed) -> written).get(10, TimeUnit.MINUTES);
                if (runner.snapshotStatus().lastWrittenIndex() < mark) {
                    out.printf("the snapshot at %d failed (see the log): no RESULT%n", mark);
                    return 1;
                }
                report(scheduleStart, interval, from, mark, jobEndIndex, last);
            }
        } finally {
            deleteTree(data);
        }
        out.printf("load %s%n", MixJournal.loadAverage());
        return 0;
    }

    private void report(long scheduleStart, long interval, long from, long mark, long jobEnd, long last) {
        Histogram without = new Histogram(3);
        Histogram with = new Histogram(3);
        long maxGapWith = 0;
        long maxGapWithout = 0;
        for (long i = from; i <= last; i++) {
            long at = decided[(int) (i - from)];
            long latency = Math.max(0, at - (scheduleStart + (i - from) * interval)) / 1000;
            long gap = i == from ? 0 : (at - decided[(int) (i - from - 1)]) / 1000;
            if (i > mark && i <= jobEnd) {
                with.recordValue(latency);
                maxGapWith = Math.max(maxGapWith, gap);
            } else if (i <= mark) {
                without.recordValue(latency);
                maxGapWithout = Math.max(maxGapWithout, gap);
            }
        }
        out.printf("without a snapshot: %d commands, p50 %d us, p99 %d us, max %d us, longest gap %d us%n",
                without.getTotalCount(), without.getValueAtPercentile(50), without.getValueAtPercentile(99),
                without.getMaxValue(), maxGapWithout);
        out.printf("while the snapshotter works: %d commands, p50 %d us, p99 %d us, max %d us, longest gap %d us%n",
                with.getTotalCount(), with.getValueAtPercentile(50), with.getValueAtPercentile(99), with.getMaxValue(),
                maxGapWith);
        out.printf("RESULT engine.snapshot.max.pause %d us%n", maxGapWith);
        out.printf("RESULT engine.snapshot.p99 %d us%n", with.getValueAtPercentile(99));
        out.printf("RESULT engine.nosnapshot.p99 %d us%n", without.getValueAtPercentile(99));
    }

    private static CommandRecord listing(EngineSetup setup, int i, long index, long time) {
        String holder = EngineSetup.holder(i);
        String buyer = EngineSetup.investor(i);
        String fund = EngineSetup.fund(i);
        ListNegotiated listing = new ListNegotiated(fund, buyer, Units.of("100.00"), Price.of("1.2000"), 0);
        String body = """
                {"fundCode":"%s","buyer":"%s","units":"100.00","price":"1.2000"}""".formatted(fund, buyer);
        Planned planned = setup.accepted(holder, "/listings", body, listing, index, time);
        return CommandRecord.signed(index, time, planned.request(), planned.command());
    }

    private static Path snapshotFile(Path data, long index) {
        return data.resolve("snapshots").resolve(String.format("snapshot-%020d.json", index));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
