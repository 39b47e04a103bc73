package fundexchange.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.build.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each cycle file records which build wrote its first record, in a metadata record that no reader of documents sees:
 * the documents, their numbers and their bytes are what they would be without it.
 */
class WriterProvenanceTest {
    private static final long DAY_MS = 86_400_000L;
    private static final BuildInfo A = new BuildInfo("0.1.0", "a".repeat(40));
    private static final BuildInfo B = new BuildInfo("0.2.0", "b".repeat(40) + "-dirty");

    @TempDir
    Path directory;

    private static byte[] document(long n) {
        return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> document) {
        return document.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("none");
    }

    /** Opens the journal as {@code build} at {@code clock}'s time and appends documents {@code from..to}. */
    private void write(SetTimeProvider clock, BuildInfo build, long from, long to) {
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock, build);
             ChronicleJournal.Writer writer = journal.writer()) {
            LongStream.rangeClosed(from, to).forEach(n -> writer.append(document(n)));
        }
    }

    @Test
    void listsTheBuildThatWroteEachDailyFilesFirstRecordAndAnUpgradeDuringTheDay() {
        SetTimeProvider clock = new SetTimeProvider();
        clock.currentTimeMillis(1_795_000_000_000L); // 2026-11-18T11:06:40Z
        write(clock, A, 1, 3);
        clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
        write(clock, A, 4, 4); // a restart of the same build: nothing new to list
        write(clock, B, 5, 6); // the upgrade, later the same day
        clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
        write(clock, B, 7, 7);

        assertEquals(List.of(
                "commands 20261118F.cq4  documents 1-3 (3) / 文档  first record written by / 首条记录写入者: "
                        + "fund-exchange 0.1.0 (commit " + "a".repeat(40) + ")",
                "commands 20261119F.cq4  documents 4-6 (3) / 文档  first record written by / 首条记录写入者: "
                        + "fund-exchange 0.1.0 (commit " + "a".repeat(40) + ")",
                "commands 20261119F.cq4  from document 5 on written by / 自第 5 号文档起写入者: "
                        + "fund-exchange 0.2.0 (commit " + "b".repeat(40) + "-dirty)",
                "commands 20261120F.cq4  documents 7-7 (1) / 文档  first record written by / 首条记录写入者: "
                        + "fund-exchange 0.2.0 (commit " + "b".repeat(40) + "-dirty)"),
                SegmentListing.lines("commands", directory));
    }

    @Test
    void readersSeeTheSameDocumentsNumbersAndBytesAsWithoutProvenanceRecords() {
        SetTimeProvider clock = new SetTimeProvider();
        clock.currentTimeMillis(1_795_000_000_000L);
        write(clock, A, 1, 2);
        clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
        write(clock, B, 3, 4);
        List<String> expected = LongStream.rangeClosed(1, 4).mapToObj(n -> "{\"n\":" + n + "}").toList();

        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock, B);
             ChronicleJournal.Reader reader = journal.reader();
             ChronicleJournal.NumberedReader numbered = journal.numberedReader()) {
            List<String> inOrder = new ArrayList<>();
            for (Optional<byte[]> next = reader.next(); next.isPresent(); next = reader.next()) {
                inOrder.add(text(next));
            }
            List<String> byNumber = LongStream.rangeClosed(1, 5).mapToObj(n -> text(numbered.document(n))).toList();
            assertEquals(List.of(expected, expected.subList(0, 4), List.of("none"), List.of("{\"n\":4}")),
                    List.of(inOrder, byNumber.subList(0, 4), byNumber.subList(4, 5), List.of(text(journal.last()))));
        }
        List<String> framed = new ArrayList<>();
        try (JournalFrames frames = JournalFrames.open(directory)) {
            for (JournalFrames.Frame frame = frames.next(); frame instanceof JournalFrames.Document document; frame = frames.next()) {
                framed.add(new String(document.bytes(), StandardCharsets.UTF_8));
            }
            assertEquals(new JournalFrames.End(Optional.empty()), frames.next(), "verify's framing check accepts them");
        }
        assertEquals(expected, framed);
    }
}
