package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JournalCorpus;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RecordSamples;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command, staff action, event and struct of the schema comes back equal through the generic codec
 * ({@code decode(encode(x)).equals(x)}), re-encodes to the same bytes, and so does each with one component in turn
 * absent or at an edge value; every command in a signed and an unsigned record, every event in a document
 * ({@link JournalCorpus}).
 */
class WireRoundTripTest {
    private static final WireSchema SCHEMA = WireSchema.journal();
    private static final SignedRequest REQUEST = new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "c2ln",
            1_795_000_000_000L, "req-1", "POST", "/orders", null, "ab".repeat(32), "{\"a\":\"\u4e2d\"}", "FXS2");

    @Test
    void everyRecordOfTheSchemaRoundTripsWithEveryComponentSetAbsentOrAtAnEdge() throws ReflectiveOperationException {
        RecordEncoder encoder = new RecordEncoder(SCHEMA);
        RecordDecoder decoder = RecordDecoder.strict(SCHEMA);
        List<String> unbuilt = new ArrayList<>();
        int values = 0;
        for (WireType type : SCHEMA.types()) {
            Object sample = sampleOf(type, unbuilt);
            if (sample == null) {
                continue;
            }
            for (Object value : RecordSamples.variants(sample, WireRoundTripTest::edges)) {
                roundTrip(value, type, encoder, decoder);
                values++;
            }
        }
        assertEquals(List.of(), unbuilt, "samples that could not be built");
        assertTrue(values > 1_000, values + " values");
    }

    @Test
    void everyCommandInASignedAndAnUnsignedRecordAndEveryEventInADocument() throws ReflectiveOperationException {
        List<CommandRecord> records = JournalCorpus.commandRecords();
        records.forEach(WireRoundTripTest::document);
        List<EventDocument> documents = JournalCorpus.eventDocuments();
        documents.forEach(WireRoundTripTest::document);
        int events = documents.stream().mapToInt(document -> document.events().size()).max().orElse(0);
        assertTrue(events >= 98, events + " events in the rejection holding every event sample");
    }

    @Test
    void aVariableFieldOf128BytesOrMoreTakesALongerLengthPrefix() {
        // Propose's one field, its action, is a type id (2 bytes) and SetStateOwned's struct: a header (8), presence (1),
        // the stateOwned bool (1), "Investor-07" (1 + 11) and the reason (1 or 2 + n): 25 + n bytes below 128, 26 + n above.
        List<int[]> cases = List.of(new int[] {102, 127, 1}, new int[] {103, 128, 2},
                new int[] {16_357, 16_383, 2}, new int[] {16_358, 16_384, 3});
        for (int[] c : cases) {
            Command command = new fundexchange.protocol.command.Propose(
                    new fundexchange.protocol.command.SetStateOwned("Investor-07", true, "r".repeat(c[0])));
            byte[] bytes = document(CommandRecord.signed(1, 2, REQUEST, command));
            // The action's length prefix follows Propose's struct header (8) and presence byte (1).
            int prefix = JournalBinary.OFFSET_COMMAND + 8 + 1;
            long read = VarUInt.read(bytes, prefix, bytes.length);
            assertEquals(c[1], VarUInt.value(read), "payload of a " + c[0] + "-byte reason");
            assertEquals(c[2], VarUInt.sizeOf(read), "length prefix of a " + c[1] + "-byte payload");
            assertEquals(9 + c[2] + c[1], WireBuffer.getInt(bytes, JournalBinary.OFFSET_COMMAND), "Propose's struct length");
        }
    }

    private static byte[] document(CommandRecord record) {
        byte[] bytes = JournalBinary.encode(record);
        CommandRecord decoded = JournalBinary.decodeCommandRecord(bytes);
        assertEquals(record, decoded);
        assertArrayEquals(bytes, JournalBinary.encode(decoded), record.toString());
        JournalBinary.check(bytes);
        assertEquals(SCHEMA.typeOf(record.command().getClass()).id(), JournalBinary.commandTypeId(bytes));
        return bytes;
    }

    private static void document(EventDocument document) {
        byte[] bytes = JournalBinary.encode(document);
        EventDocument decoded = JournalBinary.decodeEventDocument(bytes);
        assertEquals(document, decoded);
        assertArrayEquals(bytes, JournalBinary.encode(decoded), document.toString());
        JournalBinary.check(bytes);
        List<Integer> ids = new ArrayList<>();
        JournalBinary.eventTypeIds(bytes, ids::add);
        assertEquals(document.events().stream().map(e -> SCHEMA.typeOf(e.getClass()).id()).toList(), ids);
    }

    private static void roundTrip(Object value, WireType type, RecordEncoder encoder, RecordDecoder decoder) {
        WireBuffer out = new WireBuffer(8);
        byte[] bytes;
        Object decoded;
        if (type.id() > 0) {
            encoder.encodeTyped(value, out);
            bytes = out.toByteArray();
            decoded = decoder.decodeTyped(bytes, 0, bytes.length, Object.class);
        } else {
            encoder.encodeStruct(value, type, out);
            bytes = out.toByteArray();
            decoded = decoder.decodeStruct(bytes, 0, bytes.length, type);
        }
        assertEquals(value, decoded, type.toString());
        WireBuffer again = new WireBuffer(8);
        if (type.id() > 0) {
            encoder.encodeTyped(decoded, again);
        } else {
            encoder.encodeStruct(decoded, type, again);
        }
        assertArrayEquals(bytes, again.toByteArray(), value.toString());
    }

    /** The corpus's edges, and more for the generic codec alone. */
    private static List<Object> edges(Class<?> type) {
        List<Object> edges = new ArrayList<>(JournalCorpus.edges(type));
        if (type == long.class) {
            edges.add(-1L);
        } else if (type == Long.class) {
            edges.add(0L);
        } else if (type == Integer.class) {
            edges.add(Integer.MAX_VALUE);
        } else if (type == Boolean.class) {
            edges.add(false);
        } else if (type == String.class) {
            edges.addAll(List.of("中文 \ud83d\ude00 lone \ud800 \u0000", "x".repeat(300)));
        } else if (type == Units.class) {
            edges.add(new Units(Long.MIN_VALUE));
        } else if (type == Money.class) {
            edges.add(new Money(Long.MAX_VALUE));
        } else if (type == Price.class) {
            edges.add(new Price(-1));
        } else if (type == Multiple.class) {
            edges.add(new Multiple(0));
        }
        return edges;
    }

    /** A sample of {@code type}, or null with the reason added to {@code unbuilt}. */
    private static Object sampleOf(WireType type, List<String> unbuilt) {
        try {
            return RecordSamples.sample(type.type());
        } catch (ReflectiveOperationException | RuntimeException e) {
            unbuilt.add(type.type().getSimpleName() + " (" + e + ")");
            return null;
        }
    }
}
