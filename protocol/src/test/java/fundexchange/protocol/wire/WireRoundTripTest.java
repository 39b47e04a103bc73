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
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * A listing, bid and their events without a mechanism's own terms encode to the bytes the build before terms
     * existed wrote (hex pinned from 52713f67): the trailing absent {@code terms} is trimmed, so no journal moves
     * (docs/design/mechanism-terms.md §2.2, R3). The same values with terms round-trip and are longer.
     */
    @Test
    void aValueWithoutTermsEncodesAsItDidBeforeTermsExisted() {
        List<Command> commands = List.of(
                new ListAuction("DGF3", ListingMechanism.ENGLISH, new Units(20_000_000L), new Price(10_000L),
                        new Price(11_000L), new Price(100L), 1_796_000_000_000L, 1_796_003_600_000L, 60_000L, 120_000L,
                        false, null),
                new ListAuction("DGF3", ListingMechanism.DUTCH, new Units(20_000_000L), new Price(12_000L),
                        new Price(10_000L), new Price(100L), 1_796_000_000_000L, 1_796_003_600_000L, null, null, false,
                        60_000L, new Money(500_000L), null),
                new PlaceBid(25, new Price(10_100L), null),
                new PlaceBid(26, new Price(12_000L), new Units(100_000L)));
        List<String> before = List.of(
                "fe024300000001001e00000000000000a0aef229a20100001300500000000a004100ff0301002d3101000000"
                        + "001027000000000000f82a00000000000064000000000000000028f129a20100008016282aa201000060ea00"
                        + "0000000000c0d40100000000000444474633",
                "fe024300000001001e00000000000000a0aef229a20100001300610000000d005200ff1c03002d3101000000"
                        + "00e02e000000000000102700000000000064000000000000000028f129a20100008016282aa2010000000000"
                        + "000000000000000000000000000060ea00000000000020a10700000000000444474633",
                "fe024300000001001e00000000000000a0aef229a20100001400190000000200100003190000000000000074"
                        + "27000000000000",
                "fe024300000001001e00000000000000a0aef229a201000014002100000003001800071a00000000000000e0"
                        + "2e000000000000a086010000000000");
        for (int i = 0; i < commands.size(); i++) {
            CommandRecord record = CommandRecord.unsigned(30, 1_796_000_100_000L, commands.get(i));
            assertEquals(before.get(i), HexFormat.of().formatHex(JournalBinary.encode(record)),
                    commands.get(i).toString());
        }
        AuctionTerms auction = new AuctionTerms(new Price(10_000L), new Price(11_000L), new Price(100L),
                1_796_000_000_000L, 1_796_003_600_000L, 60_000L, 120_000L, false, null);
        List<Event> events = List.of(
                new ListingSubmitted(25, "DGF3", "Holder-01", null, new Units(20_000_000L), null, 0,
                        ListingMechanism.ENGLISH, auction, RofrStatus.NOT_APPLICABLE, new Money(500_000L)),
                new ListingSubmitted(25, "DGF3", "Holder-01", null, new Units(20_000_000L), null, 0,
                        ListingMechanism.ENGLISH, auction, RofrStatus.NOT_APPLICABLE),
                new BidPlaced(25, 30, "Investor-07", 1, new Price(10_100L), 1_796_003_600_000L, false),
                new BidPlaced(25, 31, "Investor-08", 2, new Price(10_200L), 1_796_003_720_000L, true));
        EventDocument document = new EventDocument(EventDocument.VERSION, 30, 1_796_000_100_000L, "Investor-07", "r-30",
                Outcome.ACCEPTED, events);
        assertEquals(
                "fe024503000001001e00000000000000a0aef229a20100000000000000000000000000000000000004000000"
                        + "0b496e766573746f722d303704722d3330ec07850000000b002a00d7071900000000000000002d3101000000"
                        + "0000000000000000000000000000000000010020a1070000000000044447463309486f6c6465722d30314141"
                        + "000000070038007f1027000000000000f82a00000000000064000000000000000028f129a20100008016282a"
                        + "a201000060ea000000000000c0d4010000000000ec077d0000000a002200d7031900000000000000002d3101"
                        + "00000000000000000000000000000000000000000100044447463309486f6c6465722d303141410000000700"
                        + "38007f1027000000000000f82a00000000000064000000000000000028f129a20100008016282aa201000060"
                        + "ea000000000000c0d4010000000000f30739000000060024003f19000000000000001e000000000000000100"
                        + "000074270000000000008016282aa20100000b496e766573746f722d3037f3073a000000070025007f190000"
                        + "00000000001f0000000000000002000000d82700000000000040eb292aa2010000010b496e766573746f722d"
                        + "3038",
                HexFormat.of().formatHex(JournalBinary.encode(document)));

        ListAuction english = (ListAuction) commands.getFirst();
        ListAuction withTerms = new ListAuction(english.fundCode(), english.mechanism(), english.units(),
                english.startingPrice(), english.reservePrice(), english.minIncrement(), english.startsAt(),
                english.endsAt(), english.extensionWindowMs(), english.extensionMs(), english.secondPrice(),
                english.stepMs(), null, null, new ClockTerms.ClockListing(new Price(100L), 60_000L));
        byte[] bytes = document(CommandRecord.unsigned(30, 1_796_000_100_000L, withTerms));
        assertTrue(bytes.length > before.getFirst().length() / 2, "terms are written");
        document(CommandRecord.unsigned(31, 1_796_000_100_000L, new PlaceBid(25, new Price(10_100L), null,
                new ClockTerms.ClockBid(3))));
        document(new EventDocument(EventDocument.VERSION, 31, 1_796_000_100_000L, "Investor-07", "r-31", Outcome.ACCEPTED,
                List.of(new BidPlaced(25, 31, "Investor-07", 1, new Price(10_100L), 1_796_003_600_000L, false,
                        new ClockTerms.ClockBid(3)))));
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
