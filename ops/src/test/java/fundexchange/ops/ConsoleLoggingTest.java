package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library records (here through {@code java.util.logging}, bridged) reach the terminal only with {@code --verbose} or at
 * ERROR, go to {@code <data-dir>/logs/exchange.log} once a command names a data directory, and nowhere else.
 */
class ConsoleLoggingTest {
    private static final Logger LIBRARY = Logger.getLogger("test.library");
    @TempDir
    Path directory;

    @Test
    void withoutVerboseOnlyErrorsReachTheTerminalAndEveryRecordReachesTheDataDirectorysLogFile() throws Exception {
        Files.createDirectories(directory.resolve("journal"));
        String terminal = standardErrorOf(() -> {
            ConsoleLogging.start(false);
            try {
                assertEquals(Optional.of(directory.resolve("logs/exchange.log").toAbsolutePath()),
                        ConsoleLogging.toDataDirectory(directory));
                LIBRARY.info("an informational record");
                LIBRARY.severe("ALARM something needs an operator");
            } finally {
                ConsoleLogging.finish();
            }
        });
        assertEquals(List.of("ERROR test.library: ALARM something needs an operator"), ours(terminal.lines().toList()), terminal);
        // Only this test's records: threads other test classes left running may log meanwhile.
        List<String> logged = Files.readAllLines(directory.resolve("logs/exchange.log")).stream()
                .filter(line -> line.contains(" test.library: ")).toList();
        assertEquals(2, logged.size(), logged::toString);
        assertTrue(logged.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\]"
                + " test\\.library: an informational record"), logged::toString);
        assertEquals(List.of("INFO test.library: an informational record", "ERROR test.library: ALARM something needs an operator"),
                ours(logged));
    }

    @Test
    void verboseShowsEveryRecordOnTheTerminal() {
        String terminal = standardErrorOf(() -> {
            ConsoleLogging.start(true);
            try {
                LIBRARY.info("an informational record");
            } finally {
                ConsoleLogging.finish();
            }
        });
        assertEquals(List.of("INFO test.library: an informational record"), ours(terminal.lines().toList()), terminal);
    }

    @Test
    void aDirectoryWithoutAJournalGetsNoLogFile() throws Exception {
        assertEquals(Optional.empty(), ConsoleLogging.toDataDirectory(directory.resolve("mistyped")));
        assertEquals(Optional.empty(), ConsoleLogging.toDataDirectory(directory));
        assertEquals(List.of(), list(directory));
    }

    @Test
    void aCommandWithoutADataDirectoryWritesNoLogFile() throws Exception {
        Path keys = directory.resolve("keys");
        assertEquals(0, ExchangeCommand.commandLine().execute("keys", "generate", "--name", "Staff-09", "--out",
                keys.toString()));
        assertEquals(List.of(keys), list(directory));
        assertEquals(List.of(keys.resolve("Staff-09.key.pem"), keys.resolve("Staff-09.pub.pem")), list(keys));
        assertFalse(Files.exists(Path.of("logs", "exchange.log")), "no log file in the working directory");
    }

    /** This test's records as "LEVEL logger: message", each line's time and thread checked and dropped. */
    private static List<String> ours(List<String> lines) {
        return lines.stream().filter(line -> line.contains(" test.library: "))
                .peek(line -> assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) [A-Z]+ +\\[[^]]+\\] .*"), line))
                .map(line -> line.replaceFirst("^\\S+ ([A-Z]+) +\\[[^]]+\\] ", "$1 ")).toList();
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    private static String standardErrorOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
