package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.listing.ListingMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The journal schema file is append-only and complete (docs/design/binary-journal.md section 3.2): every command, staff
 * action and event has a type id in its range, every record they reach and every component and constant has its line,
 * and the lines already pinned are unchanged. Run with {@code -Dwire.update=true} to append what is missing; it never
 * rewrites or reorders a line.
 */
class WireSchemaTest {
    static final Path FILE = Path.of("src/main/resources/fundexchange/protocol/wire", WireSchema.RESOURCE);
    static final SchemaDerivation JOURNAL = new SchemaDerivation(List.of(
            new SchemaDerivation.Range(Command.class, 1, 999),
            new SchemaDerivation.Range(SensitiveAction.class, 1001, 1999),
            new SchemaDerivation.Range(Event.class, 2001, 3999),
            new SchemaDerivation.Range(ListingMechanism.ListingTerms.class, 4001, 4499),
            new SchemaDerivation.Range(ListingMechanism.BidTerms.class, 4501, 4999)),
            List.of(SignedRequest.class), List.of(OutcomeStatus.class));
    /**
     * Append-only checkpoints: the file's first {@code lines} lines (joined by newlines) and their SHA-256. Every one is
     * checked, so no pinned line can change, and the last must cover the whole file, so appended lines are pinned
     * too: after appending, add the pair {@link #thePinnedLinesAreUnchanged} prints; never edit an earlier one.
     */
    record Checkpoint(int lines, String sha256) {
    }

    static final List<Checkpoint> CHECKPOINTS = List.of(
            new Checkpoint(1266, "ad29e764e6f6e93963dcd4af25e52919d83b09238f541c0ffec8d367351f920d"),
            new Checkpoint(1275, "0fb236a29bfc867db59f1cd2a555a56e83e65b21a2af0ad934728abf3b321624"),
            new Checkpoint(1276, "55e66621af0a7f73377d1d874b3693cfc5f1d2d157c85c3efdeca3ec79288c1d"));

    @Test
    void theFileHasALineForEveryRecordComponentAndConstantTheJournalCanHold() throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        List<String> missing = JOURNAL.missing(lines);
        if (!missing.isEmpty() && Boolean.getBoolean("wire.update")) {
            // Lines end in "\n" on every platform: the pinned hashes and the class path bytes depend on it.
            String text = Files.readString(FILE, StandardCharsets.UTF_8);
            String appended = (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + String.join("\n", missing) + "\n";
            Files.writeString(FILE, appended, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            missing = JOURNAL.missing(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), missing, "append these lines to the end of " + FILE + " (or run this test with"
                + " -Dwire.update=true, which appends them), then re-pin: add the checkpoint thePinnedLinesAreUnchanged prints"
                + " to WireSchemaTest.CHECKPOINTS");
    }

    @Test
    void theFileBindsToTheRecordClassesAndTheClassPathCopyIsTheFile() throws IOException {
        WireSchema.parse(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        try (InputStream resource = WireSchema.class.getResourceAsStream(WireSchema.RESOURCE)) {
            assertNotNull(resource, "no " + WireSchema.RESOURCE + " on the class path");
            assertArrayEquals(Files.readAllBytes(FILE), resource.readAllBytes(), "the class path copy of " + FILE
                    + " is not the file: rebuild");
        }
        Map<Class<?>, SchemaDerivation.Range> typed = JOURNAL.typedRecords();
        assertTrue(typed.size() >= 184, typed.size() + " typed records");
        for (Class<?> record : typed.keySet()) {
            WireType type = WireSchema.journal().typeOf(record);
            assertNotNull(type, record.getName());
            assertEquals(record.getRecordComponents().length, type.fields().size(), record.getName());
        }
        assertNotNull(WireSchema.journal().typeOf(SignedRequest.class));
        assertNotNull(WireSchema.journal().codes(OutcomeStatus.class));
    }

    @Test
    void everyTypeIdLiesInItsInterfacesRangeAndNoneIsReused() {
        Map<Class<?>, SchemaDerivation.Range> typed = JOURNAL.typedRecords();
        List<Integer> ids = new ArrayList<>();
        for (WireType type : WireSchema.journal().types()) {
            SchemaDerivation.Range range = typed.get(type.type());
            if (range == null) {
                assertEquals(0, type.id(), type + " is a struct, not a typed record");
                continue;
            }
            assertTrue(range.contains(type.id()), type + " lies outside " + range);
            assertTrue(JsonShape.typedInterface(type.type()).isPresent(), type.toString());
            ids.add(type.id());
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), "reused ids");
        assertEquals(typed.size(), ids.size());
    }

    @Test
    void theFirstAssignmentFollowsDeclarationOrder() {
        assertEquals(1, WireSchema.journal().typeOf(fundexchange.protocol.command.Genesis.class).id());
        assertEquals(27, WireSchema.journal().typeOf(PlaceOrder.class).id());
        assertEquals(2001, WireSchema.journal().typeOf(fundexchange.protocol.event.ExchangeKeyRegistered.class).id());
        assertEquals(2049, WireSchema.journal().typeOf(OrderAccepted.class).id());
        assertEquals(List.of("fundCode", "side", "units", "price"),
                WireSchema.journal().typeOf(PlaceOrder.class).fields().stream().map(WireField::name).toList());
    }

    @Test
    void thePinnedLinesAreUnchanged() throws IOException, NoSuchAlgorithmException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        int previous = 0;
        for (Checkpoint checkpoint : CHECKPOINTS) {
            assertTrue(checkpoint.lines() > previous, "checkpoints grow: " + checkpoint);
            previous = checkpoint.lines();
            assertTrue(lines.size() >= checkpoint.lines(), "lines were deleted: " + lines.size() + " < " + checkpoint.lines());
            assertEquals(checkpoint.sha256(), sha256(lines, checkpoint.lines()), "the first " + checkpoint.lines() + " lines of "
                    + FILE + " changed: the schema is append-only (renumbering changes the bytes of every journal written)");
        }
        assertEquals(lines.size(), previous, "lines appended after the last checkpoint are not pinned: append\n"
                + "            new Checkpoint(" + lines.size() + ", \"" + sha256(lines, lines.size()) + "\")\n"
                + "to WireSchemaTest.CHECKPOINTS");
    }

