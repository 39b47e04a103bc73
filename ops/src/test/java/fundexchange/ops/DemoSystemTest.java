package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import fundexchange.engine.event.KeyRegistered;
import fundexchange.journal.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
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

    @Test
    void theDemoWritesEachParticipantsKeyOwnerOnlyAsPkcs8OfItsRegisteredPublicKey() throws Exception {
        assertEquals(0, exit, out);
        Path demo = directory.resolve("demo");
        Path keys = demo.resolve("keys");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(keys));
        Map<String, KeyRegistered> registered = new TreeMap<>();
        try (Journals journals = Journals.open(demo); Journals.TypedReader<EventDocument> reader = journals.eventReader()) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                next.get().value().events().stream().filter(KeyRegistered.class::isInstance).map(KeyRegistered.class::cast)
                        .forEach(key -> registered.put(key.participantId() + "__" + key.keyId() + ".pem", key));
            }
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed = Files.list(keys)) {
            listed.forEach(file -> files.add(file.getFileName().toString()));
        }
        Set<String> expected = new TreeSet<>(registered.keySet());
        expected.add("README.txt");
        assertEquals(expected, files, "one file per registered key, and the README");
        assertEquals(19, registered.size(), "3 staff, 1 regulator, 6 holders, 9 investors");
        String readme = Files.readString(keys.resolve("README.txt"));
        byte[] message = "demo key check".getBytes(StandardCharsets.UTF_8);
        for (String file : files) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keys.resolve(file)), file);
            if (file.equals("README.txt")) {
                continue;
            }
            KeyRegistered key = registered.get(file);
            String pem = Files.readString(keys.resolve(file));
            assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), file);
            PrivateKey parsed = KeyMaterial.readPrivatePem(pem);
            assertEquals("PKCS#8", parsed.getFormat());
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromWireName(key.algorithm());
            assertTrue(Signatures.verify(algorithm, Base64.getDecoder().decode(key.publicKey()), message,
                    Signatures.sign(algorithm, parsed, message)), file + " signs for its registered public key");
            assertTrue(readme.matches("(?s).*\\n" + key.participantId() + " +[A-Z]+.*" + key.keyId() + " +"
                    + key.algorithm() + " +" + java.util.regex.Pattern.quote(file) + "\\n.*"), file + " in\n" + readme);
        }
        assertTrue(readme.contains("Investor-01    INVESTOR (qualified)"), readme);
        assertTrue(readme.contains("Investor-09    INVESTOR "), readme);
        assertTrue(out.contains("portal / 门户: http://localhost:"), out);
        assertTrue(out.contains("key files / 密钥文件: " + keys.toAbsolutePath()), out);
    }

    @Test
    void serveRefusesTheDemosDataDirectory() {
        assertEquals(0, exit, out);
        PrintStream original = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ExchangeCommand.commandLine().execute("serve", "--port", "0", "--management-port", "0",
                    "--data-dir", directory.resolve("demo").toString());
        } finally {
            System.setErr(original);
        }
        String refused = errors.toString(StandardCharsets.UTF_8);
        assertTrue(status != 0, refused);
        assertTrue(refused.contains("refusing to serve " + directory.resolve("demo") + ": it is a demo data directory"), refused);
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
