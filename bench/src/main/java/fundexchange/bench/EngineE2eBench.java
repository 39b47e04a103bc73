package fundexchange.bench;

import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.runner.EngineRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run engine-e2e}: the engine runner ({@link EngineRunner}, production code) on the journals of a
 * data directory on the normal filesystem. (1) Throughput: it drains a pre-filled command journal of
 * {@link EngineMix} records (full signed envelopes, as the sequencer writes them) while appending event documents;
 * compared with a raw Chronicle tail + append loop over the same records, appending documents of the same sizes.
 * (2) Latency: one generator thread appends the mix paced at a fixed rate (scheduled send times, so a late send
 * counts) and polls the event journal; the runner thread busy-spins; latency runs from each command's scheduled
 * send time to the generator seeing its event document.
 */
@Command(name = "engine-e2e", mixinStandardHelpOptions = true,
        description = "Engine runner throughput on a pre-filled journal (and a raw Chronicle loop), then paced latency.")
public final class EngineE2eBench implements Callable<Integer> {
    private static final long STALL_NANOS = 1_000_000;
    private static final long GRACE_SECONDS = 30;
    private static final int ENCODE_SAMPLE = 200_000;

    @Option(names = "--work-dir", defaultValue = "bench/.cache/engine-e2e", description = "where data directories are made (default: ${DEFAULT-VALUE})")
    Path workDirectory;
    @Option(names = "--warmup-blocks", defaultValue = "5000", description = "throughput: untimed blocks of 100 commands (default: ${DEFAULT-VALUE})")
    long warmupBlocks;
    @Option(names = "--blocks", defaultValue = "20000", description = "throughput: timed blocks of 100 commands (default: ${DEFAULT-VALUE})")
    long blocks;
    @Option(names = "--rate", defaultValue = "100000", description = "latency: commands per second (default: ${DEFAULT-VALUE})")
    long rate;
    @Option(names = "--latency-warmup-seconds", defaultValue = "10", description = "latency: untimed paced seconds first (default: ${DEFAULT-VALUE})")
    long latencyWarmupSeconds;
    @Option(names = "--latency-seconds", defaultValue = "60", description = "latency: timed paced seconds (default: ${DEFAULT-VALUE})")
    long latencySeconds;
    @Option(names = "--skip-throughput", description = "only the latency part (the pre-touch then assumes 700 + 500 bytes a record"
            + " and that the engine keeps up)")
    boolean skipThroughput;
    @Option(names = "--skip-latency", description = "only the throughput part")
    boolean skipLatency;

    private final PrintStream out = System.out;
    /** The RESULT lines, printed together at the end. */
    private final List<String> results = new ArrayList<>();
    private double commandBytes = 700;
    private double eventBytes = 500;
    private double engineRate = Double.MAX_VALUE;

    @Override
    public Integer call() throws Exception {
        long benchStarted = System.nanoTime();
        out.println("machine: " + MixJournal.machine());
        out.println("load average at start: " + MixJournal.loadAverage());
        Files.createDirectories(workDirectory);
        out.println("data directories under " + workDirectory.toAbsolutePath() + " (filesystem " + Files.getFileStore(workDirectory) + ")");
        if (!skipThroughput) {
            throughput();
        }
        if (!skipLatency) {
            latency();
        }
        out.println("load average at the end: " + MixJournal.loadAverage());
        out.printf("bench %s: %.0f s in all%n", "engine-e2e", (System.nanoTime() - benchStarted) / 1e9);
        results.forEach(out::println);
        return 0;
    }

    // ---- throughput ----

