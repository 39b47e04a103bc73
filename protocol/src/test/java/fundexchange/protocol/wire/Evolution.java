package fundexchange.protocol.wire;

import fundexchange.protocol.money.Units;
import java.util.List;

/**
 * Test records in two versions, as a record looks before (V1) and after (V2) fields were appended to it, with the
 * schema lines of each version: V2's lines are V1's plus appended ones, as the journal schema grows.
 */
final class Evolution {
    /** An event as first written. */
    record PlacedV1(long orderId, String owner, Units units) {
    }

    /** The same event (the same type id) after three fields were appended: a boxed fixed one, a string, a primitive. */
    record PlacedV2(long orderId, String owner, Units units, Long limit, String note, long sequence) {
    }

    record ItemV1(String sku) {
    }

    /** A nested struct that gained a field. */
    record ItemV2(String sku, long quantity) {
    }

    record BasketV1(String owner, List<ItemV1> items) {
    }

    record BasketV2(String owner, List<ItemV2> items) {
    }

    /** A typed field's interface: each record it permits needs a type id. */
    sealed interface Shape permits Circle, Square {
    }

    record Circle(long radius) implements Shape {
    }

    record Square(long side) implements Shape {
    }

    record Drawing(Shape shape) {
    }

    /** A struct that holds itself: nesting as deep as its bytes say. */
    record Node(long value, Node next) {
    }

    static final List<String> NODE = List.of("struct " + Node.class.getName(),
            "field " + Node.class.getName() + " 0 value i64",
            "field " + Node.class.getName() + " 1 next struct:" + Node.class.getName());

    static final List<String> V1 = List.of(
            "type 1 " + PlacedV1.class.getName(),
            "field " + PlacedV1.class.getName() + " 0 orderId i64",
            "field " + PlacedV1.class.getName() + " 1 owner string",
            "field " + PlacedV1.class.getName() + " 2 units units",
            "type 2 " + BasketV1.class.getName(),
            "field " + BasketV1.class.getName() + " 0 owner string",
            "field " + BasketV1.class.getName() + " 1 items list:struct:" + ItemV1.class.getName(),
            "struct " + ItemV1.class.getName(),
            "field " + ItemV1.class.getName() + " 0 sku string");

    /** V1's lines with the V2 classes' names, then the appended lines. */
    static final List<String> V2 = java.util.stream.Stream.concat(
            V1.stream().map(line -> line.replace("V1", "V2")),
            java.util.stream.Stream.of(
                    "field " + PlacedV2.class.getName() + " 3 limit i64",
                    "field " + PlacedV2.class.getName() + " 4 note string",
                    "field " + PlacedV2.class.getName() + " 5 sequence i64",
                    "field " + ItemV2.class.getName() + " 1 quantity i64")).toList();

    private Evolution() {
    }
}
