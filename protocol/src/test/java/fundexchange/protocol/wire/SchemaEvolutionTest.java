package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.Evolution.BasketV1;
import fundexchange.protocol.wire.Evolution.BasketV2;
import fundexchange.protocol.wire.Evolution.ItemV1;
import fundexchange.protocol.wire.Evolution.ItemV2;
import fundexchange.protocol.wire.Evolution.PlacedV1;
import fundexchange.protocol.wire.Evolution.PlacedV2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Formats only grow (docs/design/binary-journal.md section 3.3): bytes an older build wrote read in a newer one with
 * the new fields absent; bytes a newer build wrote read in an older tolerant reader with the unknown fields skipped and
 * counted, and are refused by a strict one; and a new value that lacks the new fields encodes to the old bytes.
 */
class SchemaEvolutionTest {
    private static final WireSchema OLD = WireSchema.parse(Evolution.V1);
    private static final WireSchema NEW = WireSchema.parse(Evolution.V2);

    @Test
    void oldBytesReadInTheNewBuildWithTheNewFieldsAbsent() {
        byte[] old = typed(OLD, new PlacedV1(7, "Holder-01", new Units(100_00)));
        assertEquals(new PlacedV2(7, "Holder-01", new Units(100_00), null, null, 0),
                RecordDecoder.strict(NEW).decodeTyped(old, 0, old.length, Record.class));
        byte[] basket = typed(OLD, new BasketV1("Holder-01", List.of(new ItemV1("a"), new ItemV1("b"))));
        assertEquals(new BasketV2("Holder-01", List.of(new ItemV2("a", 0), new ItemV2("b", 0))),
                RecordDecoder.strict(NEW).decodeTyped(basket, 0, basket.length, Record.class));
    }

    @Test
    void newBytesReadInAnOldTolerantReaderWithTheUnknownFieldsSkippedAndCounted() {
        byte[] placed = typed(NEW, new PlacedV2(7, "Holder-01", new Units(100_00), 5L, "a note", 9));
        RecordDecoder tolerant = RecordDecoder.tolerant(OLD);
        assertEquals(new PlacedV1(7, "Holder-01", new Units(100_00)), tolerant.decodeTyped(placed, 0, placed.length, Record.class));
        assertEquals(3, tolerant.unknownFields());

        byte[] onlyTheString = typed(NEW, new PlacedV2(7, "Holder-01", new Units(100_00), null, "a note", 0));
        assertEquals(new PlacedV1(7, "Holder-01", new Units(100_00)), tolerant.decodeTyped(onlyTheString, 0, onlyTheString.length, Record.class));
        assertEquals(4, tolerant.unknownFields());

        byte[] basket = typed(NEW, new BasketV2("Holder-01", List.of(new ItemV2("a", 3), new ItemV2("b", 0), new ItemV2("c", 4))));
        assertEquals(new BasketV1("Holder-01", List.of(new ItemV1("a"), new ItemV1("b"), new ItemV1("c"))),
                tolerant.decodeTyped(basket, 0, basket.length, Record.class));
        assertEquals(6, tolerant.unknownFields());
    }

    @Test
    void aStrictOldReaderRefusesNewFieldsAsWrittenByANewerBuild() {
        byte[] placed = typed(NEW, new PlacedV2(7, "Holder-01", new Units(100_00), null, null, 9));
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> RecordDecoder.strict(OLD).decodeTyped(placed, 0, placed.length, Record.class));
        assertTrue(e.getMessage().contains("written by a newer build"), e.getMessage());
    }

    @Test
    void anOldReaderRefusesATypeIdItDoesNotKnow() {
        WireSchema older = WireSchema.parse(Evolution.V1.subList(0, 4));
        byte[] basket = typed(OLD, new BasketV1("Holder-01", List.of()));
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> RecordDecoder.tolerant(older).decodeTyped(basket, 0, basket.length, Record.class));
        assertEquals("type id 2 is unknown to this build: written by a newer build (at byte 0)", e.getMessage());
    }

    @Test
    void aNewValueWithoutTheNewFieldsEncodesToTheOldBytes() {
        assertArrayEquals(typed(OLD, new PlacedV1(7, "Holder-01", new Units(100_00))),
                typed(NEW, new PlacedV2(7, "Holder-01", new Units(100_00), null, null, 0)));
        assertArrayEquals(typed(OLD, new BasketV1("Holder-01", List.of(new ItemV1("a")))),
                typed(NEW, new BasketV2("Holder-01", List.of(new ItemV2("a", 0)))));
        // Trailing absent fields are never written, so the old fields decide the field count; zero primitives too.
        assertArrayEquals(typed(OLD, new PlacedV1(0, null, null)), typed(NEW, new PlacedV2(0, null, null, null, null, 0)));
        byte[] empty = typed(OLD, new PlacedV1(0, null, null));
        assertEquals(2 + 8, empty.length, "an all-default value is an empty struct");
    }

    @Test
    void aPresentZeroBoxedFieldIsWrittenButATrailingZeroPrimitiveIsNot() {
        byte[] boxedZero = typed(NEW, new PlacedV2(7, null, null, 0L, null, 0));
        byte[] primitiveZero = typed(NEW, new PlacedV2(7, null, null, null, null, 0));
        assertEquals(4, boxedZero[2 + 4], "k counts the present Long 0");
        assertEquals(1, primitiveZero[2 + 4], "k stops at orderId");
        assertEquals(new PlacedV2(7, null, null, 0L, null, 0), RecordDecoder.strict(NEW).decodeTyped(boxedZero, 0, boxedZero.length, Record.class));
    }

    static byte[] typed(WireSchema schema, Object value) {
        WireBuffer out = new WireBuffer(16);
        new RecordEncoder(schema).encodeTyped(value, out);
        return out.toByteArray();
    }
}
