package fundexchange.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JournalCorpus;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.WireBuffer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine and sequencer threads' journal I/O through reused buffers (docs/design/binary-journal.md, C5): a reader
 * copies each document into the caller's {@link WireBuffer}, growing it for a larger one and skipping the writers'
 * provenance metadata, with the bytes {@link ChronicleJournal.Reader#next()} returns; a writer appends a slice of an
 * array; the runner's {@link Journals.CommandStream} decodes JSON and binary records as the typed reader does.
 */
class ChronicleJournalBufferTest {
    private static final long DAY_MS = 86_400_000L;
    private static final SignedRequest REQUEST = new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln",
            1_795_000_000_000L, "req-1", "POST", "/orders", null, "ab".repeat(32), "{\"fundCode\":\"DGF3\"}", "FXS2");

    @TempDir
    Path directory;

    private static byte[] document(int n, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (n * 31 + i); // zeros included: a binary document holds them
        }
        return bytes;
    }

    @Test
    void aDocumentLargerThanTheBufferGrowsItAndTheBufferIsReused() {
        try (ChronicleJournal journal = ChronicleJournal.open(directory.resolve("j"));
             ChronicleJournal.Writer writer = journal.writer();
             ChronicleJournal.Reader reader = journal.reader()) {
            writer.append(document(1, 10));
            writer.append(document(2, 70_000));
            writer.append(document(3, 5));
            WireBuffer buffer = new WireBuffer(16);
            assertTrue(reader.next(buffer));
            assertArrayEquals(document(1, 10), buffer.toByteArray());
            byte[] small = buffer.array();
            assertTrue(reader.next(buffer));
            assertArrayEquals(document(2, 70_000), buffer.toByteArray(), "the whole document, past the first capacity");
            assertTrue(buffer.array().length >= 70_000, "the buffer grew");
            byte[] grown = buffer.array();
            assertNotSame(small, grown);
            assertTrue(reader.next(buffer));
            assertArrayEquals(document(3, 5), buffer.toByteArray(), "a shorter document after a longer one: only its bytes");
            assertSame(grown, buffer.array(), "no new array for a document that fits");
            assertFalse(reader.next(buffer), "the current end");
            assertEquals(0, buffer.position(), "nothing read at the end");
            writer.append(document(4, 3));
            assertTrue(reader.next(buffer), "a document appended after the end is read");
            assertArrayEquals(document(4, 3), buffer.toByteArray());
        }
    }

    @Test
    void metadataIsSkippedAndTheBytesEqualNextAcrossDailyFiles() throws Exception {
        SetTimeProvider clock = new SetTimeProvider(1_795_000_000_000L);
        List<byte[]> written = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock); ChronicleJournal.Writer writer = journal.writer()) {
            int n = 0;
            for (int day = 0; day < 3; day++) {
                for (int i = 0; i < 4; i++) {
                    byte[] document = document(++n, 1 + 97 * n);
                    written.add(document);
                    writer.append(document);
                }
                clock.currentTimeMillis(clock.currentTimeMillis() + DAY_MS);
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".cq4")).count(),
                    "three daily files, each opened by a provenance metadata record");
        }
        List<byte[]> byNext = new ArrayList<>();
        List<byte[]> byBuffer = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.open(directory, clock);
             ChronicleJournal.Reader copies = journal.reader();
             ChronicleJournal.Reader buffered = journal.reader()) {
            for (Optional<byte[]> next = copies.next(); next.isPresent(); next = copies.next()) {
                byNext.add(next.get());
            }
            WireBuffer buffer = new WireBuffer(16);
            while (buffered.next(buffer)) {
                byBuffer.add(buffer.toByteArray());
            }
        }
        assertEquals(hex(written), hex(byNext), "next() reads the documents alone");
        assertEquals(hex(byNext), hex(byBuffer), "next(buffer) reads the same bytes, no metadata among them");
    }

    @Test
    void aWriterAppendsASliceOfAnArray() {
        try (ChronicleJournal journal = ChronicleJournal.open(directory.resolve("j"));
             ChronicleJournal.Writer writer = journal.writer();
             ChronicleJournal.Reader reader = journal.reader()) {
            byte[] source = "xxdocumentyy".getBytes(StandardCharsets.UTF_8);
            writer.append(source, 2, 8);
            int excerpts = rawExcerpts(directory.resolve("j"));
            assertTrue(excerpts >= 2, "the document, the writer's provenance metadata and Chronicle's own index: " + excerpts);
            assertThrows(IndexOutOfBoundsException.class, () -> writer.append(source, 5, 8));
            assertThrows(IndexOutOfBoundsException.class, () -> writer.append(source, -1, 2));
            assertEquals(excerpts, rawExcerpts(directory.resolve("j")), "the refused slices wrote no document and no metadata");
            assertEquals("document", new String(reader.next().orElseThrow(), StandardCharsets.UTF_8));
            assertTrue(reader.next().isEmpty());
        }
    }

    /** Every excerpt in the queue at {@code queueDirectory}, metadata included, read by a tailer of its own. */
    private static int rawExcerpts(Path queueDirectory) {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(queueDirectory.toFile())
                .rollCycle(RollCycles.FAST_DAILY).build();
             ExcerptTailer tailer = queue.createTailer()) {
            int count = 0;
            while (true) {
                try (DocumentContext context = tailer.readingDocument(true)) {
                    if (!context.isPresent()) {
                        return count;
                    }
                    count++;
                }
            }
        }
    }

    @Test
    void theCommandStreamDecodesJsonAndBinaryRecordsAsTheTypedReaderDoes() {
        List<CommandRecord> records = List.of(
                CommandRecord.signed(1, 1_795_000_000_001L, REQUEST, new PlaceOrder("DGF3", Side.BUY, new Units(5_0000), new Price(12_3400))),
                CommandRecord.unsigned(2, 1_795_000_000_002L, new Tick()),
                CommandRecord.signed(3, 1_795_000_000_003L, REQUEST, new PlaceOrder("DGF3", Side.SELL, new Units(1_0000), new Price(12_0000))),
                CommandRecord.unsigned(4, 1_795_000_000_004L, new Tick()));
        List<JournalEncoding> encodings = List.of(JournalEncoding.JSON, JournalEncoding.JSON, JournalEncoding.BINARY,
                JournalEncoding.BINARY);
        try (Journals journals = Journals.open(directory); ChronicleJournal.Writer writer = journals.commands().writer()) {
            WireBuffer out = new WireBuffer(16);
            for (int i = 0; i < records.size(); i++) {
                out.clear();
                JournalDocuments.encode(records.get(i), encodings.get(i), out);
                assertArrayEquals(JournalDocuments.encode(records.get(i), encodings.get(i)), out.toByteArray(),
                        "the buffer holds what the array encoder writes");
                writer.append(out.array(), 0, out.position());
            }
            List<String> read = new ArrayList<>();
            try (Journals.CommandStream stream = journals.commandStream();
                 Journals.TypedReader<CommandRecord> typed = journals.commandReader()) {
                while (stream.next()) {
                    JournalEntry<CommandRecord> entry = typed.next().orElseThrow();
                    assertEquals(entry.value(), stream.record());
                    assertArrayEquals(entry.bytes(), stream.bytes().toByteArray());
                    read.add(stream.record().index() + (stream.binary() ? " binary, view at " + stream.view().index()
                            + " signed " + stream.view().signed() : " json"));
                }
                assertTrue(typed.next().isEmpty());
            }
            assertEquals(List.of("1 json", "2 json", "3 binary, view at 3 signed true", "4 binary, view at 4 signed false"), read);
            try (Journals.CommandStream stream = journals.commandStream()) {
                assertTrue(stream.skip());
                assertThrows(IllegalStateException.class, stream::record, "a skipped record is not decoded");
                assertTrue(stream.next());
                assertEquals(records.get(1), stream.record());
                assertThrows(IllegalStateException.class, stream::view, "a JSON record has no view");
            }
        }
    }

    @Test
    void aCorruptRecordFailsAsTheTypedReaderFails() {
        try (Journals journals = Journals.open(directory); ChronicleJournal.Writer writer = journals.commands().writer()) {
            byte[] binary = JournalDocuments.encode(CommandRecord.unsigned(1, 1L, new Tick()), JournalEncoding.BINARY);
            writer.append(Arrays.copyOf(binary, binary.length - 1));
            writer.append("{\"index\":".getBytes(StandardCharsets.UTF_8));
            List<String> causes = new ArrayList<>();
            try (Journals.CommandStream stream = journals.commandStream();
                 Journals.TypedReader<CommandRecord> typed = journals.commandReader()) {
                for (int i = 0; i < 2; i++) {
                    UncheckedIOException expected = assertThrows(UncheckedIOException.class, typed::next);
                    UncheckedIOException actual = assertThrows(UncheckedIOException.class, stream::next);
                    assertEquals("corrupt CommandRecord", actual.getMessage());
                    assertEquals(expected.getCause().getClass(), actual.getCause().getClass());
                    assertEquals(expected.getCause().getMessage(), actual.getCause().getMessage());
                    causes.add(actual.getCause().getMessage());
                    assertThrows(IllegalStateException.class, stream::record, "nothing decoded");
                }
                assertFalse(stream.next(), "each corrupt record was consumed, as the typed reader consumes it");
            }
            assertTrue(causes.get(0).contains("truncated"), causes.get(0));
            assertTrue(causes.get(1).contains("end-of-input"), causes.get(1));
        }
    }

    /**
     * Every command record and event document of the round-trip corpus (and a request body over 20 KB, non-ASCII text,
     * lone surrogates), encoded as JSON into a buffer that already holds other bytes, is {@link JournalCodec#write}'s
     * bytes after them.
     */
    @Test
    void jsonWrittenIntoABufferIsTheJsonWritersBytes() throws ReflectiveOperationException {
        List<Object> documents = JournalCorpus.documents();
        WireBuffer out = new WireBuffer(16);
        int largest = 0;
        for (int i = 0; i < documents.size(); i++) {
            Object document = documents.get(i);
            out.clear();
            byte[] prefix = new byte[i % 7];
            Arrays.fill(prefix, (byte) '!');
            out.putBytes(prefix, 0, prefix.length);
            switch (document) {
                case CommandRecord record -> JournalDocuments.encode(record, JournalEncoding.JSON, out);
                case EventDocument events -> JournalDocuments.encode(events, JournalEncoding.JSON, out);
                default -> throw new AssertionError(document);
            }
            byte[] expected = JournalCodec.write(document);
            largest = Math.max(largest, expected.length);
            assertArrayEquals(prefix, Arrays.copyOf(out.array(), prefix.length), "the bytes before are kept");
            assertArrayEquals(expected, Arrays.copyOfRange(out.array(), prefix.length, out.position()), document.toString());
        }
        assertTrue(documents.size() > 1_000, documents.size() + " documents");
        assertTrue(largest > 20_000, "a document several times Jackson's 8000-byte buffer: " + largest);
    }

    /** The runner's decoder is every reader's: for binary records whole, cut short and with a bit flipped, it accepts
     * exactly what {@link JournalCodec#readCommand(byte[])} accepts and decodes the same record. */
    @Test
    void theCommandStreamAcceptsExactlyWhatTheDecoderAccepts() throws ReflectiveOperationException {
        List<byte[]> inputs = new ArrayList<>();
        List<CommandRecord> records = JournalCorpus.commandRecords();
        for (int i = 0; i < records.size(); i++) {
            byte[] binary = JournalDocuments.encode(records.get(i), JournalEncoding.BINARY);
            inputs.add(binary);
            if (i % 16 == 0 || i >= records.size() - 2) {
                for (int length : new int[] {1, 2, 8, 24, 27, 29, binary.length / 2, binary.length - 1}) {
                    inputs.add(Arrays.copyOf(binary, Math.min(length, binary.length)));
                }
            }
            if (i % 128 == 0 || i == records.size() - 1) { // a bit flipped at every byte (not of the 20 KB body)
                for (int at = 1; at < binary.length; at++) {
                    for (int bit : new int[] {0x01, 0x80}) {
                        byte[] flipped = binary.clone();
                        flipped[at] ^= (byte) bit;
                        inputs.add(flipped);
                    }
                }
            }
        }
        int accepted = 0;
        try (Journals journals = Journals.open(directory); ChronicleJournal.Writer writer = journals.commands().writer()) {
            inputs.forEach(writer::append);
            try (Journals.CommandStream stream = journals.commandStream()) {
                for (byte[] input : inputs) {
                    String name = HexFormat.of().formatHex(input, 0, Math.min(input.length, 40));
                    CommandRecord expected;
                    try {
                        expected = JournalCodec.readCommand(input);
                    } catch (UncheckedIOException refused) {
                        UncheckedIOException actual = assertThrows(UncheckedIOException.class, stream::next, name);
                        assertEquals(refused.getMessage(), actual.getMessage(), name);
                        assertEquals(refused.getCause().getMessage(), actual.getCause().getMessage(), name);
                        continue;
                    }
                    assertTrue(stream.next(), name);
                    assertEquals(expected, stream.record(), name);
                    assertArrayEquals(input, stream.bytes().toByteArray(), name);
                    assertTrue(stream.binary(), name);
                    accepted++;
                }
                assertFalse(stream.next());
            }
        }
        assertTrue(accepted > records.size() && accepted < inputs.size(), accepted + " of " + inputs.size() + " accepted");
    }

    /**
     * The replay's comparison reads only the recorded document's {@code length} bytes: a longer, different document's
     * bytes past them change nothing; a recorded document cut short is not the same; no bytes is corrupt.
     */
    @Test
    void sameDocumentReadsOnlyTheRecordedLength() {
        EventDocument recorded = new EventDocument(EventDocument.VERSION, 7, 8, "Investor-07", null, Outcome.ACCEPTED, List.of());
        EventDocument longer = new EventDocument(EventDocument.VERSION, 7, 9, "Investor-07 \u6295\u8d44\u8005", "r-1",
                Outcome.rejected(1001, "X", "a longer message"), List.of());
        for (JournalEncoding encoding : List.of(JournalEncoding.JSON, JournalEncoding.BINARY)) {
            byte[] recordedBytes = JournalDocuments.encode(recorded, encoding);
            byte[] longerBytes = JournalDocuments.encode(longer, encoding);
            assertTrue(longerBytes.length > recordedBytes.length, encoding.name());
            byte[] buffer = longerBytes.clone();
            System.arraycopy(recordedBytes, 0, buffer, 0, recordedBytes.length);
            assertTrue(JournalDocuments.sameDocument(buffer, recordedBytes.length, recorded), encoding + ": stale bytes after it");
            assertFalse(JournalDocuments.sameDocument(buffer, recordedBytes.length, longer), encoding.name());
            assertTrue(JournalDocuments.sameDocument(longerBytes, longerBytes.length, longer), encoding.name());
            if (encoding == JournalEncoding.BINARY) {
                assertFalse(JournalDocuments.sameDocument(longerBytes, recordedBytes.length, longer), "binary: a prefix is not the document");
            } else {
                assertEquals("corrupt EventDocument", assertThrows(UncheckedIOException.class,
                        () -> JournalDocuments.sameDocument(longerBytes, recordedBytes.length, longer)).getMessage(), "JSON: a prefix is not JSON");
            }
            assertEquals("corrupt EventDocument", assertThrows(UncheckedIOException.class,
                    () -> JournalDocuments.sameDocument(buffer, 0, recorded)).getMessage(), encoding + ": no bytes");
        }
    }

    private static List<String> hex(List<byte[]> documents) {
        return documents.stream().map(HexFormat.of()::formatHex).toList();
    }
}
