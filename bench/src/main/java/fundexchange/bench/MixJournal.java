package fundexchange.bench;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The engine benchmarks' common steps: fill a command journal with the mix, print the mix, check the outcomes. */
final class MixJournal {
    private MixJournal() {
    }

    /** What {@link #fill(Journals, EngineMix, long, long)} wrote: record counts up to the warm-up's end and in all. */
    record Filled(long warm, long total, long bytes, double seconds) {
        long timed() {
            return total - warm;
        }
    }

    /**
     * Fills the command journal with the mix's setup, {@code warmupBlocks} blocks of warm-up and {@code blocks} timed
     * blocks, resetting the mix's counts after the warm-up so that they describe the timed part only.
     */
    static Filled fill(Journals journals, EngineMix mix, long warmupBlocks, long blocks) {
        long warm = mix.recordsThrough(warmupBlocks);
        long total = mix.recordsThrough(warmupBlocks + blocks);
        long started = System.nanoTime();
        long bytes;
        try (ChronicleJournal.Writer writer = journals.commands().writer()) {
            bytes = fill(writer, mix, warm);
            mix.resetCounts();
            bytes += fill(writer, mix, total - warm);
        }
        return new Filled(warm, total, bytes, (System.nanoTime() - started) / 1e9);
    }

    /** Appends the mix's next {@code count} records as the sequencer writes them; returns the bytes written. */
    static long fill(ChronicleJournal.Writer writer, EngineMix mix, long count) {
        long bytes = 0;
        for (long i = 0; i < count; i++) {
            byte[] document = JournalCodec.write(mix.next());
            writer.append(document);
            bytes += document.length;
        }
        return bytes;
    }

    /** The fixed mix, one line per label with its count and share, and the totals per outcome class. */
    static void printMix(PrintStream out, String title, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%s: %,d commands%n", title, total);
        counts.forEach((label, n) -> out.printf("  %-46s %,12d  %5.1f%%%n", label, n, 100.0 * n / total));
    }

    /** Prints an outcome histogram (ACCEPTED without Ticks, REJECTED, DUPLICATE, TICK). */
    static void printOutcomes(PrintStream out, String title, Map<Planned.Expect, Long> classes) {
        long total = classes.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder(title).append(':');
        for (Planned.Expect expect : Planned.Expect.values()) {
            long n = classes.getOrDefault(expect, 0L);
            line.append(String.format("  %s %,d (%.1f%%)", expect.name().toLowerCase(java.util.Locale.ROOT), n, 100.0 * n / total));
        }
        out.println(line);
    }

    /**
     * Decodes {@code count} event documents from {@code events} and checks each against the mix's plan for the same
     * record ({@code mix} positioned just before it); returns the outcome histogram. Throws at the first mismatch.
     * Optionally records each document's size into {@code sizes} from {@code sizeOffset}.
     */
    static Map<Planned.Expect, Long> check(ChronicleJournal.Reader events, EngineMix mix, long count, int[] sizes, int sizeOffset) {
        Map<Planned.Expect, Long> classes = new EnumMap<>(Planned.Expect.class);
        for (long i = 0; i < count; i++) {
            CommandRecord record = mix.next();
            Optional<byte[]> bytes = events.next();
            if (bytes.isEmpty()) {
                throw new IllegalStateException("the event journal ends before index " + record.index());
            }
            EventDocument document = JournalCodec.readEvents(bytes.get());
            Planned planned = mix.planned();
            if (document.sourceIndex() != record.index() || !planned.matches(document)) {
                throw new IllegalStateException("index " + record.index() + " (" + planned.label() + ") was decided "
                        + document.outcome() + " at source index " + document.sourceIndex());
            }
            classes.merge(Planned.classOf(document, record.command()), 1L, Long::sum);
            if (sizes != null) {
                sizes[(int) (sizeOffset + i)] = bytes.get().length;
            }
        }
        return classes;
    }

    /** Skips {@code count} documents of a reader. */
    static void skip(ChronicleJournal.Reader reader, long count) {
        for (long i = 0; i < count; i++) {
            if (reader.next().isEmpty()) {
                throw new IllegalStateException("the journal ends after " + i + " of " + count + " documents");
            }
        }
    }

    /** Skips {@code count} records of the mix (nothing encoded). */
    static void skip(EngineMix mix, long count) {
        for (long i = 0; i < count; i++) {
            mix.next();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String machine() {
        return String.format("%d cores, JDK %s (%s), %s %s, max heap %,d MiB", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
    }
}