    private void throughput() throws Exception {
        Path data = Files.createTempDirectory(workDirectory.toAbsolutePath(), "throughput-");
        try (Journals journals = Journals.open(data)) {
            EngineMix mix = new EngineMix();
            MixJournal.Filled filled = MixJournal.fill(journals, mix, warmupBlocks, blocks);
            long warm = filled.warm();
            long total = filled.total();
            long timed = filled.timed();
            long started;
            commandBytes = (double) filled.bytes() / total;
            out.printf("throughput: command journal of %,d records (%,d setup, %,d warm-up incl. the %d-block ramp, %,d timed),"
                            + " %,d MiB, average %.0f bytes, encoded and appended in %.1f s%n", total, mix.setupCommands(),
                    warm - mix.setupCommands(), EngineMix.RAMP_BLOCKS, timed, filled.bytes() >> 20, commandBytes, filled.seconds());
            MixJournal.printMix(out, "mix of the timed part (fixed)", mix.counts());
            Map<Planned.Expect, Long> planned = mix.classCounts();

            long firstTimed;
            long elapsed;
            try (EngineRunner runner = new EngineRunner(journals).start()) {
                runner.awaitReady(Duration.ofSeconds(60));
                started = System.nanoTime();
                while (runner.lastIndex() < warm) {
                    failIfHalted(runner);
                    LockSupport.parkNanos(100_000);
                }
                long timedFrom = System.nanoTime();
                firstTimed = runner.lastIndex();
                GcTotals gcBefore = GcTotals.now();
                out.printf("throughput: engine runner (default idle strategy, no snapshots) drained the warm-up in %.1f s%n",
                        (timedFrom - started) / 1e9);
                while (runner.lastIndex() < total) {
                    failIfHalted(runner);
                    LockSupport.parkNanos(100_000);
                }
                elapsed = System.nanoTime() - timedFrom;
                out.println("throughput: " + GcTotals.now().since(gcBefore));
                long snapshotNanos = runner.query(engine -> {
                    long from = System.nanoTime();
                    engine.snapshot();
                    return System.nanoTime() - from;
                }).get(120, TimeUnit.SECONDS);
                out.printf("throughput: one in-memory snapshot of the engine state at index %,d takes %.0f ms on the engine"
                        + " thread (serve's default --snapshot-every 100000 takes one every 100,000 commands; none is taken in"
                        + " this benchmark)%n", runner.lastIndex(), snapshotNanos / 1e6);
            }
            long drained = total - firstTimed;
            engineRate = drained / (elapsed / 1e9);
            out.printf("throughput: engine drained %,d records (index %,d to %,d: decode, apply, encode, append) in %.2f s%n",
                    drained, firstTimed + 1, total, elapsed / 1e9);

            int[] eventSizes = new int[(int) total];
            EngineMix replayed = new EngineMix();
            Map<Planned.Expect, Long> classes;
            long eventTotal;
            try (ChronicleJournal.Reader events = journals.events().reader()) {
                MixJournal.check(events, replayed, warm, eventSizes, 0);
                classes = MixJournal.check(events, replayed, timed, eventSizes, (int) warm);
            }
            eventTotal = 0;
            for (int size : eventSizes) {
                eventTotal += size;
            }
            eventBytes = (double) eventTotal / total;
            MixJournal.printOutcomes(out, "outcomes of the timed part (every document checked against the plan)", classes);
            if (!classes.equals(planned)) {
                throw new IllegalStateException("the outcomes differ from the planned mix " + planned);
            }
            out.printf("throughput: event journal %,d MiB, average document %.0f bytes%n", eventTotal >> 20, eventBytes);
            encodeCost(journals, warm);

            double rawRate = raw(data, eventSizes, firstTimed, total);
            out.printf("raw: Chronicle tail of the same command journal + append of documents of the same sizes as the event"
                    + " documents, same index range, same data directory: %,.0f records/s%n", rawRate);
            results.add(String.format("RESULT e2e.throughput %d commands/s", Math.round(engineRate)));
            results.add(String.format("RESULT e2e.raw.ratio %.4f x", engineRate / rawRate));
        } finally {
            fundexchange.ops.Directories.deleteRecursively(data);
        }
    }

    /** For the breakdown: the time to encode an event document (JournalCodec), over a sample of the timed ones. */
    private void encodeCost(Journals journals, long warm) {
        List<EventDocument> sample = new ArrayList<>();
        try (ChronicleJournal.Reader events = journals.events().reader()) {
            MixJournal.skip(events, warm);
            Optional<byte[]> next;
            while (sample.size() < ENCODE_SAMPLE && (next = events.next()).isPresent()) {
                sample.add(JournalCodec.readEvents(next.get()));
            }
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long started = System.nanoTime();
            for (EventDocument document : sample) {
                sink += JournalCodec.write(document).length;
            }
            if (round == 1) {
                out.printf("breakdown: encoding an event document (JournalCodec.write) takes %.2f us (%,d documents, %,d bytes)%n",
                        (System.nanoTime() - started) / 1e3 / sample.size(), sample.size(), sink / 2);
            }
        }
    }

    private static void failIfHalted(EngineRunner runner) {
        runner.failure().ifPresent(failure -> {
            throw new IllegalStateException("the engine halted: " + failure.getMessage(), failure);
        });
    }