    private static String sha256(List<String> lines, int count) throws NoSuchAlgorithmException {
        String pinned = String.join("\n", lines.subList(0, count));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pinned.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theEnvelopesAreWhatEncodingTwoFixes() {
        // A change to these is a new encoding number (design section 2.5), never an in-place change.
        assertEquals("int version, long index, long time, SignedRequest request, Command command", components(CommandRecord.class));
        assertEquals("int version, long sourceIndex, long time, String participant, String clientRequestId, Outcome outcome, "
                + "List<Event> events", components(EventDocument.class));
        assertEquals("OutcomeStatus status, int code, String reason, String message, long duplicateOf", components(Outcome.class));
    }

    @Test
    void bindingRefusesASchemaThatDoesNotDescribeItsClasses() {
        String type = "type 1 " + Evolution.PlacedV1.class.getName();
        String orderId = "field " + Evolution.PlacedV1.class.getName() + " 0 orderId i64";
        String owner = "field " + Evolution.PlacedV1.class.getName() + " 1 owner string";
        String units = "field " + Evolution.PlacedV1.class.getName() + " 2 units units";
        WireSchema.parse(List.of(type, orderId, owner, units));
        assertRefused("has no field line", List.of(type, orderId, owner));
        assertRefused("is i64 now", List.of(type, orderId.replace("i64", "i32"), owner, units));
        assertRefused("reused or leaves a gap", List.of(type, orderId, owner, units.replace(" 2 ", " 3 ")));
        assertRefused("no component", List.of(type, orderId, owner.replace("owner", "holder"), units));
        assertRefused("already", List.of(type, orderId, owner, units, "type 1 " + Evolution.PlacedV2.class.getName()));
        assertRefused("no class", List.of("struct fundexchange.protocol.wire.Gone"));
        assertRefused("has no code", List.of("enum " + OutcomeStatus.class.getName() + " 0 ACCEPTED"));
        assertRefused("not a number", List.of("enum " + OutcomeStatus.class.getName() + " x ACCEPTED",
                "enum " + OutcomeStatus.class.getName() + " 1 REJECTED", "enum " + OutcomeStatus.class.getName() + " 2 DUPLICATE"));
    }

    @Test
    void everyRecordATypedFieldMayHoldHasATypeId() {
        List<String> drawing = List.of("type 1 " + Evolution.Drawing.class.getName(),
                "field " + Evolution.Drawing.class.getName() + " 0 shape typed:" + Evolution.Shape.class.getName(),
                "type 2 " + Evolution.Circle.class.getName(),
                "field " + Evolution.Circle.class.getName() + " 0 radius i64");
        String square = Evolution.Square.class.getName();
        WireSchema.parse(concat(drawing, List.of("type 3 " + square, "field " + square + " 0 side i64")));
        assertRefused("permits " + square + ", which has no type id", drawing);
        assertRefused("permits " + square + ", which has no type id", concat(drawing, List.of("struct " + square, "field " + square + " 0 side i64")));
    }

    @Test
    void theRangesCoverEveryTypedInterface() {
        assertEquals(JsonShape.TYPED, JOURNAL.ranges().stream().map(SchemaDerivation.Range::typed).toList());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertRefused(String expected, List<String> lines) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireSchema.parse(lines));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static String components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getGenericType().getTypeName().replaceAll("[\\w.]+\\.", "") + " " + c.getName())
                .collect(Collectors.joining(", "));
    }

}
