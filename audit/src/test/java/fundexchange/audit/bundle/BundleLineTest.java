package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle line as written: ASCII, so any journal string exports and reads back as the same string (R2). */
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
}
