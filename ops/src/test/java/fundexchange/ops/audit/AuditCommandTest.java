package fundexchange.ops.audit;

import fundexchange.audit.bundle.AuditBundleVerifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code exchange audit export} and {@code exchange audit verify} as an operator runs them. */
class AuditCommandTest {
    private final RecordedExchange recorded = RecordedExchange.shared();
    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine audit = new CommandLine(new AuditCommand());
        audit.setOut(new PrintWriter(out, true));
        audit.setErr(new PrintWriter(err, true));
        return audit.execute(args);
    }

    @Test
    void exportedBundleVerifiesWithExitCodeZeroAndCounts() {
        Path bundle = temp.resolve("audit.jsonl");
        assertEquals(0, run("export", "--data-dir", recorded.dataDirectory().toString(), "--out", bundle.toString()), err.toString());
        assertTrue(Files.isRegularFile(bundle));
        assertEquals(0, run("verify", bundle.toString()), out.toString());
        assertTrue(out.toString().contains("VALID: "), out.toString());
        assertTrue(out.toString().contains("participant signatures verified"), out.toString());
        assertTrue(out.toString().contains("checkpoints verified"), out.toString());
    }

    @Test
    void verifyPrintsThePlatformIdAndRefusesABundleOfAnotherPlatform() {
        String platform = recorded.platformId();
        assertEquals(0, run("verify", recorded.bundle().toString(), "--platform-id", platform), out.toString());
        assertTrue(out.toString().startsWith("VALID: platform " + platform + ": "), out.toString());
        assertEquals(1, run("verify", recorded.bundle().toString(), "--platform-id", "fx-elsewhere"));
        assertTrue(out.toString().contains("INVALID at index 1: the bundle is of platform " + platform
                + ", not of the expected fx-elsewhere"), out.toString());
    }

    @Test
    void exportHonoursToIndex() {
        Path bundle = temp.resolve("prefix.jsonl");
        assertEquals(0, run("export", "--data-dir", recorded.dataDirectory().toString(), "--out", bundle.toString(),
                "--to-index", "3"), err.toString());
        assertTrue(out.toString().contains("exported indices 1..3"), out.toString());
        assertEquals(3, AuditBundleVerifier.verify(bundle).recordsChecked());
    }

    @Test
    void tamperedBundleExitsOneAndPrintsTheProblem() {
        BundleEditor bundle = BundleEditor.of(recorded.bundle());
        long index = bundle.findType("RegisterFund");
        Path tampered = bundle.delete(index).write(temp.resolve("tampered.jsonl"));
        assertEquals(1, run("verify", tampered.toString()));
        assertTrue(out.toString().contains("INVALID at index " + index), out.toString());
        assertTrue(out.toString().contains((index - 1) + " records checked"), out.toString());
    }

    @Test
    void missingBundleExitsOne() {
        assertEquals(1, run("verify", temp.resolve("absent.jsonl").toString()));
        assertTrue(out.toString().contains("cannot read the bundle"), out.toString());
    }

    @Test
    void exportRefusesADirectoryWithoutJournalsAndAnIndexBeyondThem() {
        assertEquals(2, run("export", "--data-dir", temp.toString(), "--out", temp.resolve("x.jsonl").toString()));
        assertTrue(err.toString().contains("holds no command and event journals"), err.toString());
        assertEquals(2, run("export", "--data-dir", recorded.dataDirectory().toString(), "--out",
                temp.resolve("y.jsonl").toString(), "--to-index", "999999"));
        assertTrue(err.toString().contains("toIndex must lie in 1.."), err.toString());
    }
}
