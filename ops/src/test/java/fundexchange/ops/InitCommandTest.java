package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.Genesis;
import fundexchange.journal.chronicle.Journals;
import fundexchange.runner.EngineRunner;
import fundexchange.signing.PlatformId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path work;

    private int exchange(String... args) {
        return ExchangeCommand.commandLine().execute(args);
    }

    @Test
    void initWritesTheGenesisFromOperatorKeysAndRefusesANonEmptyDirectory() throws Exception {
        Path keys = work.resolve("keys");
        assertEquals(0, exchange("keys", "generate", "--name", "Staff-01", "--out", keys.toString()));
        assertEquals(0, exchange("keys", "generate", "--name", "Staff-02", "--out", keys.toString(), "--algorithm", "SM2-SM3"));
        assertEquals(0, exchange("keys", "generate", "--name", "Staff-03", "--out", keys.toString()));
        assertEquals(0, exchange("keys", "generate", "--name", "Regulator-01", "--out", keys.toString()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("Staff-01.key.pem"))));
        Path data = work.resolve("data");
        assertNotEquals(0, exchange("init", "--data-dir", data.toString(),
                "--staff", "Staff-01=" + keys.resolve("Staff-01.pub.pem"),
                "--staff", "Staff-02=" + keys.resolve("Staff-02.pub.pem"),
                "--regulator", "Regulator-01=" + keys.resolve("Regulator-01.pub.pem")), "maker-checker needs three staff");
        assertNotEquals(0, exchange("init", "--data-dir", data.toString(),
                "--staff", "Staff-01=" + keys.resolve("Staff-01.pub.pem"),
                "--staff", "Staff-02=" + keys.resolve("Staff-02.pub.pem"),
                "--staff", "Staff-03=" + keys.resolve("Staff-01.pub.pem"),
                "--regulator", "Regulator-01=" + keys.resolve("Regulator-01.pub.pem")), "every founder has a key of its own");
        assertFalse(Files.exists(data), "a refused init writes nothing");
        String[] init = {"init", "--data-dir", data.toString(),
                "--staff", "Staff-01=" + keys.resolve("Staff-01.pub.pem"),
                "--staff", "Staff-02=" + keys.resolve("Staff-02.pub.pem"),
                "--staff", "Staff-03=" + keys.resolve("Staff-03.pub.pem"),
                "--regulator", "Regulator-01=" + keys.resolve("Regulator-01.pub.pem")};
        assertEquals(0, exchange(init));
        try (Journals journals = Journals.open(data)) {
            Genesis genesis = (Genesis) journals.lastCommand().orElseThrow().command();
            assertEquals(4, genesis.participants().size());
            assertEquals("SM2-SM3", genesis.participants().get(1).algorithm());
            assertEquals(PlatformId.derivedFrom(java.util.Base64.getDecoder().decode(genesis.exchangePublicKey())),
                    genesis.platformId(), "by default, derived from the new exchange key");
            assertEquals(fundexchange.protocol.RulesVersion.CURRENT, genesis.rulesVersion());
        }
        assertTrue(Files.exists(data.resolve(GenesisWriter.EXCHANGE_KEY_FILE)));
        assertNotEquals(0, exchange(init), "a second init into the same directory is refused");

        try (Journals journals = Journals.open(data); EngineRunner engine = new EngineRunner(journals).start()) {
            engine.awaitReady(java.time.Duration.ofSeconds(20));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (journals.lastEvents().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        String dump = captured(() -> assertEquals(0, exchange("journal", "dump", "--data-dir", data.toString())));
        assertTrue(dump.startsWith("{\"index\":1,\"command\":{") && dump.contains("\"Genesis\"") && dump.contains("ExchangeKeyRegistered"), dump);
        String replay = captured(() -> assertEquals(0, exchange("journal", "replay", "--verify", "--data-dir", data.toString())));
        assertTrue(replay.contains("replayed and verified 1 documents"), replay);
        String writer = "first record written by / 首条记录写入者: " + fundexchange.build.BuildInfo.current().describe();
        assertEquals(String.join(System.lineSeparator(),
                "this build / 当前版本: " + fundexchange.build.BuildInfo.current().describe(),
                "commands " + cycleFile(data.resolve("journal/commands")) + "  documents 1-1 (1) / 文档  " + writer,
                "events " + cycleFile(data.resolve("journal/events")) + "  documents 1-1 (1) / 文档  " + writer, ""),
                captured(() -> assertEquals(0, exchange("journal", "info", "--data-dir", data.toString()))),
                "journal info names the build that wrote each file's first record");
    }

    private static String cycleFile(Path journal) {
        try (java.util.stream.Stream<Path> files = Files.list(journal)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".cq4")).sorted().findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void initRecordsTheOperatorsPlatformIdAndRefusesAMalformedOneWritingNothing() throws Exception {
        Path keys = work.resolve("keys");
        for (String name : new String[] {"Staff-01", "Staff-02", "Staff-03", "Regulator-01"}) {
            assertEquals(0, exchange("keys", "generate", "--name", name, "--out", keys.toString()));
        }
        Path data = work.resolve("data");
        String[] founders = {"--staff", "Staff-01=" + keys.resolve("Staff-01.pub.pem"),
                "--staff", "Staff-02=" + keys.resolve("Staff-02.pub.pem"),
                "--staff", "Staff-03=" + keys.resolve("Staff-03.pub.pem"),
                "--regulator", "Regulator-01=" + keys.resolve("Regulator-01.pub.pem")};
        java.util.List<String> malformed = new java.util.ArrayList<>(java.util.List.of("init", "--data-dir", data.toString(),
                "--platform-id", "Exchange_Prod"));
        malformed.addAll(java.util.List.of(founders));
        assertNotEquals(0, exchange(malformed.toArray(String[]::new)));
        assertTrue(!Files.exists(data), "nothing is written for a malformed platform id");

        java.util.List<String> init = new java.util.ArrayList<>(java.util.List.of("init", "--data-dir", data.toString(),
                "--platform-id", "exchange.example-prod"));
        init.addAll(java.util.List.of(founders));
        String printed = captured(() -> assertEquals(0, exchange(init.toArray(String[]::new))));
        assertTrue(printed.contains("platform id / 平台标识: exchange.example-prod"), printed);
        try (Journals journals = Journals.open(data)) {
            assertEquals("exchange.example-prod", ((Genesis) journals.lastCommand().orElseThrow().command()).platformId());
        }
    }

    private static String captured(Runnable action) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
