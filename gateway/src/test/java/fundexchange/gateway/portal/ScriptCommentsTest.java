package fundexchange.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptCommentsTest {

    @Test
    void commentsBlankLinesAndIndentationGoAndCodeStays() {
        String source = """
                // A module comment.
                /**
                 * A documented function.
                 */
                export function f(a) {
                  const b = a / 2; // half
                  /* inline */ return b;
                }

                """;
        assertEquals("export function f(a) {\nconst b = a / 2;\nreturn b;\n}\n", ScriptComments.strip(source));
    }

    @Test
    void stringsTemplatesAndRegularExpressionsAreKeptByteForByte() {
        String source = """
                const url = 'http://example.test/*not a comment*/';
                const quote = "it's // here";
                const escaped = text.replace(/[&<>"'`]/g, c => map[c]).split(/\\/\\//);
                const page = html`
                  <pre>
                    // kept, with its indentation
                    /* kept */
                  </pre>
                  ${items.map(i => html`<li>${i /* gone */}</li>`)}
                  ${{ a: 1 }.a}
                `;
                const ratio = (a) / b / c;
                """;
        String stripped = ScriptComments.strip(source);
        assertTrue(stripped.contains("'http://example.test/*not a comment*/'"), stripped);
        assertTrue(stripped.contains("\"it's // here\""), stripped);
        assertTrue(stripped.contains("text.replace(/[&<>\"'`]/g, c => map[c]).split(/\\/\\//);"), stripped);
        assertTrue(stripped.contains("  <pre>\n    // kept, with its indentation\n    /* kept */\n  </pre>\n"), stripped);
        assertTrue(stripped.contains("html`<li>${i }</li>`"), stripped);
        assertTrue(stripped.contains("${{ a: 1 }.a}\n`;"), stripped);
        assertTrue(stripped.contains("const ratio = (a) / b / c;"), stripped);
    }

    @Test
    void aBlockCommentAcrossLinesStillEndsTheLineForSemicolonInsertion() {
        assertEquals("a = b\nc()\n", ScriptComments.strip("a = b /*\n*/ c()\n"));
        assertEquals("return /x/.test(s)\n", ScriptComments.strip("return /x/.test(s)\n"));
    }

    @Test
    void unterminatedInputIsRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> ScriptComments.strip("const a = 'open"));
        assertThrows(IllegalArgumentException.class, () -> ScriptComments.strip("const a = `open"));
        assertThrows(IllegalArgumentException.class, () -> ScriptComments.strip("/* open"));
    }

    @Test
    void everyPortalScriptStripsToAFixedPointWithTheSameStringsAndTemplates() {
        Map<String, byte[]> own = ClasspathTree.read(getClass().getClassLoader(), PortalAssets.FOLDER);
        int scripts = 0;
        for (Map.Entry<String, byte[]> file : own.entrySet()) {
            if (!file.getKey().endsWith(".js")) {
                continue;
            }
            scripts++;
            String source = new String(file.getValue(), StandardCharsets.UTF_8);
            String stripped = ScriptComments.strip(source);
            assertEquals(stripped, ScriptComments.strip(stripped), file.getKey());
            assertTrue(stripped.length() <= source.length(), file.getKey());
            assertFalse(stripped.lines().anyMatch(line -> line.startsWith("// ") || line.startsWith(" * ")),
                    file.getKey() + " keeps a comment line outside a template");
        }
        assertTrue(scripts > 50, "portal scripts found: " + scripts);
    }
}
