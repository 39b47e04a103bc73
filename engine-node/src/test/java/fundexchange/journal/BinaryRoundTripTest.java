package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JournalCorpus;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireFormatException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The versioned reader over every record of the protocol: a binary document reads back through
 * {@link JournalCodec#readCommand}/{@link JournalCodec#readEvents} as the value written, its JSON rendering is byte for
 * byte what the JSON writer writes for that value, and the questions readers ask of a document ({@code commandType},
 * {@code mentionsEventType}, {@code sameDocument}) answer alike for both encodings; each component in turn absent or
 * at an edge value ({@link JournalCorpus}).
 */
class BinaryRoundTripTest {
    @Test
    void everyCommandAndEventReadsBackFromBinaryAndRendersAsTheJsonWritersBytes() throws ReflectiveOperationException {
        List<CommandRecord> records = JournalCorpus.commandRecords();
        records.forEach(BinaryRoundTripTest::commandRecord);
        List<EventDocument> documents = JournalCorpus.eventDocuments();
        documents.forEach(BinaryRoundTripTest::eventDocument);
        int events = documents.stream().mapToInt(document -> document.events().size()).max().orElse(0);
        assertTrue(events >= 98, events + " events in the rejection holding every event sample");
        assertTrue(records.size() + documents.size() > 1_000, records.size() + documents.size() + " documents");
    }

    @Test
    void theFirstByteNamesTheEncodingAndAnUnknownOneIsRefusedByName() {
        CommandRecord record = CommandRecord.unsigned(3, 4, new fundexchange.protocol.command.Tick());
        assertSame(JournalEncoding.JSON, JournalEncoding.of(JournalCodec.write(record)));
        byte[] binary = JournalBinary.encode(record);
        assertSame(JournalEncoding.BINARY, JournalEncoding.of(binary));
        binary[1] = 3;
        assertEquals("encoding 3 is unknown to this build (it reads 1 and 2) (at byte 1)",
                assertThrows(WireFormatException.class, () -> JournalEncoding.of(binary)).getMessage());
        UncheckedIOException corrupt = assertThrows(UncheckedIOException.class, () -> JournalCodec.readCommand(binary));
        assertEquals("corrupt CommandRecord", corrupt.getMessage());
        assertEquals("encoding 3 is unknown to this build (it reads 2) (at byte 1)", corrupt.getCause().getMessage());
        assertSame(JournalEncoding.JSON, JournalEncoding.of(" {}".getBytes(StandardCharsets.UTF_8)), "read as JSON, as ever");
    }

    /**
     * A malformed binary document (a lone magic, an unknown encoding, a header cut short) gets the same "corrupt ..."
     * error from every reader; asking whether it is binary never throws.
     */
    @Test
    void aMalformedBinaryDocumentIsCorruptToEveryReader() {
        byte[] whole = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 7, 8, null, null, Outcome.ACCEPTED, List.of()));
        byte[] unknownEncoding = whole.clone();
        unknownEncoding[1] = 3;
        for (byte[] bad : List.of(new byte[] {JournalBinary.MAGIC}, new byte[] {JournalBinary.MAGIC, 3},
                new byte[] {JournalBinary.MAGIC, 2}, Arrays.copyOf(whole, 10), unknownEncoding)) {
            String name = Arrays.toString(Arrays.copyOf(bad, Math.min(bad.length, 3)));
            assertTrue(JournalDocuments.isBinary(bad), name);
            assertEquals("corrupt EventDocument", assertThrows(UncheckedIOException.class, () -> JournalCodec.readEvents(bad)).getMessage(), name);
            assertEquals("corrupt EventDocument", assertThrows(UncheckedIOException.class, () -> JournalDocuments.json(bad)).getMessage(), name);
            assertEquals("corrupt EventDocument", assertThrows(UncheckedIOException.class, () -> JournalDocuments.tree(bad)).getMessage(), name);
            assertEquals("corrupt EventDocument",
                    assertThrows(UncheckedIOException.class, () -> JournalDocuments.mentionsEventType(bad, "OrderAccepted")).getMessage(), name);
            assertEquals("corrupt EventDocument",
                    assertThrows(UncheckedIOException.class, () -> JournalDocuments.outcomeStatus(bad)).getMessage(), name);
            assertFalse(JournalDocuments.sameDocument(bad, JournalCodec.readEvents(whole)), name);
        }
        byte[] command = {JournalBinary.MAGIC, 3, JournalBinary.COMMAND_RECORD};
        assertEquals("corrupt CommandRecord", assertThrows(UncheckedIOException.class, () -> JournalDocuments.json(command)).getMessage());
        assertEquals("corrupt CommandRecord", assertThrows(UncheckedIOException.class, () -> JournalDocuments.commandType(command)).getMessage());
        assertEquals("corrupt CommandRecord", assertThrows(UncheckedIOException.class, () -> JournalCodec.readCommand(command)).getMessage());
    }

    @Test
    void aJsonDocumentStaysItsOwnRenderingAndComparesAsValues() {
        EventDocument document = new EventDocument(EventDocument.VERSION, 7, 8, "Investor-07", null, Outcome.ACCEPTED, List.of());
        byte[] json = JournalCodec.write(document);
        assertSame(json, JournalDocuments.json(json));
        assertTrue(JournalDocuments.sameDocument(json, document));
        assertArrayEquals(json, JournalDocuments.encodeLike(json, document));
        byte[] binary = JournalBinary.encode(document);
        assertArrayEquals(binary, JournalDocuments.encodeLike(binary, document));
        EventDocument other = new EventDocument(EventDocument.VERSION, 7, 9, "Investor-07", null, Outcome.ACCEPTED, List.of());
        assertFalse(JournalDocuments.sameDocument(json, other));
        assertFalse(JournalDocuments.sameDocument(binary, other));
    }

    private static void commandRecord(CommandRecord record) {
        byte[] json = JournalCodec.write(record);
        byte[] binary = JournalDocuments.encode(record, JournalEncoding.BINARY);
        assertArrayEquals(json, JournalDocuments.encode(record, JournalEncoding.JSON));
        assertEquals(record, JournalCodec.readCommand(binary), record.toString());
        assertEquals(record, JournalCodec.read(binary, CommandRecord.class));
        assertArrayEquals(json, JournalDocuments.json(binary), record.toString());
        assertEquals(JournalDocuments.tree(json), JournalDocuments.tree(binary));
        String type = JsonShape.typeName(record.command().getClass());
        assertEquals(type, JournalDocuments.commandType(binary));
        assertEquals(type, JournalDocuments.commandType(json));
        assertTrue(JournalDocuments.isBinary(binary));
        assertFalse(JournalDocuments.isBinary(json));
    }

    private static void eventDocument(EventDocument document) {
        byte[] json = JournalCodec.write(document);
        byte[] binary = JournalDocuments.encode(document, JournalEncoding.BINARY);
        assertEquals(document, JournalCodec.readEvents(binary), document.toString());
        assertSame(document.outcome().status(), JournalDocuments.outcomeStatus(binary));
        assertSame(document.outcome().status(), JournalDocuments.outcomeStatus(json));
        assertArrayEquals(json, JournalDocuments.json(binary), document.toString());
        assertTrue(JournalDocuments.sameDocument(binary, document));
        assertTrue(JournalDocuments.sameDocument(json, document));
        for (Event event : document.events()) {
            String type = JsonShape.typeName(event.getClass());
            assertTrue(JournalDocuments.mentionsEventType(binary, type), type);
            assertTrue(JournalDocuments.mentionsEventType(json, type), type);
        }
        if (document.events().isEmpty()) {
            assertFalse(JournalDocuments.mentionsEventType(binary, "OrderAccepted"));
            assertFalse(JournalDocuments.mentionsEventType(json, "OrderAccepted"));
        }
    }
}
