package fundexchange.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.build.BuildInfo;
import fundexchange.journal.JournalDocuments;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.JournalBinary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal's records read from its cycle files without Chronicle: every document in order across daily files, an
 * unfinished record a crash left in an earlier file ignored with a note, and damaged headers named where they are; each
 * case with JSON documents and its twin with binary ones (which hold zeros, so the NUL-free rule is JSON's only).
 */
class JournalFramesTest {
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path directory;

    /** Whether the documents are binary (encoding 2, which holds zeros) rather than JSON: each case runs for both. */
    private boolean binary;

    private byte[] document(int n) {
        if (binary) {
            return JournalBinary.encode(new EventDocument(EventDocument.VERSION, n, 1_795_000_000_000L + n, "Investor-07",
                    "x".repeat(n % 7), Outcome.ACCEPTED, List.of(new OrderCancelled(n, "DGF3", "Investor-07", Side.SELL,
                    new Units(256L * n), 0, "pad" + "x".repeat(n % 7)))));
        }
        return ("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(n % 7) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A document as the test reads it: JSON as text, binary as its JSON rendering. */
    private static String text(byte[] document) {
        return JournalDocuments.text(document);
    }

    /** Writes {@code perDay} documents on each of two days; returns the cycle files in order. */
    private List<Path> twoDays(int perDay) {
        SetTimeProvider clock = new SetTimeProvider(1_795_000_000_000L);
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock); ChronicleJournal.Writer writer = journal.writer()) {
            int n = 0;
            for (int day = 0; day < 2; day++) {
                for (int i = 0; i < perDay; i++) {
                    writer.append(document(++n));
                }
                clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".cq4")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(JournalFrames frames) {
        List<String> read = new ArrayList<>();
        for (JournalFrames.Frame frame = frames.next(); ; frame = frames.next()) {
            switch (frame) {
                case JournalFrames.Document document -> read.add(text(document.bytes()));
                case JournalFrames.End end -> {
                    read.add("end" + end.tornTail().map(torn -> ": " + torn).orElse(""));
                    return read;
                }
                case JournalFrames.Broken broken -> {
                    read.add("broken at " + broken.position() + ": " + broken.reason());
                    return read;
                }
            }
        }
    }

    private static int positionOf(Path file, byte[] document) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int at = 0; at + document.length <= bytes.length; at++) {
                if (Arrays.equals(bytes, at, at + document.length, document, 0, document.length)) {
                    return at;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("not found");
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, long offset, byte[] bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void readsEveryDocumentInOrderAcrossDailyFiles(boolean binary) {
        this.binary = binary;
        twoDays(3);
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            expected.add(text(document(n)));
        }
        expected.add("end");
        try (JournalFrames frames = JournalFrames.open(directory)) {
            assertEquals(expected, read(frames));
        }
    }

    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void anUnfinishedRecordACrashLeftInAnEarlierFileIsIgnoredWithANote(boolean binary) {
        this.binary = binary;
        List<Path> files = twoDays(2);
        int end = (positionOf(files.getFirst(), document(2)) + document(2).length + 3) & ~3;
        byte[] prefix = binary ? prefixEndingNonZero(document(3), 30) : "{\"n\":3,\"pa".getBytes(StandardCharsets.UTF_8);
        write(files.getFirst(), end, ByteBuffer.allocate(4 + prefix.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x8000_0000)
                .put(prefix).array());
        try (JournalFrames frames = JournalFrames.open(directory)) {
            assertEquals(List.of(text(document(1)), text(document(2)), text(document(3)), text(document(4)), "end"), read(frames));
            assertEquals(List.of("an incomplete record at the end of " + files.getFirst().getFileName() + " (position " + end
                    + ", " + prefix.length + " bytes written, not acknowledged) was ignored"), frames.ignored());
        }
    }

    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void aZeroedHeaderBeforeLaterRecordsIsDamage(boolean binary) {
        this.binary = binary;
        List<Path> files = twoDays(3);
        int at = positionOf(files.getFirst(), document(2)) - 4;
        write(files.getFirst(), at, new byte[4]);
        try (JournalFrames frames = JournalFrames.open(directory)) {
            assertEquals(List.of(text(document(1)), "broken at " + at + ": a header of an unfinished record (0x0) is"
                    + " followed by later records: a damaged length header (unless this is a copy of a running node that a"
                    + " plain file copy took while the node wrote: copy from a filesystem snapshot, or copy again, before"
                    + " calling it damage)"), read(frames));
        }
    }

    /** Zeros over a header and the start of its document look like overwritten remains, but finished records follow. */
    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void aZeroedHeaderAndDocumentStartBeforeLaterRecordsIsDamage(boolean binary) {
        this.binary = binary;
        List<Path> files = twoDays(3);
        int at = positionOf(files.getFirst(), document(2)) - 4;
        write(files.getFirst(), at, new byte[12]);
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> read = read(frames);
            assertEquals(2, read.size(), read.toString());
            assertEquals(text(document(1)), read.getFirst());
            assertTrue(read.get(1).startsWith("broken at " + at + ": a header of an unfinished record (0x0) is followed by"
                    + " later records"), read.get(1));
            assertEquals(List.of(), frames.ignored());
        }
    }

    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void aLengthThatRunsIntoTheNextRecordIsDamageOfThatRecord(boolean binary) {
        this.binary = binary;
        List<Path> files = twoDays(3);
        int at = positionOf(files.getFirst(), document(1)) - 4;
        write(files.getFirst(), at, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(document(1).length + 8).array());
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> read = read(frames);
            assertEquals(1, read.size(), read.toString());
            String says = "broken at " + at + ": the length header says " + (document(1).length + 8) + " bytes, but those bytes";
            if (binary) {
                assertTrue(read.getFirst().startsWith(says + " are not one binary document ("), read.getFirst());
            } else {
                assertEquals(says + " are not one JSON object", read.getFirst());
            }
        }
    }

    /**
     * A crash mid-write leaves a header marked not complete and some bytes; on restart Chronicle's appender overwrites
     * that record with the next one at the same position, and a shorter one leaves the abandoned bytes behind it; the
     * rewritten records (the restarted writer's provenance record, then documents) end after 19 bytes (not a multiple
     * of 4) or after 20.
     */
    @ParameterizedTest(name = "last {0}, binary {1}")
    @CsvSource({"3, false", "4, false", "3, true", "4, true"})
    void aShortRecordChronicleWroteOverAnAbandonedOneReadsClean(int last, boolean binary) {
        this.binary = binary;
        SetTimeProvider clock = new SetTimeProvider(1_795_000_000_000L);
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock); ChronicleJournal.Writer writer = journal.writer()) {
            writer.append(document(1));
            writer.append(document(2));
        }
        Path file = cycleFiles().getFirst();
        int end = (positionOf(file, document(2)) + document(2).length + 3) & ~3;
        byte[] abandoned = binary ? prefixEndingNonZero(JournalBinary.encode(new EventDocument(EventDocument.VERSION, 3,
                1_795_000_000_003L, "Investor-07", "r-3", Outcome.ACCEPTED, IntStream.range(0, 12)
                .<Event>mapToObj(i -> new OrderCancelled(i, "DGF3", "Investor-07", Side.BUY,
                        new Units(256L * i), 0, "y")).toList())), 600)
                : ("{\"n\":3,\"pad\":\"" + "y".repeat(300)).getBytes(StandardCharsets.UTF_8);
        write(file, end, ByteBuffer.allocate(4 + abandoned.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x8000_0000)
                .put(abandoned).array());
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock); ChronicleJournal.Writer writer = journal.writer()) {
            for (int n = 3; n <= last; n++) {
                writer.append(document(n));
            }
        }
        byte[] provenance = new WriterProvenance(BuildInfo.current()).bytes();
        assertEquals(List.of(new String(provenance, StandardCharsets.UTF_8), end + 4 + ((provenance.length + 3) & ~3) + 4),
                List.of(new String(Arrays.copyOfRange(bytes(file), end + 4, end + 4 + provenance.length),
                        StandardCharsets.UTF_8), positionOf(file, document(3))),
                "Chronicle wrote the restarted writer's provenance record, then document 3, over the abandoned record");
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= last; n++) {
                expected.add(text(document(n)));
            }
            expected.add("end");
            assertEquals(expected, read(frames));
            int remains = positionOf(file, document(last)) + document(last).length + 8;
            byte[] bytes = bytes(file);
            while (bytes[remains] == 0) {
                remains++; // a binary document's remains may start with zeros
            }
            assertEquals(List.of("a zeroed header region followed by " + (end + 4 + abandoned.length - remains)
                    + " orphan bytes at " + remains + " of " + file.getFileName() + ", after the last record, was"
                    + " ignored: the remains of a record a crash abandoned and the restart overwrote, or records lost"
                    + " from the tail (compare the last index with the last checkpoint you published or received)"),
                    frames.ignored());
        }
    }

    private static final String FOLLOWED = "a header of an unfinished record (0x0) is followed by later records: a damaged"
            + " length header (unless this is a copy of a running node that a plain file copy took while the node wrote:"
            + " copy from a filesystem snapshot, or copy again, before calling it damage)";

    /**
     * Zeros over the header and first bytes of a rolled file's last record look like overwritten remains, but the
     * record's tail is followed by the end-of-cycle marker, which a writer leaves only after a finished record: damage,
     * for JSON as before binary documents and for binary.
     */
    @ParameterizedTest(name = "binary {0}")
    @ValueSource(booleans = {false, true})
    void aZeroedLastRecordOfARolledFileBeforeItsEndOfCycleMarkerIsDamage(boolean binary) {
        this.binary = binary;
        List<Path> files = twoDays(3);
        int at = positionOf(files.getFirst(), document(3)) - 4;
        write(files.getFirst(), at, new byte[12]);
        try (JournalFrames frames = JournalFrames.open(directory)) {
            assertEquals(List.of(text(document(1)), text(document(2)), "broken at " + at + ": " + FOLLOWED), read(frames));
            assertEquals(List.of(), frames.ignored());
        }
    }

    /**
     * JSON remains hold no NUL: in a journal of JSON documents, a zeroed header region, bytes, a NUL and more bytes is
     * damage, exactly as before C2, whether the bytes look like JSON text or not.
     */
    @ParameterizedTest(name = "text {0}")
    @ValueSource(booleans = {true, false})
    void zerosBytesANulAndMoreBytesAfterJsonDocumentsAreDamage(boolean text) {
        this.binary = false;
        twoDays(2);
        Path file = cycleFiles().getLast();
        int end = (positionOf(file, document(4)) + document(4).length + 3) & ~3;
        byte[] remains = !text ? new byte[] {1, 2, 3, 0, 4, 5} : "\"pad\":\"yy\u0000yy\"}".getBytes(StandardCharsets.UTF_8);
        write(file, end + 8, remains);
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                expected.add(text(document(n)));
            }
            expected.add("broken at " + end + ": " + FOLLOWED);
            assertEquals(expected, read(frames));
        }
    }

    /**
     * A copy taken while the node wrote can catch any prefix of its last binary document, even its first byte: the
     * reading ends with a note, as for a JSON tail.
     */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 3, 30})
    void aBinaryTornTailOfAnyLengthInTheLastFileEndsWithANote(int length) {
        this.binary = true;
        twoDays(2);
        Path file = cycleFiles().getLast();
        int end = (positionOf(file, document(4)) + document(4).length + 3) & ~3;
        byte[] prefix = prefixEndingNonZero(document(5), length);
        write(file, end, ByteBuffer.allocate(4 + prefix.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x8000_0000).put(prefix).array());
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                expected.add(text(document(n)));
            }
            expected.add("end: an incomplete record at the end of " + file.getFileName() + " (position " + end + ", "
                    + prefix.length + " bytes written, not acknowledged) was ignored");
            assertEquals(expected, read(frames));
        }
    }

    /** A whole binary document under an unfinished header, even one ending in zeros, gets the "looks whole" hint. */
    @ParameterizedTest(name = "ends in zeros {0}")
    @ValueSource(booleans = {false, true})
    void aWholeBinaryDocumentUnderAnUnfinishedHeaderLooksWhole(boolean endsInZeros) {
        this.binary = true;
        twoDays(2);
        Path file = cycleFiles().getLast();
        int end = (positionOf(file, document(4)) + document(4).length + 3) & ~3;
        byte[] whole = endsInZeros ? JournalBinary.encode(new EventDocument(EventDocument.VERSION, 5, 1_795_000_000_005L,
                null, null, Outcome.ACCEPTED, List.of())) : document(5);
        int written = whole.length;
        while (whole[written - 1] == 0) {
            written--;
        }
        assertEquals(endsInZeros, written < whole.length);
        write(file, end, ByteBuffer.allocate(4 + whole.length).order(ByteOrder.LITTLE_ENDIAN).putInt(0x8000_0000).put(whole).array());
        try (JournalFrames frames = JournalFrames.open(directory)) {
            List<String> read = read(frames);
            assertEquals("end: an incomplete record at the end of " + file.getFileName() + " (position " + end + ", "
                    + written + " bytes written, not acknowledged) was ignored; its bytes look whole, so if no node was"
                    + " writing this journal when it was copied, this is the damaged header of its last record", read.getLast());
        }
    }

    /** The first {@code atLeast} or more bytes of {@code document}, ending with a non-zero byte (what was written). */
    private static byte[] prefixEndingNonZero(byte[] document, int atLeast) {
        int length = atLeast;
        while (document[length - 1] == 0) {
            length++;
        }
        return Arrays.copyOf(document, length);
    }

    private List<Path> cycleFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".cq4")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
