package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exchange demo --exit} seeds the whole demo market through the signed API and checks its state hash. */
class DemoSystemTest {
    @TempDir
    Path directory;

    @Test
    void theDemoRunsEveryMechanismAndItsSummaryMatchesAReplay() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            exit = ExchangeCommand.commandLine().execute("demo", "--exit", "--port", "0",
                    "--data-dir", directory.resolve("demo").toString());
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("(match)"), out);
        assertEquals(6, count(out, " SETTLED"), out);
        assertEquals(1, count(out, " FAILED"), out);
        assertTrue(out.contains("extended the auction"), out);
        assertTrue(out.contains("4005 BUYER_NOT_QUALIFIED") || out.contains("4005"), out);
        assertEquals(8, count(out, " POST /"), out);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
