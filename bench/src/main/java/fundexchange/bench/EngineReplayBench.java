package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run engine-replay}: commands to state, as a restart or {@code journal replay} does it. A command
 * journal is pre-filled with {@link EngineMix} (production records, {@link JournalCodec}, Chronicle); then one thread
 * reads each record back through {@link Journals#commandReader()} (decoding it with {@link JournalCodec}) and applies
 * it to a fresh {@link Engine}; no event document is encoded or written. Afterwards, for the breakdown, the same
 * records decoded only, and applied only (pre-decoded).
 */
@Command(name = "engine-replay", mixinStandardHelpOptions = true,
        description = "Replays a pre-filled command journal into a fresh engine (decode + apply, no event writing).")
public final class EngineReplayBench implements Callable<Integer> {
    @Option(names = "--work-dir", defaultValue = "bench/.cache/engine-replay", description = "where the journal is written (default: ${DEFAULT-VALUE})")
    Path workDirectory;
    @Option(names = "--warmup-blocks", defaultValue = "5000", description = "untimed blocks of 100 commands first (default: ${DEFAULT-VALUE})")
    long warmupBlocks;
    @Option(names = "--blocks", defaultValue = "20000", description = "timed blocks of 100 commands (default: ${DEFAULT-VALUE})")
    long blocks;
    @Option(names = "--apply-only-blocks", defaultValue = "3000", description = "blocks applied from memory for the breakdown (default: ${DEFAULT-VALUE})")
    long applyOnlyBlocks;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        long benchStarted = System.nanoTime();
        out.println("machine: " + MixJournal.machine());
        out.println("load average at start: " + MixJournal.loadAverage());
        Files.createDirectories(workDirectory);
        Path data = Files.createTempDirectory(workDirectory.toAbsolutePath(), "replay-");
        try (Journals journals = Journals.open(data)) {
            EngineMix mix = new EngineMix();
            MixJournal.Filled filled = MixJournal.fill(journals, mix, warmupBlocks, blocks);
            long warm = filled.warm();
            long total = filled.total();
            long timed = filled.timed();
            long started;
            out.printf("journal: %s, %,d records (%,d setup, %,d warm-up incl. the %d-block ramp, %,d timed), %,d MiB,"
                            + " average %d bytes; encoded and appended in %.1f s (%,.0f records/s)%n", data, total,
                    mix.setupCommands(), warm - mix.setupCommands(), EngineMix.RAMP_BLOCKS, timed, filled.bytes() >> 20,
                    filled.bytes() / total, filled.seconds(), total / filled.seconds());
            MixJournal.printMix(out, "mix of the timed part (fixed)", mix.counts());
            Map<Planned.Expect, Long> planned = mix.classCounts();

            Engine engine = Engine.selfContained();
            Map<Planned.Expect, Long> classes = new EnumMap<>(Planned.Expect.class);
            long elapsed;
            try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
                started = System.nanoTime();
                replay(reader, engine, warm, null);
                double warmSeconds = (System.nanoTime() - started) / 1e9;
                out.printf("warm-up: %,d records replayed in %.1f s%n", warm, warmSeconds);
                started = System.nanoTime();
                replay(reader, engine, timed, classes);
                elapsed = System.nanoTime() - started;
            }
            MixJournal.printOutcomes(out, "outcomes of the timed part", classes);
            if (!classes.equals(planned)) {
                throw new IllegalStateException("the outcomes differ from the planned mix " + planned);
            }
            double seconds = elapsed / 1e9;
            out.printf("replay: %,d records decoded (JournalCodec) and applied in %.2f s; engine at index %,d%n",
                    timed, seconds, engine.lastIndex());
            breakdown(journals, warm, timed, seconds);
            out.println("load average at the end: " + MixJournal.loadAverage());
            out.printf("bench engine-replay: %.0f s in all (before deleting the journal)%n", (System.nanoTime() - benchStarted) / 1e9);
            out.printf("RESULT replay.throughput %d commands/s%n", Math.round(timed / seconds));
        } finally {
            fundexchange.ops.Directories.deleteRecursively(data);
        }
        return 0;
    }

    private static void replay(Journals.TypedReader<CommandRecord> reader, Engine engine, long count,
                               Map<Planned.Expect, Long> classes) {
        for (long i = 0; i < count; i++) {
            Optional<JournalEntry<CommandRecord>> entry = reader.next();
            if (entry.isEmpty()) {
                throw new IllegalStateException("the command journal ends early");
            }
            CommandRecord record = entry.get().value();
            EventDocument document = engine.apply(record);
            if (classes != null) {
                classes.merge(Planned.classOf(document, record.command()), 1L, Long::sum);
            }
        }
    }

    /** Where the time goes: the timed records decoded only, then a sample applied from memory only. */
    private void breakdown(Journals journals, long warm, long timed, double replaySeconds) {
        long started;
        double decodeSeconds;
        try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
            for (long i = 0; i < warm; i++) {
                reader.skip();
            }
            started = System.nanoTime();
            for (long i = 0; i < timed; i++) {
                reader.next();
            }
            decodeSeconds = (System.nanoTime() - started) / 1e9;
        }
        long sample = Math.min(timed, applyOnlyBlocks * EngineMix.BLOCK_COMMANDS);
        Engine engine = Engine.selfContained();
        List<CommandRecord> decoded = new ArrayList<>((int) sample);
        try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
            replay(reader, engine, warm, null);
            for (long i = 0; i < sample; i++) {
                decoded.add(reader.next().orElseThrow().value());
            }
        }
        started = System.nanoTime();
        for (CommandRecord record : decoded) {
            engine.apply(record);
        }
        double applySeconds = (System.nanoTime() - started) / 1e9;
        out.printf("breakdown: replay %.2f us/command = read + decode %.2f us (%,.0f records/s, %,d records)"
                        + " + apply about %.2f us (%,.0f commands/s, %,d pre-decoded records after the same warm-up)%n",
                replaySeconds * 1e6 / timed, decodeSeconds * 1e6 / timed, timed / decodeSeconds, timed,
                applySeconds * 1e6 / sample, sample / applySeconds, sample);
    }
}