    /** The bare journal loop: tail each command document (copying its bytes) and append one of the recorded size. */
    private static double raw(Path data, int[] eventSizes, long timedFrom, long total) {
        int largest = 0;
        for (int size : eventSizes) {
            largest = Math.max(largest, size);
        }
        byte[] payload = new byte[largest];
        java.util.Arrays.fill(payload, (byte) 'x');
        byte[] buffer = new byte[1 << 16];
        long started = 0;
        try (ChronicleQueue commands = SingleChronicleQueueBuilder.single(data.resolve("journal").resolve("commands").toFile())
                .rollCycle(RollCycles.FAST_DAILY).build();
             ChronicleQueue sink = SingleChronicleQueueBuilder.single(data.resolve("raw-events").toFile())
                     .rollCycle(RollCycles.FAST_DAILY).build();
             ExcerptTailer tailer = commands.createTailer();
             ExcerptAppender appender = sink.createAppender()) {
            for (int i = 0; i < total; i++) {
                if (i == timedFrom) {
                    started = System.nanoTime();
                }
                try (DocumentContext context = tailer.readingDocument()) {
                    if (!context.isPresent()) {
                        throw new IllegalStateException("the command journal ends at " + i);
                    }
                    Bytes<?> bytes = context.wire().bytes();
                    int length = (int) bytes.readRemaining();
                    if (length > buffer.length) {
                        buffer = new byte[length];
                    }
                    bytes.read(buffer, 0, length);
                }
                try (DocumentContext context = appender.writingDocument()) {
                    context.wire().bytes().write(payload, 0, eventSizes[i]);
                }
            }
            return (total - timedFrom) / ((System.nanoTime() - started) / 1e9);
        }
    }

    // ---- latency ----

