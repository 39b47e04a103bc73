package fundexchange.ops.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.audit.bundle.Part;
import fundexchange.audit.bundle.Problem;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundle version 2 (docs/audit.md): each document's bytes as written beside its JSON rendering. A JSON journal and the
 * same recording written in binary give bundles that verify and show the same renderings; a rendering that differs
 * from its bytes fails naming its part, and changed bytes still fail on their digest. The binary journal is the
 * recording transcoded document by document up to its first checkpoint (a checkpoint signs the chain over the JSON
 * bytes as written, so it cannot verify over transcoded ones).
 */
class BundleRenderingTest {
    private final RecordedExchange recorded = RecordedExchange.shared();
    @TempDir
    Path temp;
    private long toIndex;
    private Path binaryBundle;

    @BeforeEach
    void exportTheRecordingWrittenInBinary() {
        toIndex = BundleEditor.of(recorded.bundle()).findType("Checkpoint") - 1;
        Path binary = temp.resolve("binary-data");
        try (Journals from = Journals.open(recorded.dataDirectory()); Journals to = Journals.open(binary);
             ChronicleJournal.Reader commands = from.commands().reader(); ChronicleJournal.Reader events = from.events().reader();
             ChronicleJournal.Writer commandWriter = to.commands().writer(); ChronicleJournal.Writer eventWriter = to.events().writer()) {
            for (long index = 1; index <= toIndex; index++) {
                commandWriter.append(JournalDocuments.encode(JournalCodec.readCommand(commands.next().orElseThrow()), JournalEncoding.BINARY));
                eventWriter.append(JournalDocuments.encode(JournalCodec.readEvents(events.next().orElseThrow()), JournalEncoding.BINARY));
            }
        }
        binaryBundle = temp.resolve("binary.jsonl");
        try (Journals journals = Journals.open(binary)) {
            AuditBundleWriter.write(journals, toIndex, binaryBundle);
        }
    }

    private static byte[] bytes(JsonNode line, String field) {
        return Base64.getDecoder().decode(line.path(field).asText());
    }

    private static JsonNode tree(byte[] json) {
        return BundleEditor.parse(new String(json, StandardCharsets.UTF_8));
    }

    private Problem brokenAt(long index, BundleEditor bundle) {
        VerificationReport report = AuditBundleVerifier.verify(bundle.write(temp.resolve("tampered.jsonl")));
        assertFalse(report.valid(), report.message());
        Problem problem = report.firstProblem().orElseThrow();
        assertEquals(index, problem.index(), report.message());
        assertEquals(index - 1, report.recordsChecked(), report.message());
        return problem;
    }

    @Test
    void aJsonJournalGivesAVersionTwoBundleWhoseRenderingsAreItsBytesAndVerifies() {
        BundleEditor bundle = BundleEditor.of(recorded.bundle());
        assertEquals(2, bundle.header().path("version").asInt());
        for (long position = 1; position <= bundle.size(); position++) {
            JsonNode line = bundle.line(position);
            assertEquals(tree(bytes(line, "command")), line.path("commandJson"), "index " + position);
            assertEquals(tree(bytes(line, "event")), line.path("eventJson"), "index " + position);
        }
        VerificationReport report = AuditBundleVerifier.verify(recorded.bundle());
        assertTrue(report.valid(), report.message());
        assertEquals(bundle.size(), report.recordsChecked());
    }

    @Test
    void aBinaryJournalGivesAVersionTwoBundleWithTheSameRenderingsThatVerifies() {
        BundleEditor json = BundleEditor.of(recorded.bundle());
        BundleEditor binary = BundleEditor.of(binaryBundle);
        assertEquals(2, binary.header().path("version").asInt());
        assertEquals(toIndex, binary.size());
        for (long position = 1; position <= toIndex; position++) {
            JsonNode line = binary.line(position);
            assertEquals((byte) 0xFE, bytes(line, "command")[0], "the bytes as written, index " + position);
            assertEquals((byte) 0xFE, bytes(line, "event")[0], "the bytes as written, index " + position);
            assertEquals(json.line(position).path("commandJson"), line.path("commandJson"), "index " + position);
            assertEquals(json.line(position).path("eventJson"), line.path("eventJson"), "index " + position);
        }
        VerificationReport report = AuditBundleVerifier.verify(binaryBundle);
        assertTrue(report.valid(), report.message());
        assertEquals(2, report.bundleVersion());
        assertTrue(report.message().endsWith("(bundle version 2: renderings checked against the bytes)"), report.message());
        assertEquals(toIndex, report.recordsChecked());
        assertTrue(report.signaturesVerified() > 10, report.message());
    }

