package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The document layout of encoding 2 at its documented offsets (docs/design/binary-journal.md sections 2.2 to 2.5, the
 * worked example of section 2.7 byte for byte), and each refusal of bytes the encoder would not write.
 */
class JournalBinaryTest {
    private static final long TIME = 1_795_000_000_123L;
    private static final PlaceOrder ORDER = new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000));
    private static final String BODY = "{\"fundCode\":\"DGF3\",\"side\":\"SELL\",\"units\":\"1000.00\",\"price\":\"0.9000\",\"note\":\"中 \\\" \\\\\"}";
    private static final SignedRequest REQUEST = new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "QUFB".repeat(22),
            TIME - 5, "req-0001", "POST", "/orders", "", "ab".repeat(32), BODY, "FXS2");

    @Test
    void aCommandRecordsHeaderAndCommandSitAtTheirOffsets() {
        byte[] document = JournalBinary.encode(CommandRecord.signed(12, TIME, REQUEST, ORDER));
        assertEquals("fe024301" + "0000" + "0100" + "0c00000000000000" + "7b5e56eea1010000", hex(document, 0, 24));
        assertEquals(27, JournalBinary.commandTypeId(document));
        // The design's worked example: type 27 | struct length 31 | k=4, reserved | F=17 | presence | side SELL | units | price | "DGF3"
        assertEquals("1b00" + "1f000000" + "0400" + "1100" + "0f" + "01" + "a086010000000000" + "2823000000000000" + "0444474633",
                hex(document, 24, 24 + 2 + 31));
        assertEquals(1, document[0x23], "side at 0x23");
        assertEquals(100_000L, WireBuffer.getLong(document, 0x24), "units at 0x24");
        assertEquals(9_000L, WireBuffer.getLong(document, 0x2c), "price at 0x2c");
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(document, body);
        assertTrue(at > 0, "the signed body's bytes are in the record verbatim");
        assertEquals(body.length, document[at - 1], "after their varuint length");
        assertEquals(CommandRecord.signed(12, TIME, REQUEST, ORDER), JournalBinary.decodeCommandRecord(document));
        JournalBinary.check(document);
        // The whole record, byte for byte: section 2.7's layout with this test's request (its body is longer than the
        // design's 68 bytes, so the record is 376 bytes, not 357).
        assertEquals(376, document.length);
        assertEquals(FULL_SIGNED_ORDER, hex(document, 0, document.length));
    }

    private static final String FULL_SIGNED_ORDER =
            "fe024301000001000c000000000000007b5e56eea10100001b001f0000000400" +
            "11000f01a086010000000000282300000000000004444746333f0100000c0008" +
            "00ff0f765e56eea101000009486f6c6465722d30310c486f6c6465722d30312d" +
            "6b31074544323535313958515546425155464251554642515546425155464251" +
            "5546425155464251554642515546425155464251554642515546425155464251" +
            "5546425155464251554642515546425155464251554642515546425155464251" +
            "554642087265712d3030303104504f5354072f6f726465727300406162616261" +
            "6261626162616261626162616261626162616261626162616261626162616261" +
            "626162616261626162616261626162616261626162616261626162577b226675" +
            "6e64436f6465223a2244474633222c2273696465223a2253454c4c222c22756e" +
            "697473223a22313030302e3030222c227072696365223a22302e39303030222c" +
            "226e6f7465223a22e4b8ad205c22205c5c227d0446585332";

    @Test
    void anUnsignedCommandRecordHasNoRequestFlagAndEndsWithItsCommand() {
        byte[] document = JournalBinary.encode(CommandRecord.unsigned(3, TIME, new Tick()));
        assertEquals(0, document[JournalBinary.OFFSET_FLAGS]);
        assertEquals(24 + 2 + 8, document.length, "the header, Tick's type id and an empty struct");
        assertEquals(CommandRecord.unsigned(3, TIME, new Tick()), JournalBinary.decodeCommandRecord(document));
    }

    @Test
    void anEventDocumentIsTheDesignsWorkedExampleByteForByte() {
        EventDocument document = new EventDocument(EventDocument.VERSION, 12, TIME, "Holder-01", "req-0001", Outcome.ACCEPTED,
                List.of(new OrderAccepted(12, "DGF3", "Holder-01", Side.SELL, new Units(100_000), new Price(9_000))));
        byte[] bytes = JournalBinary.encode(document);
        assertEquals("""
                fe02450300000100 0c00000000000000 7b5e56eea1010000 0000000000000000 0000000000000000 01000000
                09486f6c6465722d3031 087265712d30303031
                0108 31000000 0600 1900 3f 0c00000000000000 01 a086010000000000 2823000000000000 0444474633 09486f6c6465722d3031
                """.replaceAll("\\s", ""), hex(bytes, 0, bytes.length));
        assertEquals(114, bytes.length);
        assertEquals(document, JournalBinary.decodeEventDocument(bytes));
        List<Integer> ids = new ArrayList<>();
        JournalBinary.eventTypeIds(bytes, ids::add);
        assertEquals(List.of(2049), ids);
    }

    @Test
    void theOutcomeSitsAtFixedOffsetsWithItsStringsFlagged() {
        EventDocument rejected = new EventDocument(1, 40, TIME, "Investor-07", null,
                Outcome.rejected(1203, "UNKNOWN_ORDER", "no order 9 \u4e2d"), List.of());
        byte[] bytes = JournalBinary.encode(rejected);
        assertEquals(JournalBinary.FLAG_PARTICIPANT | JournalBinary.FLAG_REASON | JournalBinary.FLAG_MESSAGE, bytes[JournalBinary.OFFSET_FLAGS]);
        assertEquals(1, bytes[JournalBinary.OFFSET_STATUS]);
        assertEquals(1203, WireBuffer.getInt(bytes, JournalBinary.OFFSET_CODE));
        assertEquals(0, WireBuffer.getInt(bytes, JournalBinary.OFFSET_EVENT_COUNT));
        assertEquals(rejected, JournalBinary.decodeEventDocument(bytes));

        EventDocument duplicate = new EventDocument(1, 41, TIME, "Investor-07", "r-1",
                Outcome.ACCEPTED.asDuplicateOf(40), List.of(new OrderCancelled(12, "DGF3", "Investor-07", Side.BUY, new Units(5), 0, null),
                new OrderCancelled(13, "DGF3", "Investor-07", Side.SELL, new Units(6), 1205, "SELF_TRADE")));
        bytes = JournalBinary.encode(duplicate);
        assertEquals(2, bytes[JournalBinary.OFFSET_STATUS]);
        assertEquals(40L, WireBuffer.getLong(bytes, JournalBinary.OFFSET_DUPLICATE_OF));
        assertEquals(2, WireBuffer.getInt(bytes, JournalBinary.OFFSET_EVENT_COUNT));
        assertEquals(duplicate, JournalBinary.decodeEventDocument(bytes));
        List<Integer> ids = new ArrayList<>();
        JournalBinary.eventTypeIds(bytes, ids::add);
        int cancelled = WireSchema.journal().typeOf(OrderCancelled.class).id();
        assertEquals(List.of(cancelled, cancelled), ids);
    }

    @Test
    void theHeaderIsRefusedWhenItsMagicEncodingKindOrReservedBytesAreWrong() {
        byte[] document = unsignedOrder();
        refused("is not the binary magic", set(document, 0, '{'));
        refused("encoding 3 is unknown to this build", set(document, 1, 3));
        refused("document kind 0x58", set(document, 2, 'X'));
        refused("reserved header bytes are not zero", set(document, 5, 1));
        refused("unknown command record flags", set(document, 3, 2));
        refused("shorter than the 24-byte header", Arrays.copyOf(document, 23));
        WireFormatException e = assertThrows(WireFormatException.class, () -> JournalBinary.decodeEventDocument(document));
        assertTrue(e.getMessage().contains("where an event document ('E') was expected"), e.getMessage());
    }

    @Test
    void valuesTheEncoderWouldNotWriteAreRefused() {
        byte[] order = unsignedOrder();
        refused("enum code 9 is unknown for Side", set(order, 0x23, 9));
        refused("type id 999 is unknown to this build: written by a newer build", set(set(order, 24, 0xE7), 25, 0x03));
        refused("(OrderAccepted) is not a Command", set(set(order, 24, 0x01), 25, 0x08));
        refused("reserved struct byte is not zero", set(order, 26 + 5, 1));
        refused("a presence bit beyond the field count", set(order, 26 + 8, 0x1f));
        refused("bytes left after the command record", Arrays.copyOf(order, order.length + 1));
        refused("does not fit", Arrays.copyOf(order, order.length - 1));

        byte[] noSide = JournalBinary.encode(CommandRecord.unsigned(1, TIME, new PlaceOrder("DGF3", null, new Units(1), new Price(2))));
        assertEquals(0x0d, noSide[26 + 8]);
        refused("absent field side has non-zero bytes", set(noSide, 0x23, 1));

        // k=4 whose last field (price) is absent: the encoder would have written k=3.
        byte[] untrimmed = set(order, 26 + 8, 0x07);
        Arrays.fill(untrimmed, 0x2c, 0x34, (byte) 0);
        refused("not trimmed: its last field is absent", untrimmed);

        // fundCode's length 4 written as the overlong 0x84 0x00 (the struct one byte longer).
        byte[] overlong = new byte[order.length + 1];
        System.arraycopy(order, 0, overlong, 0, 0x34);
        overlong[0x34] = (byte) 0x84;
        overlong[0x35] = 0;
        System.arraycopy(order, 0x35, overlong, 0x36, order.length - 0x35);
        overlong[26] = (byte) (order[26] + 1);
        refused("varuint not in minimal form", overlong);

        byte[] proposal = JournalBinary.encode(CommandRecord.signed(1, TIME, REQUEST, new Propose(new SetStateOwned("Investor-07", true, "r"))));
        byte[] falseProposal = JournalBinary.encode(CommandRecord.signed(1, TIME, REQUEST, new Propose(new SetStateOwned("Investor-07", false, "r"))));
        int bool = mismatch(proposal, falseProposal);
        assertEquals(1, proposal[bool]);
        refused("bool stateOwned is 2, not 0 or 1", set(proposal, bool, 2));
    }

    @Test
    void aPrimitiveIsNeverAbsentAndATrailingZeroPrimitiveIsNeverWritten() {
        EventDocument document = new EventDocument(1, 2, TIME, null, null, Outcome.ACCEPTED,
                List.of(new OrderAccepted(12, "DGF3", "Holder-01", Side.SELL, new Units(1), new Price(2))));
        byte[] bytes = JournalBinary.encode(document);
        int presence = JournalBinary.OFFSET_EVENT_STRINGS + 2 + 8;
        assertEquals(0x3f, bytes[presence]);
        refused("primitive field orderId is marked absent", set(bytes, presence, 0x3e));

        WireSchema schema = WireSchema.parse(Evolution.V2);
        byte[] placed = SchemaEvolutionTest.typed(schema, new Evolution.PlacedV2(7, null, null, null, null, 9));
        int sequence = placed.length - 8;
        assertEquals(9L, WireBuffer.getLong(placed, sequence));
        byte[] zero = set(placed, sequence, 0);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> RecordDecoder.strict(schema).decodeTyped(zero, 0, zero.length, Record.class));
        assertTrue(e.getMessage().contains("not trimmed: its last field sequence is a zero primitive"), e.getMessage());
    }

    @Test
    void checkAcceptsExactlyWhatDecodes() {
        byte[] document = JournalBinary.encode(CommandRecord.signed(12, TIME, REQUEST, ORDER));
        JournalBinary.check(document);
        for (UnaryOperator<byte[]> damage : List.<UnaryOperator<byte[]>>of(
                b -> Arrays.copyOf(b, b.length - 1), b -> Arrays.copyOf(b, b.length + 1), b -> set(b, 0x23, 7))) {
            byte[] damaged = damage.apply(document);
            assertThrows(WireFormatException.class, () -> JournalBinary.check(damaged));
            assertThrows(WireFormatException.class, () -> JournalBinary.decodeCommandRecord(damaged));
        }
        // A failed decode leaves the decoder's reusable arrays clean for the next.
        assertEquals(CommandRecord.signed(12, TIME, REQUEST, ORDER), JournalBinary.decodeCommandRecord(document));

        // Well-formed bytes the encoder never writes: CustodySubmitted's entries (an empty list) marked absent and its
        // two bytes removed. Its constructor refuses a null list, so decoding refuses it, and so must check.
        byte[] custody = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 12, TIME, null, null, Outcome.ACCEPTED,
                List.of(new CustodySubmitted(4, "DGF3", CustodyMode.FULL, "Ops-01", List.of(), "d1"))));
        JournalBinary.check(custody);
        int struct = JournalBinary.OFFSET_EVENT_STRINGS + 2;
        int presence = struct + 8;
        assertEquals(0x3f, custody[presence]);
        int entries = indexOf(custody, "\u0006Ops-01".getBytes(StandardCharsets.UTF_8)) + 7;
        assertEquals("0100", hex(custody, entries, entries + 2), "entries: length 1, no elements");
        byte[] absent = new byte[custody.length - 2];
        System.arraycopy(custody, 0, absent, 0, entries);
        System.arraycopy(custody, entries + 2, absent, entries, custody.length - entries - 2);
        absent[presence] = 0x2f;
        ByteBuffer.wrap(absent).order(ByteOrder.LITTLE_ENDIAN).putInt(struct, WireBuffer.getInt(custody, struct) - 2);
        refused("CustodySubmitted refuses the decoded values", absent);
    }

    @Test
    void structsNestedDeeperThan32LevelsAreRefused() {
        WireSchema schema = WireSchema.parse(Evolution.NODE);
        WireType node = schema.typeOf(Evolution.Node.class);
        RecordDecoder decoder = RecordDecoder.strict(schema);
        Evolution.Node deepest = null;
        for (int level = 1; level <= RecordDecoder.MAX_DEPTH; level++) {
            deepest = new Evolution.Node(level, deepest);
        }
        WireBuffer out = new WireBuffer(64);
        new RecordEncoder(schema).encodeStruct(deepest, node, out);
        byte[] bytes = out.toByteArray();
        assertEquals(deepest, decoder.decodeStruct(bytes, 0, bytes.length, node));

        WireBuffer deeper = new WireBuffer(64);
        new RecordEncoder(schema).encodeStruct(new Evolution.Node(0, deepest), node, deeper);
        byte[] tooDeep = deeper.toByteArray();
        WireFormatException e = assertThrows(WireFormatException.class, () -> decoder.decodeStruct(tooDeep, 0, tooDeep.length, node));
        assertTrue(e.getMessage().contains("nested deeper than 32 levels"), e.getMessage());
        // The refusal leaves the decoder ready for the next read.
        assertEquals(deepest, decoder.decodeStruct(bytes, 0, bytes.length, node));
    }

    private static byte[] unsignedOrder() {
        return JournalBinary.encode(CommandRecord.unsigned(12, TIME, ORDER));
    }

    private static void refused(String expected, byte[] document) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> {
            if (document.length > 2 && document[2] == JournalBinary.EVENT_DOCUMENT) {
                JournalBinary.decodeEventDocument(document);
            } else {
                JournalBinary.decodeCommandRecord(document);
            }
        }, expected);
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
        assertThrows(WireFormatException.class, () -> JournalBinary.check(document), expected);
    }

    private static byte[] set(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static int mismatch(byte[] a, byte[] b) {
        assertEquals(a.length, b.length);
        int at = Arrays.mismatch(a, b);
        assertEquals(-1, Arrays.mismatch(a, at + 1, a.length, b, at + 1, b.length), "one byte differs");
        return at;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    static String hex(byte[] bytes, int from, int to) {
        return HexFormat.of().formatHex(bytes, from, to);
    }
}
