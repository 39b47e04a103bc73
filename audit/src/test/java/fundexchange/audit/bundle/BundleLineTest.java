package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle line as written: ASCII, so any journal string, in either encoding, exports and reads back as the same string
 * (R2); a rendering the verifier would refuse fails the export; a line's names are known for versions 1 and 2 only.
 */
class BundleLineTest {
    private static final String DIGEST = "0".repeat(64);
    @TempDir
    Path temp;

    @Test
    void aStringWithAnUnpairedSurrogateExportsAsAnAsciiLineThatReadsBackTheSameAndVerifies() throws Exception {
        // A JSON-era document as Jackson's UTF-8 writer writes an unpaired surrogate: escaped.
        byte[] command = "{\"index\":2,\"note\":\"Investor-07 \\ud800 \u4e2d\"}".getBytes(StandardCharsets.UTF_8);
        byte[] event = "{\"sourceIndex\":2,\"note\":\"\\udc00\"}".getBytes(StandardCharsets.UTF_8);
        BundleLine line = new BundleLine(2, command, event, false, DIGEST, DIGEST, DIGEST,
                AuditBundle.rendering(command), AuditBundle.rendering(event));
        assertEquals("Investor-07 \ud800 \u4e2d", line.commandJson().path("note").asText());

        String text = line.toJson();
        assertTrue(text.chars().allMatch(c -> c < 0x80), text);
        Path file = temp.resolve("line.jsonl");
        assertDoesNotThrow(() -> Files.writeString(file, text, StandardCharsets.UTF_8));

        BundleLine read = BundleLine.parse(2, Files.readString(file, StandardCharsets.UTF_8), 2);
        assertEquals(line.commandJson(), read.commandJson());
        assertEquals(line.eventJson(), read.eventJson());
        AuditBundleVerifier.checkRenderings(2, read);
    }

    @Test
    void aBinaryDocumentsUnpairedSurrogateRendersEscapedAndReadsBackTheSame() throws Exception {
        // A binary document holds a lone surrogate as WTF-8; its rendering goes through the JSON writer, which escapes it.
        byte[] command = JournalDocuments.encode(CommandRecord.unsigned(2, 1_795_000_000_000L,
                new PlaceOrder("DGF3 \ud800", Side.BUY, new Units(5), new Price(7))), JournalEncoding.BINARY);
        assertTrue(JournalDocuments.isBinary(command));
        byte[] event = "{\"sourceIndex\":2}".getBytes(StandardCharsets.UTF_8);
        BundleLine line = new BundleLine(2, command, event, false, DIGEST, DIGEST, DIGEST,
                AuditBundle.rendering(command), AuditBundle.rendering(event));
        assertEquals("DGF3 \ud800", line.commandJson().findValue("fundCode").asText());

        String text = line.toJson();
        assertTrue(text.chars().allMatch(c -> c < 0x80), text);
        BundleLine read = BundleLine.parse(2, text, 2);
        assertEquals(line.commandJson(), read.commandJson());
        AuditBundleVerifier.checkRenderings(2, read);
    }

    @Test
    void aDocumentHoldingAFractionFailsItsExportRatherThanWritingABundleThatCannotVerify() {
        byte[] command = "{\"index\":2,\"units\":1.5}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> AuditBundle.rendering(command));
    }

    @Test
    void onlyVersionsOneAndTwoHaveLineFields() {
        assertTrue(AuditBundle.lineFields(2).contains("commandJson"));
        assertTrue(!AuditBundle.lineFields(1).contains("commandJson"));
        assertThrows(IllegalArgumentException.class, () -> AuditBundle.lineFields(3));
    }
}