    private void latency() throws Exception {
        long warmCount = rate * latencyWarmupSeconds;
        long timedCount = rate * latencySeconds;
        long paced = warmCount + timedCount;
        Path data = Files.createTempDirectory(workDirectory.toAbsolutePath(), "latency-");
        try (Journals journals = Journals.open(data)) {
            EngineMix mix = new EngineMix();
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(600), 3);
            Histogram sendLag = new Histogram(TimeUnit.SECONDS.toNanos(600), 3);
            long[] stalls = new long[2];
            long undecided;
            Map<String, Long> timedMix;
            Map<Planned.Expect, Long> planned;
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Reader events = journals.events().reader();
                 EngineRunner runner = new EngineRunner(journals, null, 0, EngineRunner.Idle.BUSY_SPIN).start()) {
                runner.awaitReady(Duration.ofSeconds(60));
                int setup = mix.setupCommands();
                MixJournal.fill(commands, mix, setup);
                awaitDocuments(events, runner, setup);
                long commandExtent = (long) (paced * commandBytes * 1.1);
                long decidable = Math.min(paced, (long) (engineRate * 1.5 * (latencyWarmupSeconds + latencySeconds + GRACE_SECONDS)));
                long eventExtent = (long) (decidable * eventBytes * 1.1);
                long started = System.nanoTime();
                java.util.concurrent.CompletableFuture<Path> eventTouch = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> CycleFilePretouch.extendUnchecked(journals.events().directory(), eventExtent));
                Path commandCycle = CycleFilePretouch.extend(journals.commands().directory(), commandExtent);
                Path eventCycle = eventTouch.join();
                out.printf("latency: setup of %,d commands applied; cycle files pre-touched (zeros written past their end and"
                                + " forced to disk: commands %s +%,d MiB, events %s +%,d MiB, sized for what the engine can"
                                + " decide at 1.5 times its measured throughput) in %.1f s%n", setup, commandCycle.getFileName(),
                        commandExtent >> 20, eventCycle.getFileName(), eventExtent >> 20, (System.nanoTime() - started) / 1e9);
                out.printf("latency: two threads: this generator (appends each command at its scheduled time, %,d/s, and polls"
                        + " the event journal) and the engine runner, busy-spinning (EngineRunner.Idle.BUSY_SPIN);"
                        + " %d s untimed, then %d s timed%n", rate, latencyWarmupSeconds, latencySeconds);
                GcTotals gcBefore = GcTotals.now();
                started = System.nanoTime();
                undecided = paced(commands, events, runner, mix, warmCount, paced, latency, sendLag, stalls);
                out.printf("latency: paced run over after %.1f s (engine at index %,d); %s%n", (System.nanoTime() - started) / 1e9,
                        runner.lastIndex(), GcTotals.now().since(gcBefore));
                timedMix = mix.counts();
                planned = mix.classCounts();
            }
            MixJournal.printMix(out, "mix of the timed part (fixed)", timedMix);
            Map<Planned.Expect, Long> classes;
            long checkStarted = System.nanoTime();
            try (ChronicleJournal.Reader events = journals.events().reader()) {
                EngineMix replayed = new EngineMix();
                long skip = replayed.setupCommands() + warmCount;
                MixJournal.skip(replayed, skip);
                MixJournal.skip(events, skip);
                classes = MixJournal.check(events, replayed, Math.max(0, timedCount - undecided), null, 0);
            }
            MixJournal.printOutcomes(out, String.format("outcomes of the timed part (every decided document checked against"
                    + " the plan in %.1f s)", (System.nanoTime() - checkStarted) / 1e9), classes);
            if (undecided == 0 && !classes.equals(planned)) {
                throw new IllegalStateException("the outcomes differ from the planned mix " + planned);
            }
            printLatency("send lag (scheduled to appended, the generator's own delay)", sendLag);
            printLatency("latency (scheduled send to event document seen)", latency);
            out.printf("latency: %,d stalls (runs of consecutive commands over 1 ms) covering %,d commands%n", stalls[0], stalls[1]);
            if (undecided > 0) {
                out.printf("latency: %,d timed commands were not decided within %d s of the schedule's end: recorded at their"
                        + " wait so far (the percentiles are lower bounds)%n", undecided, GRACE_SECONDS);
            }
            results.add(String.format("RESULT e2e.p99 %.1f us", latency.getValueAtPercentile(99) / 1e3));
            results.add(String.format("RESULT e2e.p999 %.1f us", latency.getValueAtPercentile(99.9) / 1e3));
            results.add(String.format("RESULT e2e.max %.1f us", latency.getMaxValue() / 1e3));
            results.add(String.format("RESULT e2e.stalls_over_1ms %d count", stalls[0]));
        } finally {
            fundexchange.ops.Directories.deleteRecursively(data);
        }
    }

    /** Waits until {@code count} event documents are read. */
    private static void awaitDocuments(ChronicleJournal.Reader events, EngineRunner runner, long count) {
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen < count) {
            if (events.next().isPresent()) {
                seen++;
            } else {
                failIfHalted(runner);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the engine decided only " + seen + " of " + count + " setup commands");
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /**
     * The generator: command k (0-based) is due at t0 + k / rate. It appends each due command, encodes the next one
     * right away, and between sends polls the event journal; the k-th document seen belongs to command k. Returns the
     * number of timed commands still undecided {@value #GRACE_SECONDS} s after the schedule's end (recorded at their wait so far).
     */
    private long paced(ChronicleJournal.Writer commands, ChronicleJournal.Reader events, EngineRunner runner,
                       EngineMix mix, long warmCount, long paced, Histogram latency, Histogram sendLag, long[] stalls) {
        byte[] next = JournalCodec.write(mix.next());
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = t0 + paced * 1_000_000_000L / rate;
        long giveUp = end + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        long sent = 0;
        long seen = 0;
        boolean inStall = false;
        while (seen < paced) {
            long now = System.nanoTime();
            if (sent < paced && now - (t0 + sent * 1_000_000_000L / rate) >= 0) {
                commands.append(next);
                if (sent >= warmCount) {
                    sendLag.recordValue(now - (t0 + sent * 1_000_000_000L / rate));
                }
                sent++;
                if (sent == warmCount) {
                    mix.resetCounts();
                }
                if (sent < paced) {
                    next = JournalCodec.write(mix.next());
                }
                continue;
            }
            Optional<byte[]> document = events.next();
            if (document.isPresent()) {
                long seenAt = System.nanoTime();
                if (seen >= warmCount) {
                    long wait = seenAt - (t0 + seen * 1_000_000_000L / rate);
                    latency.recordValue(wait);
                    if (wait > STALL_NANOS) {
                        stalls[1]++;
                        if (!inStall) {
                            stalls[0]++;
                        }
                    }
                    inStall = wait > STALL_NANOS;
                }
                seen++;
            } else if (now - giveUp > 0) {
                failIfHalted(runner);
                break;
            }
        }
        long undecided = paced - seen;
        long now = System.nanoTime();
        for (long k = seen; k < paced; k++) {
            latency.recordValue(now - (t0 + k * 1_000_000_000L / rate));
        }
        return undecided;
    }

    private void printLatency(String title, Histogram h) {
        out.printf("%s, us: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f  (%,d samples)%n", title,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3,
                h.getTotalCount());
    }
}
