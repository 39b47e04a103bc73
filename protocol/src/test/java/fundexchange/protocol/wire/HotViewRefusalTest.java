package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the hot views refuse (docs/design/binary-journal.md section 11): each frame check of {@link StructView#wrap}
 * and {@link CommandRecordView#wrap}, one case per refusal; a typed view kept after its record view moved on; a view
 * after a {@code wrap} that threw; and a type that gained a field its typed view or writer method does not handle.
 */
class HotViewRefusalTest {
    private static final WireType PLACE_ORDER = StructView.type(PlaceOrder.class);
    /** PlaceOrder("DGF3", BUY, 5, 7), unsigned: its struct starts at {@code OFFSET_COMMAND} and ends the record. */
    private static final byte[] RECORD = JournalBinary.encode(CommandRecord.unsigned(111, 1_795_000_000_000L,
            new PlaceOrder("DGF3", Side.BUY, new Units(5), new Price(7))));
    private static final int S = JournalBinary.OFFSET_COMMAND;
    /** The struct's presence byte, fixed block and its only variable field's length prefix. */
    private static final int FIXED = S + 9;
    private static final int FUND_CODE_LENGTH = FIXED + PLACE_ORDER.fixedLength(4);

    /** What is damaged, the refusal's words, the damage and the limit (-1: the record's end). */
    static Stream<Arguments> structRefusals() {
        return Stream.of(
                refusal("a header cut short", "truncated before a PlaceOrder", bytes -> { }, S + 7),
                refusal("a length below the 8-byte header", "does not fit", bytes -> putInt(bytes, S, 7), -1),
                refusal("a length beyond the limit", "does not fit",
                        bytes -> putInt(bytes, S, RECORD.length - S + 1), -1),
                refusal("a non-zero reserved byte", "reserved struct byte", bytes -> bytes[S + 5] = 1, -1),
                refusal("more fields than this build knows", "newer build", bytes -> bytes[S + 4] = 5, -1),
                refusal("a fixed block of another length than the field count's", "bytes where PlaceOrder has",
                        bytes -> putShort(bytes, S + 6, PLACE_ORDER.fixedLength(4) + 1), -1),
                refusal("a fixed block overrunning the struct", "fixed block overruns",
                        bytes -> putInt(bytes, S, FUND_CODE_LENGTH - S - 1), -1),
                refusal("a variable field overrunning the struct", "fundCode overruns",
                        bytes -> bytes[FUND_CODE_LENGTH] = 5, -1),
                refusal("bytes left in the struct", "1 bytes left in the PlaceOrder struct",
                        bytes -> putInt(bytes, S, RECORD.length - S + 1), RECORD.length + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structRefusals")
    void aStructViewRefusesABrokenFrame(String what, String message, Consumer<byte[]> damage, int limit) {
        assertEquals(RECORD.length, FUND_CODE_LENGTH + 1 + 4, "the layout this table assumes");
        StructView view = new StructView();
        view.wrap(RECORD, S, RECORD.length, PLACE_ORDER);
        byte[] bytes = Arrays.copyOf(RECORD, RECORD.length + 1);
        damage.accept(bytes);
        WireFormatException refused = assertThrows(WireFormatException.class,
                () -> view.wrap(bytes, S, limit < 0 ? RECORD.length : limit, PLACE_ORDER), what);
        assertTrue(refused.getMessage().contains(message), what + ": " + refused.getMessage());
        assertThrows(RuntimeException.class, () -> view.present(0), "no read after a refused wrap: " + what);
        assertThrows(RuntimeException.class, () -> view.i64(2), "no read after a refused wrap: " + what);
    }

    @Test
    void anUnknownEnumCodeIsRefusedWhenRead() {
        byte[] bytes = RECORD.clone();
        bytes[FIXED + PLACE_ORDER.fieldArray()[1].fixedOffset] = 99;
        StructView view = new StructView();
        view.wrap(bytes, S, bytes.length, PLACE_ORDER);
        assertEquals(99, view.enumCode(1));
        assertThrows(WireFormatException.class, () -> view.enumConstant(1));
    }

    /** What is damaged, the refusal's words, the damage and the size (-1: the record's). */
    static Stream<Arguments> recordRefusals() {
        int orderAccepted = StructView.type(OrderAccepted.class).id();
        return Stream.of(
                refusal("an unknown flag", "unknown command record flags",
                        bytes -> bytes[JournalBinary.OFFSET_FLAGS] = 2, -1),
                refusal("a record cut before the command's type id", "truncated before the command's type id",
                        bytes -> { }, JournalBinary.OFFSET_COMMAND - 1),
                refusal("an unknown type id", "65000 is unknown",
                        bytes -> putShort(bytes, JournalBinary.OFFSET_COMMAND_TYPE, 65_000), -1),
                refusal("an event's type id", orderAccepted + " is unknown to this build",
                        bytes -> putShort(bytes, JournalBinary.OFFSET_COMMAND_TYPE, orderAccepted), -1),
                refusal("an event document's kind", "document kind", bytes -> bytes[JournalBinary.OFFSET_KIND] = 'E', -1),
                refusal("a request flag with no request", "truncated before a SignedRequest",
                        bytes -> bytes[JournalBinary.OFFSET_FLAGS] = 1, -1),
                refusal("bytes left after the command", "bytes left after the command record",
                        bytes -> { }, RECORD.length + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordRefusals")
    void aCommandRecordViewRefusesABrokenRecordAndThenReadsNothing(String what, String message, Consumer<byte[]> damage,
                                                                   int size) {
        CommandRecordView view = new CommandRecordView();
        view.wrap(RECORD, 0, RECORD.length);
        PlaceOrderView placeOrder = new PlaceOrderView();
        placeOrder.wrap(view);
        byte[] bytes = Arrays.copyOf(RECORD, RECORD.length + 1);
        damage.accept(bytes);
        WireFormatException refused = assertThrows(WireFormatException.class,
                () -> view.wrap(bytes, 0, size < 0 ? RECORD.length : size), what);
        assertTrue(refused.getMessage().contains(message), what + ": " + refused.getMessage());
        assertThrows(IllegalStateException.class, view::index, what);
        assertThrows(IllegalStateException.class, view::signed, what);
        assertThrows(IllegalStateException.class, view::participant, what);
        assertThrows(IllegalStateException.class, view::commandTypeId, what);
        assertThrows(IllegalStateException.class, placeOrder::units, what);
        view.wrap(RECORD, 0, RECORD.length);
        assertEquals(111, view.index(), "usable again after a successful wrap: " + what);
    }

    @Test
    void aViewAfterAFailedWrapOfASignedRecordReadsNeitherRecord() {
        CommandRecordView view = new CommandRecordView();
        view.wrap(RECORD, 0, RECORD.length);
        SignedRequest request = new SignedRequest("Holder-01", "k", "ED25519", "sig", 5, "req", "POST", "/o", "", "d", "{}",
                "FXS2");
        byte[] signed = JournalBinary.encode(CommandRecord.signed(222, 2, request, new AmendOrder(9, new Price(1), new Units(42))));
        assertThrows(WireFormatException.class, () -> view.wrap(signed, 0, signed.length - 3));
        assertThrows(IllegalStateException.class, view::index);
        assertThrows(IllegalStateException.class, view::signed);
        assertThrows(IllegalStateException.class, view::participant);
        assertThrows(IllegalStateException.class, view::command);
    }

    @Test
    void aTypedViewKeptAfterItsRecordViewMovedOnRefusesToRead() {
        CommandRecordView view = new CommandRecordView();
        PlaceOrderView placeOrder = new PlaceOrderView();
        assertThrows(IllegalStateException.class, placeOrder::units, "never wrapped");
        view.wrap(RECORD, 0, RECORD.length);
        placeOrder.wrap(view);
        assertEquals(5, placeOrder.units());
        byte[] amend = JournalBinary.encode(CommandRecord.unsigned(2, 2, new AmendOrder(9, new Price(1), new Units(42))));
        view.wrap(amend, 0, amend.length);
        assertThrows(IllegalStateException.class, placeOrder::units, "another type now");
        assertThrows(IllegalStateException.class, placeOrder::side, "another type now");
        assertThrows(IllegalStateException.class, placeOrder::hasPrice, "another type now");
        byte[] other = JournalBinary.encode(CommandRecord.unsigned(3, 3,
                new PlaceOrder("DGF3", Side.SELL, new Units(6), new Price(8))));
        view.wrap(other, 0, other.length);
        assertThrows(IllegalStateException.class, placeOrder::units, "the same type, another record");
        placeOrder.wrap(view);
        assertEquals(6, placeOrder.units());
        assertEquals(Side.SELL, placeOrder.side());
    }

    @Test
    void aTypeThatGainedAFieldFailsTheCoverageCheckOfItsOldFields() {
        WireType before = WireSchema.parse(Evolution.V1).typeOf(Evolution.PlacedV1.class);
        WireType after = WireSchema.parse(Evolution.V2).typeOf(Evolution.PlacedV2.class);
        StructView.requireCovers(before, 0, 1, 2);
        StructView.requireCovers(before, 2, 0, 1);
        IllegalStateException added = assertThrows(IllegalStateException.class, () -> StructView.requireCovers(after, 0, 1, 2));
        assertTrue(added.getMessage().contains("limit"), added.getMessage());
        assertThrows(IllegalStateException.class, () -> StructView.requireCovers(before, 0, 1, 1, 2), "twice");
        assertThrows(IllegalStateException.class, () -> StructView.requireCovers(before, 0, 1, 2, 3), "not a field");
        StructView.requireCovers(after, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void theRequestIdsBytesAreItsUtf8WhenAsciiOnly() {
        CommandRecordView view = new CommandRecordView();
        for (String id : new String[] {"req-1._~", "lone-\uD800", "中文"}) {
            SignedRequest request = new SignedRequest("Holder-01", "k", "ED25519", "sig", 5, id, "POST", "/o", "", "d", "{}",
                    "FXS2");
            byte[] bytes = JournalBinary.encode(CommandRecord.signed(1, 1, request, new AmendOrder(9, null, null)));
            view.wrap(bytes, 0, bytes.length);
            byte[] slice = Arrays.copyOfRange(view.bytes(), view.clientRequestIdOffset(),
                    view.clientRequestIdOffset() + view.clientRequestIdLength());
            boolean ascii = id.chars().allMatch(c -> c < 0x80);
            assertEquals(ascii, view.clientRequestIdAscii(), id);
            if (ascii) {
                assertArrayEquals(id.getBytes(StandardCharsets.UTF_8), slice, id);
            }
        }
        assertNotEquals(Arrays.toString("lone-\uD800".getBytes(StandardCharsets.UTF_8)),
                Arrays.toString(Wtf8.encode("lone-\uD800")), "why only ASCII bytes are hashed where they lie");
        byte[] unsigned = RECORD;
        view.wrap(unsigned, 0, unsigned.length);
        assertFalse(view.clientRequestIdAscii());
    }

    @Test
    void theInternCacheReturnsTheStringOfTheBytesEvenWhenTwoShareASlot() {
        WireStrings strings = new WireStrings();
        byte[] a = Wtf8.encode("Investor-07");
        String first = strings.intern(a, 0, a.length);
        assertSame(first, strings.intern(a.clone(), 0, a.length), "a hit is the cached String");
        byte[] collision = findCollision(a);
        assertEquals(new String(collision, StandardCharsets.ISO_8859_1), strings.intern(collision, 0, collision.length));
        assertEquals("Investor-07", strings.intern(a, 0, a.length));
    }

    /** Two ASCII bytes appended to {@code bytes} for another value in the same slot as {@code bytes}. */
    private static byte[] findCollision(byte[] bytes) {
        int target = slot(bytes);
        for (int x = 'a'; x <= 'z'; x++) {
            for (int y = 0x20; y < 0x7F; y++) {
                for (int z = 0x20; z < 0x7F; z++) {
                    byte[] candidate = Arrays.copyOf(bytes, bytes.length + 3);
                    candidate[bytes.length] = (byte) x;
                    candidate[bytes.length + 1] = (byte) y;
                    candidate[bytes.length + 2] = (byte) z;
                    if (slot(candidate) == target) {
                        return candidate;
                    }
                }
            }
        }
        throw new AssertionError("no collision found");
    }

    private static int slot(byte[] bytes) {
        int hash = 1;
        for (byte b : bytes) {
            hash = 31 * hash + b;
        }
        return (hash ^ (hash >>> 12)) & (WireStrings.SLOTS - 1);
    }

    private static Arguments refusal(String what, String message, Consumer<byte[]> damage, int limit) {
        return Arguments.of(what, message, damage, limit);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static void putShort(byte[] bytes, int at, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
    }
}
