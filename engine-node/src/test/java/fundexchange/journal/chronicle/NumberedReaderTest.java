package fundexchange.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random access by document number across the journal's daily files: an id journaled before midnight and repeated
 * after it is read back from the previous day's file.
 */
class NumberedReaderTest {
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path directory;

    private static byte[] document(int n) {
        return ("document " + n).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> document) {
        return document.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("none");
    }

    @Test
    void readsEveryDocumentByItsNumberAcrossDailyFilesAndNothingPastTheEnd() {
        SetTimeProvider clock = new SetTimeProvider(1_795_000_000_000L);
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock);
             ChronicleJournal.NumberedReader reader = journal.numberedReader();
             ChronicleJournal.Writer writer = journal.writer()) {
            List<String> expected = new ArrayList<>();
            int n = 0;
            for (int day = 0; day < 3; day++) {
                for (int i = 0; i < 5 + day; i++) {
                    writer.append(document(++n));
                    expected.add("document " + n);
                }
                assertEquals("document " + n, text(reader.document(n)), "read while its day is the newest");
                clock.currentTimeMillis(clock.currentTimeMillis() + (day == 1 ? 2 * DAY_MS : DAY_MS));
            }
            try (var files = java.nio.file.Files.list(directory)) {
                assertEquals(3, files.filter(f -> f.toString().endsWith(".cq4")).count(), "three daily files, a day between two");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<String> read = new ArrayList<>();
            for (int number = n; number >= 1; number--) {
                read.addFirst(text(reader.document(number)));
            }
            assertEquals(expected, read, "read back newest first, so every day's file is found by number");
            assertEquals(List.of("none", "none"), List.of(text(reader.document(n + 1)), text(reader.document(0))));
            writer.append(document(n + 1));
            assertEquals("document " + (n + 1), text(reader.document(n + 1)), "a document appended after a miss");
        }
    }
}