    @Test
    void anEditedEventRenderingFailsNamingTheEventPart() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        ((ObjectNode) bundle.line(index).path("eventJson").path("events").path(0)).put("units", "9000000.00");
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.EVENT, problem.part(), problem.toString());
        assertTrue(problem.reason().contains("the eventJson rendering differs from the event document's bytes"),
                problem.toString());
    }

    @Test
    void anEditedCommandRenderingFailsNamingTheCommandPart() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        ((ObjectNode) bundle.line(index).path("commandJson").path("command")).put("units", "9999999.00");
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        assertTrue(problem.reason().contains("the commandJson rendering differs from the command document's bytes"),
                problem.toString());
    }

    @Test
    void anEditedRenderingOfAJsonEraDocumentFailsToo() {
        BundleEditor bundle = BundleEditor.of(recorded.bundle());
        long index = bundle.findType("DepositUnits");
        ((ObjectNode) bundle.line(index).path("commandJson")).put("index", index + 1);
        assertEquals(Part.COMMAND, brokenAt(index, bundle).part());
    }

    @Test
    void editedBinaryBytesFailOnTheirDigest() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        byte[] command = bytes(bundle.line(index), "command");
        command[command.length / 2] ^= 0x01;
        bundle.line(index).put("command", Base64.getEncoder().encodeToString(command));
        assertTrue(brokenAt(index, bundle).reason().contains("command document's SHA-256"));
    }

    @Test
    void aWithheldLineCarryingItsCommandsRenderingIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        JsonNode rendering = bundle.line(index).path("commandJson");
        bundle.withhold(index).line(index).set("commandJson", rendering);
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        assertTrue(problem.reason().contains("must not carry commandJson"), problem.toString());
    }

    @Test
    void aVersionTwoLineWithoutItsEventRenderingIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        bundle.line(3).remove("eventJson");
        assertTrue(brokenAt(3, bundle).reason().contains("no eventJson rendering"));
    }

    @Test
    void aVersionOneLineCannotCarryAnUncheckedRendering() {
        BundleEditor bundle = BundleEditor.of(recorded.bundle());
        bundle.header().put("version", 1);
        for (long position = 1; position <= bundle.size(); position++) {
            bundle.line(position).remove(List.of("commandJson", "eventJson"));
        }
        VerificationReport asVersionOne = AuditBundleVerifier.verify(bundle.write(temp.resolve("v1.jsonl")));
        assertTrue(asVersionOne.valid(), "the same lines without renderings are a valid version 1 bundle: "
                + asVersionOne.message());
        assertEquals(1, asVersionOne.bundleVersion(), "the report says no rendering was checked");
        bundle.line(2).set("eventJson", bundle.event(2));
        assertTrue(brokenAt(2, bundle).reason().contains("a version 1 line has no renderings"));
    }

    private Problem commandRenderingEdited(Consumer<ObjectNode> edit) {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        edit.accept((ObjectNode) bundle.line(index).path("commandJson"));
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        return problem;
    }

    @Test
    void aRenderingWithAnExtraFieldANullOrAFieldRemovedDiffersFromItsBytes() {
        for (Consumer<ObjectNode> edit : List.<Consumer<ObjectNode>>of(
                rendering -> rendering.put("extra", "1"),
                rendering -> rendering.putNull("extra"),
                rendering -> rendering.remove("index"))) {
            assertTrue(commandRenderingEdited(edit).reason().contains("the commandJson rendering differs"));
        }
    }

    @Test
    void aNumberWrittenAsAStringDiffersAndAFractionIsRefused() {
        assertTrue(commandRenderingEdited(rendering -> rendering.put("index", String.valueOf(rendering.path("index").asLong())))
                .reason().contains("the commandJson rendering differs"));
        assertTrue(commandRenderingEdited(rendering -> rendering.put("index", (double) rendering.path("index").asLong()))
                .reason().contains("a number that is not whole"));
    }

    @Test
    void aFractionWrittenAsTextFiveDotZeroIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        long index = bundle.findTypeInRendering("DepositUnits");
        bundle.editText(index, text -> {
            int rendering = text.indexOf("\"commandJson\":");
            String edited = text.substring(0, rendering)
                    + text.substring(rendering).replaceFirst("\"index\":" + index + ",", "\"index\":" + index + ".0,");
            assertFalse(edited.equals(text), "the rendering holds its index: " + text);
            return edited;
        });
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        assertTrue(problem.reason().contains("a number that is not whole"), problem.toString());
    }

    @Test
    void aRepeatedNameInALineIsNotJson() {
        BundleEditor bundle = BundleEditor.of(binaryBundle).editText(3, text -> text.replaceFirst("^\\{", "{\"link\":\"x\","));
        assertTrue(brokenAt(3, bundle).reason().contains("the line is not JSON"));
    }

    @Test
    void aSecondValueAfterALineIsRefusedSoNoReaderSeesUncheckedJson() {
        BundleEditor bundle = BundleEditor.of(binaryBundle).editText(3, text -> text + "{\"index\":3,\"commandJson\":{}}");
        assertTrue(brokenAt(3, bundle).reason().contains("the line is not JSON"));
        BundleEditor versionOne = BundleEditor.of(recorded.bundle());
        versionOne.header().put("version", 1);
        for (long position = 1; position <= versionOne.size(); position++) {
            versionOne.line(position).remove(List.of("commandJson", "eventJson"));
        }
        versionOne.editText(2, text -> text + " {\"commandJson\":{}}");
        assertTrue(brokenAt(2, versionOne).reason().contains("the line is not JSON"));
    }

    @Test
    void aSecondValueOrAnUnknownFieldInTheHeaderIsRefused() {
        assertTrue(brokenHeader(BundleEditor.of(binaryBundle).editText(0, text -> text + "{\"version\":1}")).reason()
                .startsWith("the header is not JSON: "));
        assertEquals("the header carries an unknown field \"note\"",
                brokenHeader(withHeaderField(BundleEditor.of(binaryBundle))).reason());
    }

    @Test
    void anExportedAtThatIsNotAStringIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        bundle.header().set("exportedAt", BundleEditor.parse("{\"commandJson\":{}}"));
        assertEquals("exportedAt must be a string or absent, got {\"commandJson\":{}}", brokenHeader(bundle).reason());
        BundleEditor absent = BundleEditor.of(binaryBundle);
        absent.header().remove("exportedAt");
        VerificationReport report = AuditBundleVerifier.verify(absent.write(temp.resolve("no-time.jsonl")));
        assertTrue(report.valid(), "exportedAt is information only: " + report.message());
    }

    @Test
    void commandWithheldIsExactlyTrueOrAbsent() {
        for (String value : List.of("{\"commandJson\":{\"price\":\"1.2345\"}}", "\"true\"", "false", "1", "null")) {
            BundleEditor bundle = BundleEditor.of(binaryBundle);
            bundle.line(3).set("commandWithheld", BundleEditor.parse("{\"value\":" + value + "}").get("value"));
            Problem problem = brokenAt(3, bundle);
            assertEquals("commandWithheld must be true or absent, got " + value, problem.reason(), value);
        }
        BundleEditor withheld = BundleEditor.of(binaryBundle);
        long index = withheld.findTypeInRendering("DepositUnits");
        withheld.withhold(index);
        withheld.line(index).put("commandWithheld", "true");
        assertEquals("commandWithheld must be true or absent, got \"true\"", brokenAt(index, withheld).reason());
    }

    @Test
    void anInvalidVersionTwoReportDoesNotClaimItsRenderingsWereChecked() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        bundle.line(3).put("commandWithheld", false);
        VerificationReport report = AuditBundleVerifier.verify(bundle.write(temp.resolve("invalid.jsonl")));
        assertEquals(2, report.bundleVersion(), report.message());
        assertTrue(report.message().endsWith("(bundle version 2)"), report.message());
        assertFalse(report.message().contains("renderings checked"), report.message());
    }

    /** The problem of a bundle whose header fails: at index 0, nothing checked, and no bundle version read. */
    private Problem brokenHeader(BundleEditor bundle) {
        VerificationReport report = AuditBundleVerifier.verify(bundle.write(temp.resolve("header.jsonl")));
        assertFalse(report.valid(), report.message());
        assertEquals(0, report.firstProblem().orElseThrow().index(), report.message());
        assertEquals(0, report.recordsChecked(), report.message());
        assertEquals(0, report.bundleVersion(), report.message());
        return report.firstProblem().orElseThrow();
    }

    private static BundleEditor withHeaderField(BundleEditor bundle) {
        bundle.header().put("note", "unchecked");
        return bundle;
    }

    @Test
    void aLineWithAFieldOutsideItsVersionsSetIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        bundle.line(3).set("commandJSON", bundle.line(3).path("commandJson"));
        assertTrue(brokenAt(3, bundle).reason().contains("unknown field \"commandJSON\""));
        BundleEditor versionOne = BundleEditor.of(recorded.bundle());
        versionOne.header().put("version", 1);
        for (long position = 1; position <= versionOne.size(); position++) {
            versionOne.line(position).remove(List.of("commandJson", "eventJson"));
        }
        versionOne.line(2).put("price", "1.2345");
        assertTrue(brokenAt(2, versionOne).reason().contains("unknown field \"price\""));
    }

    @Test
    void aVersionTwoLineWithoutItsCommandRenderingIsRefused() {
        BundleEditor bundle = BundleEditor.of(binaryBundle);
        bundle.line(3).remove("commandJson");
        Problem problem = brokenAt(3, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        assertTrue(problem.reason().contains("no commandJson rendering"), problem.toString());
    }

    @Test
    void bytesForgedConsistentlyBeneathAStaleRenderingFailOnTheRendering() {
        BundleEditor bundle = BundleEditor.of(recorded.bundle());
        long index = bundle.findType("DepositUnits");
        JsonNode rendering = bundle.line(index).path("commandJson").deepCopy();
        ObjectNode command = bundle.command(index);
        ((ObjectNode) command.path("command")).put("units", "9999999.00");
        bundle.setCommand(index, command).line(index).set("commandJson", rendering);
        bundle.relink(index);
        Problem problem = brokenAt(index, bundle);
        assertEquals(Part.COMMAND, problem.part(), problem.toString());
        assertEquals("the commandJson rendering differs from the command document's bytes", problem.reason());
    }
}
