package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exchange demo --exit} seeds the whole demo market through the signed API and checks its state hash; run once,
 * its summary is checked section by section.
 */
class DemoSystemTest {
    @TempDir
    static Path directory;
    private static String out;
    private static int exit;

    @BeforeAll
    static void runTheDemo() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            exit = ExchangeCommand.commandLine().execute("demo", "--exit", "--port", "0", "--management-port", "0",
                    "--data-dir", directory.resolve("demo").toString());
        } finally {
            System.setOut(original);
        }
        out = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoRunsEveryMechanismAndItsSummaryMatchesAReplay() {
        assertEquals(0, exit, out);
        assertTrue(out.contains("(match)"), out);
        assertEquals(9, count(out, " SETTLED"), out);
        assertEquals(1, count(out, " FAILED"), out);
        assertTrue(out.contains("extended the auction"), out);
        assertTrue(out.contains("4005"), out);
        assertEquals(11, count(out, " POST /"), out);
    }

    @Test
    void theDemoTakesFundsIntoCustodyTradesOffRegisterAndEncumbersUnits() {
        assertEquals(0, exit, out);
        assertCount(out, "custody registrations  FULL APPROVED", 10);
        assertCount(out, "custody registrations  PARTIAL APPROVED", 10);
        assertCount(out, "custody lines          CONFIRMED", 40);
        assertTrue(out.matches("(?s).*trade \\d+ +DF12 Holder-06 -> Investor-06 +50000\\.00 units at 1\\.3500 .*SETTLED  offer \\d+.*"), out);
        assertCount(out, "quote rounds           HOLDER", 1);
        assertCount(out, "quote rounds           INVESTOR", 2);
        assertCount(out, "quotes                 ACCEPTED", 1);
        assertTrue(out.matches("(?s).*trade \\d+ +DF13 Holder-01 -> Investor-07 +80000\\.00 units at 1\\.5000 .*SETTLED  offer \\d+.*"), out);
        assertCount(out, "match proposals        AGREED", 1);
        assertCount(out, "match proposals        LAPSED", 1);
        assertCount(out, "pledges                ACTIVE", 1);
        assertCount(out, "pledges                RELEASED", 1);
        assertCount(out, "freezes                ACTIVE", 1);
        assertTrue(out.contains("409 3001: available units 50000.00 are fewer than 100000.00 (Holder-05 POST /listings) - 150000.00 of its units are pledged"), out);
        assertTrue(out.contains("409 3001: available units 80000.00 are fewer than 100000.00 (Holder-04 POST /listings) - 120000.00 of its units are frozen"), out);
        assertTrue(out.matches("(?s).*Holder-05 +100000\\.00 units  locked +0\\.00  pledged +20000\\.00  frozen +0\\.00.*"), out);
        assertTrue(out.matches("(?s).*Holder-04 +200000\\.00 units  locked +0\\.00  pledged +0\\.00  frozen +120000\\.00.*"), out);
    }

    private static void assertCount(String out, String label, int expected) {
        assertTrue(out.matches("(?s).*\\n  " + java.util.regex.Pattern.quote(label) + " +" + expected + "\\n.*"),
                () -> label + " " + expected + " in\n" + out);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
